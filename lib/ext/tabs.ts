import browser from 'webextension-polyfill';

/** The tab the popup is about. */
export interface Target {
  tabId?: number;
  url?: string;
}

/**
 * The popup normally describes the active tab. Tests and the benchmark open popup.html in a
 * tab of its own and name the tab to describe with `?tabId=`.
 */
export async function activeTarget(popupUrl: URL): Promise<Target> {
  const forced = popupUrl.searchParams.get('tabId');
  try {
    if (forced && /^\d+$/.test(forced)) {
      const tab = await browser.tabs.get(Number(forced));
      return { tabId: tab.id, url: tab.url };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { tabId: tab?.id, url: tab?.url };
  } catch {
    return {};
  }
}

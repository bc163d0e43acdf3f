import browser from 'webextension-polyfill';
import type { TabState } from '../messages';
import { snapshotKey, usableSnapshot } from '../tab-snapshot';

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

/**
 * The background's last `tab-state` answer for this tab and URL, if storage.session has it within
 * `waitMs` (it normally answers in a few ms; the worker's own answer follows anyway).
 */
export async function tabSnapshot(target: Target, waitMs = 40): Promise<TabState | undefined> {
  if (target.tabId === undefined) return undefined;
  const key = snapshotKey(target.tabId);
  const read = browser.storage.session
    .get(key)
    .then((got) => usableSnapshot(got[key], target.url))
    .catch(() => undefined);
  return Promise.race([read, new Promise<undefined>((r) => setTimeout(() => r(undefined), waitMs))]);
}

// Thin wiring: register listeners synchronously (MV3 wakes the worker for them) and hand each
// event to the background service (lib/background/service.ts).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createDispatcher, type SenderInfo } from '../lib/messages';
import { createBackground } from '../lib/background/service';
import { createPlatform } from '../lib/ext/background-platform';
import { loadSettings } from '../lib/ext/settings-store';
import { SETTINGS_KEY } from '../lib/settings';

const DIRECTORY_ALARM = 'insyn-directory-refresh';
const EXTRA_SCRIPT_ID = 'insyn-detector-extra';

/**
 * Sites the user added in the options (optional host permissions) get the detector too. Registered
 * dynamically, only for origins whose permission is actually granted.
 */
async function syncExtraDetector(): Promise<void> {
  const { extraOrigins } = await loadSettings();
  const granted: string[] = [];
  for (const o of extraOrigins) if (await browser.permissions.contains({ origins: [o] })) granted.push(o);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [EXTRA_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      { id: EXTRA_SCRIPT_ID, matches: granted, js: ['content-scripts/detector.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
}

export default defineBackground(() => {
  const service = createBackground(createPlatform(import.meta.env.WXT_API_BASE as string | undefined));
  const dispatch = createDispatcher(service.handlers, browser.runtime.id);
  const warn = (what: string) => (err: unknown) => console.warn(`[insyn] ${what}`, err);

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    const info: SenderInfo = { id: sender.id, tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url, frameId: sender.frameId };
    // Content-script messages from subframes are ignored: the detector runs in top frames only.
    if (info.tabId !== undefined && info.frameId !== 0) return Promise.resolve({ ok: false, error: { kind: 'forbidden', message: 'subframe' } });
    return dispatch(message, info);
  });

  // Without the `tabs` permission the URL is only visible for hosts Insyn may read (the
  // public-sector hosts), which is exactly where a badge can appear.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const url = change.url ?? (change.status === 'loading' ? tab.url : undefined);
    if (url) service.onTabUrl(tabId, url).catch(warn('tab update'));
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.onTabRemoved(tabId).catch(warn('tab removed')));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DIRECTORY_ALARM) service.refreshDirectory().catch(warn('directory refresh'));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) syncExtraDetector().catch(warn('extra sites'));
  });
  browser.permissions.onRemoved.addListener(() => void syncExtraDetector().catch(warn('extra sites')));
  browser.runtime.onInstalled.addListener(() => {
    syncExtraDetector().catch(warn('extra sites'));
    void browser.alarms.create(DIRECTORY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
    service.refreshDirectory().catch(warn('first directory load'));
  });
});

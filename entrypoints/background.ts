import '../lib/zod-setup';
// Thin wiring: register listeners synchronously (MV3 wakes the worker for them) and hand each
// event to the background service (lib/background/service.ts).
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createDispatcher, type SenderInfo } from '../lib/messages';
import { createBackground } from '../lib/background/service';
import { createPlatform } from '../lib/ext/background-platform';

const DIRECTORY_ALARM = 'insyn-directory-refresh';

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
  browser.runtime.onInstalled.addListener(() => {
    void browser.alarms.create(DIRECTORY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
    service.refreshDirectory().catch(warn('first directory load'));
  });
});

// The extension-side glue used by popup and options: the only lib/ module (with the rest of
// lib/ext/) that touches browser.*. It goes through webextension-polyfill so the same promise
// API works on Chrome and Firefox.
import browser from 'webextension-polyfill';
import { call, type MessageType, type RequestOf, type ResponseOf } from '../messages';
import { parseSettings, SETTINGS_KEY, type Settings } from '../settings';
import { resolveLang, type Lang } from '../i18n';

/**
 * Sends one request to the background. When the service worker is being stopped as the message
 * arrives, the browser rejects the send ("message port closed", "receiving end does not exist");
 * the next send starts a fresh worker, so transport failures are retried (not the background's
 * own error replies, which come back as values).
 */
export async function callBackground<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const send = async (m: unknown): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await browser.runtime.sendMessage(m);
      } catch (err) {
        if (attempt >= 2) throw err;
        await new Promise((r) => setTimeout(r, 150 * (attempt + 1)));
      }
    }
  };
  return call(send, type, payload);
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator !== 'undefined' ? navigator.language : 'en';
  }
}

export async function currentLang(): Promise<Lang> {
  const settings = await loadSettings();
  return resolveLang(settings.lang, uiLanguage());
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) listener(parseSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

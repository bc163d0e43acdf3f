// The extension-side glue used by popup and options: the only lib/ module (with the rest of
// lib/ext/) that touches browser.*. It goes through webextension-polyfill so the same promise
// API works on Chrome and Firefox. Kept free of zod (see lib/message-client.ts): the popup
// loads this before its first content; full settings are in ./settings-store.
import browser from 'webextension-polyfill';
import { call } from '../message-client';
import type { MessageType, RequestOf, ResponseOf } from '../messages';
import { SETTINGS_KEY, storedLang } from '../settings/stored-lang';
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

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator !== 'undefined' ? navigator.language : 'en';
  }
}

/** The UI language: the user's setting, else the browser's. */
export async function currentLang(): Promise<Lang> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return resolveLang(storedLang(stored[SETTINGS_KEY]), uiLanguage());
}

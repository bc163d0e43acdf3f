import '../lib/zod-setup';
// Thin wiring: register listeners synchronously (MV3 wakes the worker for them) and hand
// every message to the dispatcher, which validates it against lib/messages.ts.
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createDispatcher, type SenderInfo } from '../lib/messages';
import { createBackground } from '../lib/background/service';

export default defineBackground(() => {
  const service = createBackground();
  const dispatch = createDispatcher(service.handlers, browser.runtime.id);

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    const info: SenderInfo = {
      id: sender.id,
      tabId: sender.tab?.id,
      url: sender.url,
      frameId: sender.frameId,
    };
    // The polyfill turns the returned promise into sendResponse on Chrome.
    return dispatch(message, info);
  });
});

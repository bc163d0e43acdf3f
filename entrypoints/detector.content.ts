// The detector: runs at document_idle on public-sector hosts (and, through activeTab, on any
// page when the popup asks). It reads a bounded part of the page, never touches the network,
// and sends one message to the background, only when it found a signal. No framework, no zod,
// no polyfill: this file is on the hot path of every .se page (budget: 6 kB gzip, 2–5 ms).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { collectSignals } from '../lib/detect/collect';
import { hasSignal } from '../lib/detect/signals';

const SPA_DEBOUNCE_MS = 400;

interface DetectorState {
  lastKey: string;
  timer?: ReturnType<typeof setTimeout>;
}

export default defineContentScript({
  matches: ['*://*.se/*', '*://*.stockholm/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    // Content scripts of one extension share an isolated world per frame, invisible to the
    // page: a second injection (the popup's activeTab run) reuses the first one's state.
    const g = globalThis as typeof globalThis & { __insynDetector?: DetectorState };
    // Top frame only (all_frames is off, but activeTab injection must not differ) and HTML only.
    if (window.top !== window || !(document instanceof HTMLDocument)) return;
    const old = g.__insynDetector;
    if (old) {
      // The popup asked again (activeTab): send even if nothing changed.
      old.lastKey = '';
      run(old);
      return;
    }
    const state: DetectorState = { lastKey: '' };
    g.__insynDetector = state;
    run(state);
    // Single-page sites change location without a load. WXT's location watcher uses the
    // Navigation API where the browser has it (no polling) and a 1 s check elsewhere; re-run, debounced.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => run(state), SPA_DEBOUNCE_MS);
    });
  },
});

function run(state: DetectorState): void {
  try {
    const signals = collectSignals(document, location);
    if (!hasSignal(signals)) return;
    const key = JSON.stringify(signals);
    if (key === state.lastKey) return;
    state.lastKey = key;
    void browser.runtime.sendMessage({ type: 'signals', payload: { signals } }).catch(() => {
      // The background may be restarting; the next navigation sends again.
    });
  } catch {
    // A hostile or broken page must never surface an error from us.
  }
}

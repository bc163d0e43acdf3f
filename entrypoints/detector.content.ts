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
  main() {
    // Content scripts of one extension share an isolated world per frame, invisible to the
    // page: a second injection (the popup's activeTab run) reuses the first one's state.
    const g = globalThis as typeof globalThis & { __insynDetector?: DetectorState };
    if (window.top !== window || !(document instanceof HTMLDocument) || !document.documentElement) return;
    if (g.__insynDetector) {
      run(g.__insynDetector, true);
      return;
    }
    const state: DetectorState = { lastKey: '' };
    g.__insynDetector = state;
    run(state, false);
    // Single-page sites change location without a load; re-run, debounced. Polling the URL is
    // cheaper and harder for a page to break than patching history.pushState.
    let lastHref = location.href;
    setInterval(() => {
      if (location.href === lastHref) return;
      lastHref = location.href;
      clearTimeout(state.timer);
      state.timer = setTimeout(() => run(state, false), SPA_DEBOUNCE_MS);
    }, 500);
  },
});

function run(state: DetectorState, force: boolean): void {
  try {
    const signals = collectSignals(document, location);
    if (!hasSignal(signals)) return;
    const key = JSON.stringify(signals);
    if (!force && key === state.lastKey) return;
    state.lastKey = key;
    void browser.runtime.sendMessage({ type: 'signals', payload: { signals } }).catch(() => {
      // The background may be restarting; the next navigation sends again.
    });
  } catch {
    // A hostile or broken page must never surface an error from us.
  }
}

// The detector: runs at document_idle on public-sector hosts (and, through activeTab, on any
// page when the popup asks). It reads a bounded part of the page, never touches the network,
// and sends one message to the background, only when it found a signal. No framework, no zod,
// no polyfill: this file is on the hot path of every .se page (budget: 6 kB gzip, 2–5 ms).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { collectSignals } from '../lib/detect/collect';
import { hasSignal } from '../lib/detect/signals';

/** Quiet time after a route change before the page is read again (the new view is still rendering). */
export const SPA_DEBOUNCE_MS = 400;
/** Without the Navigation API: how often the URL is compared (back/forward is caught at once). */
export const SLOW_POLL_MS = 2000;

interface DetectorState {
  lastKey: string;
  timer?: ReturnType<typeof setTimeout>;
}

export default defineContentScript({
  matches: ['*://*.se/*', '*://*.stockholm/*'],
  runAt: 'document_idle',
  allFrames: false,
  // WXT's context announces every start to the page with window.postMessage, naming the extension's
  // id: any site could learn that Insyn is installed. Its CustomEvent twin stays (WXT always sends it).
  noScriptStartedPostMessage: true,
  // The context WXT passes in is not used: see watchLocation.
  main() {
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
    // Single-page sites change location without a load: read the page again, debounced.
    watchLocation(() => {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => run(state), SPA_DEBOUNCE_MS);
    });
  },
});

/**
 * Calls `changed` when the URL changed without a load. Where the browser has the Navigation API
 * (Chromium), `navigatesuccess` fires once per finished same-document navigation (pushState,
 * replaceState, fragment, back/forward, intercepted) and never on a load: no timer runs at all.
 * Elsewhere `popstate` catches back/forward at once and a slow poll the rest. Cheaper than WXT's
 * location watcher, which parses a URL at start and on every navigation, loads included.
 *
 * Not tied to WXT's ContentScriptContext: that context aborts when a
 * `<extension id>:detector:wxt:content-script-started` CustomEvent reaches `document` with another
 * message id. A page can dispatch one (a store extension's id is public, and WXT's postMessage used
 * to announce it), and so does our own second injection from the popup: either stopped the route
 * watcher for good (test/e2e/hostile-page.test.ts). The watcher stops only when the extension is
 * gone (updated, reloaded, removed), which a page cannot fake.
 */
function watchLocation(changed: () => void): void {
  let last = location.href;
  let stop = (): void => undefined;
  const check = (): void => {
    if (!browser.runtime?.id) return stop();
    if (location.href === last) return;
    last = location.href;
    changed();
  };
  const nav = (window as Window & { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('navigatesuccess', check);
    stop = () => nav.removeEventListener('navigatesuccess', check);
    return;
  }
  window.addEventListener('popstate', check);
  const poll = setInterval(check, SLOW_POLL_MS);
  stop = () => {
    window.removeEventListener('popstate', check);
    clearInterval(poll);
  };
}

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

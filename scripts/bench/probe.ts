// Injected into the popup document before its own scripts (page.addInitScript): records, on the
// popup's clock (performance.now(), 0 = navigation start), when the first content (org name and the
// first item row) is in the DOM and when it was first on screen (the next animation frame), and
// whether the loading skeleton was ever in the DOM or on screen at a frame.

export interface ProbeResult {
  /** First content in the DOM, ms since navigation start. */
  domMs?: number;
  /** First animation frame with the first content in it, ms since navigation start. */
  paintMs?: number;
  skeletonInDom: boolean;
  skeletonPainted: boolean;
  /** First render of the app (anything inside #app), ms since navigation start: the popup's boot time. */
  bootMs?: number;
  /** Org name in the DOM (the header, before the list), ms since navigation start. */
  orgMs?: number;
}

/** Runs in the page; must be self-contained (serialised by Playwright). */
export function popupProbe(): void {
  const w = window as unknown as { __benchProbe?: ProbeResult };
  const r: ProbeResult = { skeletonInDom: false, skeletonPainted: false };
  w.__benchProbe = r;
  const has = (sel: string): boolean => document.querySelector(sel) !== null;
  const content = (): boolean => has('[data-testid="org-name"]') && has('[data-testid="item-row"]');
  const check = (): void => {
    if (r.bootMs === undefined && document.getElementById('app')?.firstChild) r.bootMs = performance.now();
    if (r.orgMs === undefined && has('[data-testid="org-name"]')) r.orgMs = performance.now();
    if (has('[data-testid="skeleton"]')) r.skeletonInDom = true;
    if (r.domMs === undefined && content()) r.domMs = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
  // What is on screen is what the DOM holds when a frame is produced.
  const frame = (): void => {
    check();
    if (has('[data-testid="skeleton"]')) r.skeletonPainted = true;
    if (content()) {
      r.paintMs = performance.now();
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * The probe as an init script. tsx (esbuild keepNames) wraps named inner functions in `__name(…)`,
 * a helper that exists only in Node; the script brings a local stand-in.
 */
export function probeScript(): string {
  return `(() => { const __name = (f) => f; (${popupProbe.toString()})(); })();`;
}

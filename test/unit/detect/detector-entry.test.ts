// The detector content script's main(): one message for a page with a signal, and a debounced re-run when
// a single-page site changes route, driven by the Navigation API's `navigatesuccess` (no timer at all) or,
// without it, by `popstate` and a slow poll. Runs main() against a linkedom document and stubbed globals.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import detector, { SLOW_POLL_MS, SPA_DEBOUNCE_MS } from '../../../entrypoints/detector.content.ts';
import { fixture, page, parse } from './helpers.ts';

interface Loc {
  href: string;
  hostname: string;
  pathname: string;
}

function setUrl(loc: Loc, url: string): void {
  const u = new URL(url);
  loc.href = u.href;
  loc.hostname = u.hostname;
  loc.pathname = u.pathname;
}

/** A browser-ish global scope: window (an EventTarget that is its own top), document, location, navigation. */
function stubWorld(html: string, url: string, opts: { navigation: boolean }) {
  const doc = parse(html);
  const win = new EventTarget() as EventTarget & { top?: unknown; navigation?: EventTarget };
  win.top = win;
  const navigation = opts.navigation ? new EventTarget() : undefined;
  if (navigation) win.navigation = navigation;
  const loc: Loc = { href: '', hostname: '', pathname: '' };
  setUrl(loc, url);
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', doc);
  vi.stubGlobal('HTMLDocument', doc.constructor);
  vi.stubGlobal('location', loc);
  // WXT's context, which the detector must not depend on: the page can abort it (see below).
  const abort = new AbortController();
  const ctx = { signal: abort.signal, setInterval: () => 0 };
  return { doc, win, navigation, loc, ctx, abort };
}

type Main = (ctx: unknown) => void;
const main = detector.main as unknown as Main;

/** Payload paths of the `signals` messages sent so far. */
function sentPaths(spy: { mock: { calls: unknown[][] } }): string[] {
  return spy.mock.calls.map((c) => (c[0] as { payload: { signals: { path: string } } }).payload.signals.path);
}

describe('detector content script', () => {
  let send: { mock: { calls: unknown[][] }; mockClear(): void };
  beforeEach(() => {
    vi.useFakeTimers();
    send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    delete (globalThis as { __insynDetector?: unknown }).__insynDetector;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    delete (globalThis as { __insynDetector?: unknown }).__insynDetector;
  });

  it('sends one message for a page with a signal, none for a commercial page', () => {
    const w = stubWorld(fixture('agency-skatteverket.html'), 'https://www.skatteverket.se/privat', { navigation: true });
    main(w.ctx);
    expect(sentPaths(send)).toEqual(['/privat']);
    w.abort.abort();
    vi.unstubAllGlobals();
    delete (globalThis as { __insynDetector?: unknown }).__insynDetector;
    send.mockClear();
    const c = stubWorld(fixture('commercial.html'), 'https://www.butiken.se/cyklar', { navigation: true });
    main(c.ctx);
    expect(send).not.toHaveBeenCalled();
  });

  it('Navigation API: re-runs once per route change after the debounce, and runs no timer meanwhile', () => {
    const html = page({ footer: '<a href="/tillganglighet">Tillgänglighet</a>' });
    const w = stubWorld(html, 'https://www.exempel.se/a', { navigation: true });
    main(w.ctx);
    expect(sentPaths(send)).toEqual(['/a']);
    expect(vi.getTimerCount()).toBe(0);
    // pushState to /b, then quickly /c: one re-run, for /c, SPA_DEBOUNCE_MS after the last change.
    setUrl(w.loc, 'https://www.exempel.se/b');
    w.navigation!.dispatchEvent(new Event('navigatesuccess'));
    vi.advanceTimersByTime(SPA_DEBOUNCE_MS - 100);
    setUrl(w.loc, 'https://www.exempel.se/c');
    w.navigation!.dispatchEvent(new Event('navigatesuccess'));
    vi.advanceTimersByTime(SPA_DEBOUNCE_MS - 1);
    expect(sentPaths(send)).toEqual(['/a']);
    vi.advanceTimersByTime(1);
    expect(sentPaths(send)).toEqual(['/a', '/c']);
    // An event without a URL change (e.g. replaceState of the same URL) reads nothing again.
    w.navigation!.dispatchEvent(new Event('navigatesuccess'));
    vi.advanceTimersByTime(10 * SPA_DEBOUNCE_MS);
    expect(sentPaths(send)).toEqual(['/a', '/c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps listening when WXT\'s context is aborted (a page can forge the event that aborts it)', () => {
    const w = stubWorld(page({ footer: '<a href="/tillganglighet">T</a>' }), 'https://www.exempel.se/a', { navigation: true });
    main(w.ctx);
    w.abort.abort();
    setUrl(w.loc, 'https://www.exempel.se/b');
    w.navigation!.dispatchEvent(new Event('navigatesuccess'));
    vi.advanceTimersByTime(SPA_DEBOUNCE_MS);
    expect(sentPaths(send)).toEqual(['/a', '/b']);
  });

  it('stops listening once the extension is gone (updated, reloaded or removed: runtime.id is unset)', () => {
    const w = stubWorld(page({ footer: '<a href="/tillganglighet">T</a>' }), 'https://www.exempel.se/a', { navigation: false });
    main(w.ctx);
    expect(vi.getTimerCount()).toBe(1);
    const id = fakeBrowser.runtime.id;
    try {
      (fakeBrowser.runtime as { id?: string }).id = undefined;
      setUrl(w.loc, 'https://www.exempel.se/b');
      w.win.dispatchEvent(new Event('popstate'));
      vi.advanceTimersByTime(10 * SLOW_POLL_MS);
      expect(sentPaths(send)).toEqual(['/a']);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
  });

  it('without the Navigation API: popstate re-runs at once (debounced), a slow poll catches pushState', () => {
    const w = stubWorld(page({ footer: '<a href="/tillganglighet">T</a>' }), 'https://www.exempel.se/a', { navigation: false });
    main(w.ctx);
    expect(vi.getTimerCount()).toBe(1);
    expect(SLOW_POLL_MS).toBeGreaterThanOrEqual(2000);
    setUrl(w.loc, 'https://www.exempel.se/back');
    w.win.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(SPA_DEBOUNCE_MS);
    expect(sentPaths(send)).toEqual(['/a', '/back']);
    // pushState fires no event: the poll sees it within SLOW_POLL_MS, then the debounce.
    setUrl(w.loc, 'https://www.exempel.se/pushed');
    vi.advanceTimersByTime(SLOW_POLL_MS + SPA_DEBOUNCE_MS);
    expect(sentPaths(send)).toEqual(['/a', '/back', '/pushed']);
  });

  it('a second injection (popup, activeTab) sends again without a second watcher', () => {
    const w = stubWorld(page({ footer: '<a href="/tillganglighet">T</a>' }), 'https://www.exempel.se/a', { navigation: false });
    main(w.ctx);
    main(w.ctx);
    expect(sentPaths(send)).toEqual(['/a', '/a']);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('does nothing in a frame', () => {
    const w = stubWorld(page({ footer: '<a href="/tillganglighet">T</a>' }), 'https://www.exempel.se/a', { navigation: true });
    w.win.top = {};
    main(w.ctx);
    expect(send).not.toHaveBeenCalled();
  });
});

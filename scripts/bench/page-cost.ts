// Part 1: what the extension costs a page. Three browsers side by side (no extension, the baseline
// extension, Insyn), each with one tab; every run loads every page once in every browser, in a
// rotating order, so drift on a shared machine hits all variants alike. Each load is traced (CDP
// Tracing on the tab) and the extension's main-thread time attributed from the trace.
import type { CDPSession, Page } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import { attributeExtension, type TraceEvent } from './trace.ts';
import { summarize } from './stats.ts';
import { installMessageCounter, launchBrowser, messagesFrom, sleep, tabIdOf, type Browser, type SiteServer } from './env.ts';
import type { AttributionMethod, PageCostResult, PageInfo, PageKey, PageVariantResult, Variant } from './report.ts';

export interface PageCostOptions {
  runs: number;
  pages: PageInfo[];
  insynDir: string;
  baselineDir: string;
  sites: SiteServer;
  hosts: readonly string[];
  registryPort: number;
  /** Wait after the load event before the trace stops (the detector runs at document_idle). */
  settleMs?: number;
  log: (s: string) => void;
  errors: string[];
}

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline';

interface Tab {
  variant: Variant;
  page: PageKey;
  browser: Browser;
  tab: Page;
  cdp: CDPSession;
  tabId?: number;
  /** ScriptDuration (s) read after the previous load, for the fallback's per-load difference. */
  lastScriptDuration: number;
}

interface LoadSample {
  scriptMs: number;
  longestTaskMs: number;
  events: number;
  loadMs: number;
  messages?: number;
  extraRequests: number;
  scriptDurationMs: number;
}

async function trace(cdp: CDPSession, body: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => {
    for (const v of e.value) events.push(v as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await body();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

async function scriptDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
}

async function loadOnce(tab: Tab, info: PageInfo, o: PageCostOptions, n: number): Promise<LoadSample> {
  const url = `https://${info.host}/`;
  const before = o.sites.requests.length;
  const msgBefore = tab.browser.sw && tab.tabId !== undefined ? (await messagesFrom(tab.browser.sw, tab.tabId))?.length : undefined;
  let loadMs = Number.NaN;
  await tab.tab.bringToFront();
  const t0 = performance.now();
  const events = await trace(tab.cdp, async () => {
    await tab.tab.goto(`${url}?run=${n}`, { waitUntil: 'load', timeout: 60_000 });
    loadMs = await tab.tab.evaluate(() => {
      const nav = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventStart : Number.NaN;
    });
    await sleep(o.settleMs ?? 100);
  });
  const a = attributeExtension(events, { pageUrl: url });
  if (process.env.BENCH_DEBUG) o.log(`    ${tab.variant} ${info.key} #${n}: load ${loadMs.toFixed(0)} ms, ext ${a.scriptMs.toFixed(2)} ms, ${events.length} trace events, ${(performance.now() - t0).toFixed(0)} ms total`);
  const sd = await scriptDuration(tab.cdp);
  // ScriptDuration is the renderer's running total; a new process (cross-site navigation) starts from 0.
  const sdDelta = sd >= tab.lastScriptDuration ? sd - tab.lastScriptDuration : sd;
  tab.lastScriptDuration = sd;
  const extraRequests = o.sites.requests
    .slice(before)
    .filter((r) => r.host === info.host && r.path !== '/' && r.path !== '/favicon.ico').length;
  let messages: number | undefined;
  if (tab.browser.sw && tab.tabId !== undefined) {
    const after = await messagesFrom(tab.browser.sw, tab.tabId);
    if (after === undefined || msgBefore === undefined) {
      o.errors.push(`message counter lost (service worker restarted) during ${tab.variant} ${info.key} run ${n}`);
      await installMessageCounter(tab.browser.sw);
    } else messages = after.length - msgBefore;
  }
  return { scriptMs: a.scriptMs, longestTaskMs: a.longestTaskMs, events: a.events, loadMs, messages, extraRequests, scriptDurationMs: sdDelta * 1000 };
}

export async function measurePageCost(o: PageCostOptions): Promise<PageCostResult> {
  const variants: Array<{ variant: Variant; extDir?: string }> = [
    { variant: 'none' },
    { variant: 'baseline', extDir: o.baselineDir },
    { variant: 'insyn', extDir: o.insynDir },
  ];
  const tabs: Tab[] = [];
  const browsers: Browser[] = [];
  try {
    for (const v of variants) {
      const browser = await launchBrowser({ extDir: v.extDir, hosts: o.hosts, sitesPort: o.sites.port, registryPort: o.registryPort });
      browsers.push(browser);
      if (browser.sw) await installMessageCounter(browser.sw);
      // One tab per page: every navigation in a tab stays on one site, so it never swaps renderer
      // processes (a process exiting while the trace is recorded stalls Tracing.end for seconds).
      for (const info of o.pages) {
        const page = browser.context.pages().find((p) => p.url() === 'about:blank' && !tabs.some((t) => t.tab === p)) ?? (await browser.context.newPage());
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const tab: Tab = { variant: v.variant, page: info.key, browser, tab: page, cdp, lastScriptDuration: 0 };
        if (browser.sw) tab.tabId = await tabIdOf(browser.sw, page);
        tabs.push(tab);
      }
    }
    const tabFor = (v: Variant, p: PageKey): Tab => tabs.find((t) => t.variant === v && t.page === p) as Tab;
    const samples = new Map<string, LoadSample[]>();
    const key = (p: string, v: string) => `${p}|${v}`;
    // Warm-up: one unrecorded load of every page in every browser (process start, caches, the
    // extension's registry cache for the public page's body).
    for (const info of o.pages) for (const v of variants) await loadOnce(tabFor(v.variant, info.key), info, o, -1);
    const t0 = performance.now();
    for (let run = 0; run < o.runs; run++) {
      for (const info of o.pages) {
        for (let i = 0; i < variants.length; i++) {
          const tab = tabFor((variants[(i + run) % variants.length] as { variant: Variant }).variant, info.key);
          const s = await loadOnce(tab, info, o, run);
          const list = samples.get(key(info.key, tab.variant)) ?? [];
          list.push(s);
          samples.set(key(info.key, tab.variant), list);
        }
      }
      if (run === 0 || (run + 1) % 5 === 0) o.log(`  page cost: run ${run + 1}/${o.runs} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }

    // Attribution works when every load of an extension variant on a page its content script matches
    // produced extension events; otherwise fall back to ScriptDuration with minus without.
    let method: AttributionMethod = 'trace';
    let methodNote: string | undefined;
    for (const info of o.pages.filter((p) => p.host.endsWith('.se'))) {
      for (const v of ['baseline', 'insyn'] as const) {
        const missing = (samples.get(key(info.key, v)) ?? []).filter((s) => s.events === 0).length;
        if (missing > 0) {
          method = 'ScriptDuration';
          methodNote = `${missing} ${v} load(s) of ${info.host} without extension events in the trace`;
        }
      }
    }
    const results: PageVariantResult[] = [];
    for (const info of o.pages) {
      const noneSd = summarize((samples.get(key(info.key, 'none')) ?? []).map((s) => s.scriptDurationMs));
      for (const v of variants) {
        const list = samples.get(key(info.key, v.variant)) ?? [];
        const script =
          method === 'trace' || v.variant === 'none'
            ? list.map((s) => (v.variant === 'none' && method !== 'trace' ? 0 : s.scriptMs))
            : list.map((s) => s.scriptDurationMs - noneSd.median);
        const msgs = list.map((s) => s.messages).filter((m): m is number => m !== undefined);
        results.push({
          page: info.key,
          variant: v.variant,
          scriptMs: summarize(script),
          longestTaskMs: summarize(list.map((s) => s.longestTaskMs)),
          loadMs: summarize(list.map((s) => s.loadMs)),
          ...(v.variant === 'insyn' && { messages: summarize(msgs) }),
          extraRequests: list.reduce((a, s) => a + s.extraRequests, 0),
          scriptDurationMs: summarize(list.map((s) => s.scriptDurationMs)),
        });
      }
    }
    return { method, ...(methodNote && { methodNote }), runs: o.runs, pages: o.pages, results };
  } finally {
    for (const b of browsers) await b.close();
  }
}

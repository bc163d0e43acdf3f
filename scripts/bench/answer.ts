// Part 2: how fast Insyn answers. Badge after load with a warm cache (polling the badge in the
// service worker every 10 ms), the popup's first content warm and cold, and the registry round trips
// a cold popup open costs (from the timing front's request intervals).
import type { Page } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import { clearRegistryCache, launchBrowser, sleep, tabIdOf, unpackedExtensionId, waitForBadge, type Browser, type SiteServer, type TimedRegistry } from './env.ts';
import { probeScript, type ProbeResult } from './probe.ts';
import { requestKind, sequentialRoundTrips } from './requests.ts';
import { summarize } from './stats.ts';
import type { AnswerResult, ColdRun } from './report.ts';

export interface AnswerOptions {
  runs: number;
  coldRuns: number;
  insynDir: string;
  /** The baseline extension (scripts/bench/env.ts), whose floor.html is the popup's floor. */
  baselineDir?: string;
  sites: SiteServer;
  hosts: readonly string[];
  registry: TimedRegistry;
  latencyMs: number;
  /** A known body's page, e.g. https://www.skatteverket.se/om-oss */
  bodyUrl: string;
  log: (s: string) => void;
  errors: string[];
}

interface Opened {
  probe: ProbeResult;
  /** performance.now() (Node) just before the popup navigation started. */
  startedAt: number;
}

async function openPopup(b: Browser, tabId: number, timeoutMs = 15_000, url = `chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`): Promise<Opened | undefined> {
  const popup = await b.context.newPage();
  try {
    await popup.addInitScript({ content: probeScript() });
    const startedAt = performance.now();
    await popup.goto(url);
    await popup.waitForFunction(() => (window as unknown as { __benchProbe?: ProbeResult }).__benchProbe?.paintMs !== undefined, undefined, {
      timeout: timeoutMs,
      polling: 20,
    });
    const probe = await popup.evaluate(() => (window as unknown as { __benchProbe: ProbeResult }).__benchProbe);
    return { probe, startedAt };
  } catch {
    return undefined;
  } finally {
    await popup.close().catch(() => undefined);
  }
}

async function loadedPage(b: Browser, url: string): Promise<{ page: Page; tabId: number; navAt: number }> {
  const page = await b.context.newPage();
  const tabId = await tabIdOf(b.sw!, page);
  const navAt = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId, navAt };
}

async function coldRun(o: AnswerOptions, b: Browser, label: string): Promise<ColdRun | undefined> {
  const { page, tabId, navAt } = await loadedPage(b, o.bodyUrl);
  const opened = await openPopup(b, tabId);
  await page.close().catch(() => undefined);
  if (!opened || opened.probe.paintMs === undefined) {
    o.errors.push(`cold popup (${label}) showed no first content`);
    return undefined;
  }
  const end = opened.startedAt + opened.probe.paintMs;
  // Requests that started after the page navigation and had finished by the first content: the ones
  // the first content could have waited for.
  const window = o.registry.timed.filter((r) => r.start >= navAt && r.end <= end + 1);
  const rt = sequentialRoundTrips(window);
  return {
    firstContentMs: opened.probe.paintMs,
    fromNavigationMs: end - navAt,
    requests: window.length,
    roundTrips: rt.count,
    chain: rt.chain.map((r) => requestKind(r.url)),
  };
}

export async function measureAnswer(o: AnswerOptions): Promise<AnswerResult> {
  const launch = () => launchBrowser({ extDir: o.insynDir, hosts: o.hosts, sitesPort: o.sites.port, registryPort: o.registry.port });

  // Warm: one profile; the install-time directory load and one visit fill the cache.
  const seen = o.registry.timed.length;
  const warm = await launch();
  const afterLoad: number[] = [];
  const afterNav: number[] = [];
  let missed = 0;
  let text = '';
  const firstContent: number[] = [];
  const boot: number[] = [];
  const orgName: number[] = [];
  let skeletonPainted = 0;
  let skeletonInDom = 0;
  let popupMissed = 0;
  try {
    await o.registry.settle(seen);
    const first = await loadedPage(warm, o.bodyUrl);
    await waitForBadge(warm.sw!, first.tabId, 10_000);
    await o.registry.idle(300);
    await first.page.close();
    for (let i = 0; i < o.runs; i++) {
      const page = await warm.context.newPage();
      const tabId = await tabIdOf(warm.sw!, page);
      const badge = waitForBadge(warm.sw!, tabId, 10_000);
      await page.goto(o.bodyUrl, { waitUntil: 'load' });
      const nav = await page.evaluate(() => {
        const n = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { origin: window.performance.timeOrigin, load: n ? n.loadEventStart : Number.NaN };
      });
      const b = await badge;
      if (!b) missed++;
      else {
        text = b.text;
        afterLoad.push(b.at - (nav.origin + nav.load));
        afterNav.push(b.at - nav.origin);
      }
      await page.close();
    }
    o.log(`  badge: ${afterLoad.length}/${o.runs} runs`);

    const target = await loadedPage(warm, o.bodyUrl);
    await waitForBadge(warm.sw!, target.tabId, 10_000);
    await o.registry.idle(300);
    await openPopup(warm, target.tabId); // warm-up, not recorded
    for (let i = 0; i < o.runs; i++) {
      const opened = await openPopup(warm, target.tabId);
      if (!opened || opened.probe.paintMs === undefined) {
        popupMissed++;
        continue;
      }
      firstContent.push(opened.probe.paintMs);
      if (opened.probe.bootMs !== undefined) boot.push(opened.probe.bootMs);
      if (opened.probe.orgMs !== undefined) orgName.push(opened.probe.orgMs);
      if (opened.probe.skeletonPainted) skeletonPainted++;
      if (opened.probe.skeletonInDom) skeletonInDom++;
    }
    o.log(`  popup warm: ${firstContent.length}/${o.runs} opens`);
  } finally {
    await warm.close();
  }

  // The floor: the same probe on an empty extension page, in a browser of its own.
  const floor: number[] = [];
  if (o.baselineDir) {
    const base = await launchBrowser({ extDir: o.baselineDir, hosts: o.hosts, sitesPort: o.sites.port });
    try {
      const url = `chrome-extension://${unpackedExtensionId(o.baselineDir)}/floor.html`;
      await openPopup(base, 0, 15_000, url); // warm-up, not recorded
      for (let i = 0; i < o.runs; i++) {
        const opened = await openPopup(base, 0, 15_000, url);
        if (opened?.probe.paintMs !== undefined) floor.push(opened.probe.paintMs);
      }
    } finally {
      await base.close();
    }
    o.log(`  popup floor: ${floor.length}/${o.runs} opens`);
  }

  // Cold: a fresh profile per run.
  const freshInstall: ColdRun[] = [];
  const emptyCache: ColdRun[] = [];
  for (let i = 0; i < o.coldRuns; i++) {
    const before = o.registry.timed.length;
    const b = await launch();
    try {
      await o.registry.settle(before);
      const fresh = await coldRun(o, b, 'fresh install');
      if (fresh) freshInstall.push(fresh);
      await o.registry.idle(500);
      await clearRegistryCache(b);
      await sleep(50);
      const empty = await coldRun(o, b, 'empty cache');
      if (empty) emptyCache.push(empty);
      await o.registry.idle(500);
    } finally {
      await b.close();
    }
  }
  o.log(`  popup cold: ${freshInstall.length + emptyCache.length}/${2 * o.coldRuns} opens`);

  return {
    badge: { afterLoadMs: summarize(afterLoad), afterNavigationMs: summarize(afterNav), missed, text },
    popupWarm: { firstContentMs: summarize(firstContent), bootMs: summarize(boot), orgNameMs: summarize(orgName), skeletonPainted, skeletonInDom, runs: o.runs, missed: popupMissed, ...(floor.length && { floorMs: summarize(floor) }) },
    popupCold: { latencyMs: o.latencyMs, emptyCache, freshInstall },
  };
}

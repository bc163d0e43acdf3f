// Part 3: the load Insyn puts on the registry. A fresh profile (cold cache) opens many tabs of the
// known bodies' pages at once, as a restored session would, while its install-time directory load
// is still running; everything the registry receives from launch until it is idle is counted.
import { performance } from 'node:perf_hooks';
import { launchBrowser, type SiteServer, type TimedRegistry } from './env.ts';
import { duplicates, maxConcurrency, requestKind } from './requests.ts';
import type { RegistryLoadResult } from './report.ts';

export interface RegistryLoadOptions {
  tabs: number;
  /** Pages of the known bodies, one URL per body. */
  bodyUrls: string[];
  insynDir: string;
  sites: SiteServer;
  hosts: readonly string[];
  registry: TimedRegistry;
  latencyMs: number;
  log: (s: string) => void;
  errors: string[];
}

interface BadgeChrome {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id?: number }>> };
    action: { getBadgeText(d: object): Promise<string> };
  };
}

export async function measureRegistryLoad(o: RegistryLoadOptions): Promise<RegistryLoadResult> {
  o.registry.reset();
  const t0 = performance.now();
  const b = await launchBrowser({ extDir: o.insynDir, hosts: o.hosts, sitesPort: o.sites.port, registryPort: o.registry.port });
  try {
    const pages = await Promise.all(Array.from({ length: o.tabs }, () => b.context.newPage()));
    await Promise.all(
      pages.map((p, i) => p.goto(`${o.bodyUrls[i % o.bodyUrls.length]}?tab=${i}`, { waitUntil: 'load', timeout: 60_000 }).catch((e: Error) => o.errors.push(`tab ${i}: ${e.message}`))),
    );
    const quiet = await o.registry.idle(1000, 60_000);
    if (!quiet) o.errors.push('registry did not go idle within 60 s after opening the tabs');
    const durationMs = performance.now() - t0;
    const badges = await b.sw!.evaluate(async () => {
      const c = (globalThis as unknown as BadgeChrome).chrome;
      const tabs = await c.tabs.query({});
      let n = 0;
      for (const t of tabs) if (t.id !== undefined && (await c.action.getBadgeText({ tabId: t.id }))) n++;
      return n;
    });
    const reqs = [...o.registry.timed];
    // Counted at the stub (what the registry would have received); the timing front's list gives the intervals.
    const atStub = o.registry.stub.requests.map((u) => ({ url: `${u.pathname}${u.search}`, start: 0, end: 0 }));
    if (atStub.length !== reqs.length) o.errors.push(`registry load: the stub received ${atStub.length} requests, the timing front ${reqs.length}`);
    for (const r of reqs) if (r.status !== undefined && r.status >= 500) o.errors.push(`registry load: ${r.status} for ${r.url}`);
    const d = duplicates(atStub);
    const byKind: Record<string, number> = {};
    for (const r of reqs) byKind[requestKind(r.url)] = (byKind[requestKind(r.url)] ?? 0) + 1;
    o.log(`  registry load: ${reqs.length} requests, max in flight ${o.registry.maxInFlight}`);
    return {
      tabs: o.tabs,
      bodies: o.bodyUrls.length,
      latencyMs: o.latencyMs,
      total: d.total,
      unique: d.unique,
      extra: d.extra,
      repeated: d.repeated,
      maxInFlight: o.registry.maxInFlight,
      maxInFlightObserved: maxConcurrency(reqs, 2),
      durationMs,
      badges,
      byKind,
      log: reqs.map((r) => ({ kind: requestKind(r.url), url: r.url, startMs: Math.round(r.start - t0), endMs: Math.round(r.end - t0), ...(r.status !== undefined && { status: r.status }) })),
    };
  } finally {
    await b.close();
  }
}

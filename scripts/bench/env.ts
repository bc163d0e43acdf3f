// The benchmark's world: a local HTTPS server for the generated pages, the registry stub behind a
// timing front (so each request's start and end are known), Chromium launched like the E2E harness
// (test/e2e/harness.ts: same flags, host-resolver-rules, `MAP * ~NOTFOUND`), the baseline extension,
// and small helpers that talk to the extension's service worker.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRegistryStub, type RegistryStub } from '../../test/support/registry-stub.ts';
import { chromiumOptions } from '../../test/e2e/harness.ts';
import type { RegistryData } from '../../test/support/registry-data.ts';
import type { TimedRequest } from './requests.ts';

export const REGISTRY_HOST = 'admin.dataportal.se';

/** Temp dirs (profiles, the bench's own) still to remove; removed at once if the run is interrupted. */
export const tempDirs = new Set<string>();

export function removeTempDirsSync(): void {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}

export interface Tls {
  key: string;
  cert: string;
}

// ---------------------------------------------------------------------------------------------
// Pages

export interface SiteRequest {
  host: string;
  path: string;
  at: number;
}

export interface SiteServer {
  port: number;
  requests: SiteRequest[];
  /** Serve `html` at https://host/path (path without query). */
  set(host: string, pathname: string, html: string): void;
  close(): Promise<void>;
}

export async function startSiteServer(tls: Tls): Promise<SiteServer> {
  const pages = new Map<string, Buffer>();
  const requests: SiteRequest[] = [];
  const server: Server = createHttpsServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push({ host, path: url.pathname, at: performance.now() });
    const body = pages.get(`${host}${url.pathname}`);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // no-store: every load parses the page from the network, as a first visit would.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    set(host, pathname, html) {
      pages.set(`${host}${pathname}`, Buffer.from(html));
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Registry: the stub (plain HTTP on loopback) behind an HTTPS front that records timings

export interface TimedRegistry {
  port: number;
  stub: RegistryStub;
  /** Every request with start/end on performance.now()'s clock, in order of arrival. */
  timed: TimedRequest[];
  /** Highest in-flight count the stub saw since the start (never reset). */
  readonly runMaxInFlight: number;
  /** In-flight maximum since the last reset (the stub's own count). */
  readonly maxInFlight: number;
  reset(): void;
  /** Resolves when no request has been in flight for `quietMs` (or after `timeoutMs`). */
  idle(quietMs?: number, timeoutMs?: number): Promise<boolean>;
  /**
   * For a freshly launched extension: waits (up to `waitMs`) for a request after the first
   * `seen` ones (its install-time directory load), then for the registry to go idle.
   */
  settle(seen: number, waitMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTimedRegistry(tls: Tls, latencyMs: number, data?: RegistryData): Promise<TimedRegistry> {
  const stub = await startRegistryStub({ latencyMs, ...(data && { data }) });
  // A fresh connection per request: a kept-alive socket that the stub closes (its 5 s idle timeout)
  // just as it is reused would fail the request, and the extension's retry would look like a duplicate.
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const timed: TimedRequest[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  let runMax = 0;
  const server: Server = createHttpsServer(tls, (req, res) => {
    const start = performance.now();
    const rec: TimedRequest = { url: req.url ?? '/', start, end: Number.NaN };
    timed.push(rec);
    inFlight++;
    lastActivity = start;
    const done = (status?: number) => {
      if (!Number.isNaN(rec.end)) return;
      rec.end = performance.now();
      if (status !== undefined) rec.status = status;
      inFlight--;
      lastActivity = rec.end;
      runMax = Math.max(runMax, stub.maxInFlight);
    };
    const up = httpRequest(
      { host: '127.0.0.1', port: stub.port, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${stub.port}` }, agent },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
        res.on('finish', () => done(upRes.statusCode));
      },
    );
    up.on('error', () => {
      res.writeHead(502).end();
      done(502);
    });
    res.on('close', () => done());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const idle = async (quietMs = 500, timeoutMs = 20_000): Promise<boolean> => {
    const end = performance.now() + timeoutMs;
    while (performance.now() < end) {
      if (inFlight === 0 && performance.now() - lastActivity >= quietMs) return true;
      await sleep(25);
    }
    return false;
  };
  return {
    port: (server.address() as AddressInfo).port,
    stub,
    timed,
    get runMaxInFlight() {
      return Math.max(runMax, stub.maxInFlight);
    },
    get maxInFlight() {
      return stub.maxInFlight;
    },
    reset() {
      runMax = Math.max(runMax, stub.maxInFlight);
      timed.length = 0;
      stub.reset();
    },
    idle,
    async settle(seen, waitMs = 5_000) {
      const end = performance.now() + waitMs;
      while (timed.length <= seen && performance.now() < end) await sleep(25);
      await idle(400);
    },
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      agent.destroy();
      await stub.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Baseline extension: the floor any detector pays (footer text + one regex)

export async function writeBaselineExtension(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Insyn bench baseline',
    version: '1.0.0',
    description: 'Reads the footer text and tests one regex; nothing else.',
    content_scripts: [{ matches: ['*://*.se/*', '*://*.com/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(
    path.join(dir, 'content.js'),
    "(() => {\n  const text = document.querySelector('footer')?.textContent;\n  globalThis.__baseline = !!text && /\\b(\\d{6})-?(\\d{4})\\b/.test(text);\n})();\n",
  );
  // The popup floor: an extension page that shows the same first content (an org name and one row)
  // from one tiny module script, no data. What opening any extension page costs on this machine.
  await writeFile(
    path.join(dir, 'floor.html'),
    '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Floor</title><script type="module" src="/floor.js"></script></head><body><div id="app"></div></body></html>\n',
  );
  await writeFile(
    path.join(dir, 'floor.js'),
    "document.getElementById('app').innerHTML = '<h1 data-testid=\"org-name\">Myndigheten</h1><ul><li data-testid=\"item-row\">Datamängd</li></ul>';\n",
  );
  return dir;
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

// ---------------------------------------------------------------------------------------------
// Browser

export interface LaunchOptions {
  /** Unpacked extension to load; none for the "no extension" variant. */
  extDir?: string;
  /** Hostnames to map to the site server. */
  hosts: readonly string[];
  sitesPort: number;
  registryPort?: number;
  locale?: string;
}

export interface Browser {
  context: BrowserContext;
  /** The extension's service worker, when it has one. */
  sw?: Worker;
  extensionId?: string;
  userDataDir: string;
  close(): Promise<void>;
}

/** Chromium with the E2E harness's options (test/e2e/harness.ts chromiumOptions), a fresh profile each time. */
export async function launchBrowser(opts: LaunchOptions): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'insyn-bench-profile-'));
  tempDirs.add(userDataDir);
  const locale = opts.locale ?? 'sv-SE';
  const rules = [
    ...opts.hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.sitesPort}`),
    ...(opts.registryPort ? [`MAP ${REGISTRY_HOST} 127.0.0.1:${opts.registryPort}`] : []),
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
    'EXCLUDE localhost',
  ].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, chromiumOptions({ extDir: opts.extDir, locale, rules }));
  let sw: Worker | undefined;
  if (opts.extDir && hasServiceWorker(opts.extDir)) {
    sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  }
  return {
    context,
    ...(sw && { sw, extensionId: new URL(sw.url()).host }),
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
      tempDirs.delete(userDataDir);
    },
  };
}

function hasServiceWorker(extDir: string): boolean {
  const file = path.join(extDir, 'manifest.json');
  if (!existsSync(file)) return false;
  const m = JSON.parse(readFileSync(file, 'utf8')) as { background?: { service_worker?: string } };
  return Boolean(m.background?.service_worker);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------------------------
// Service-worker helpers (the code inside evaluate() runs in the extension's worker)

interface Chromeish {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id?: number }>> };
    action: { getBadgeText(d: object): Promise<string> };
    runtime: { onMessage: { addListener(fn: (m: unknown, s: { tab?: { id?: number } }) => undefined): void } };
    storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
  };
  __benchMessages?: Record<string, string[]>;
}

/** The tab id of a page (the active tab after bringing it to the front; no `tabs` permission needed). */
export async function tabIdOf(sw: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await sw.evaluate(async () => {
    const g = globalThis as unknown as Chromeish;
    const [tab] = await g.chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (typeof id !== 'number') throw new Error(`No tab id for ${page.url()}`);
  return id;
}

/**
 * Counts runtime messages in the service worker: one more onMessage listener that records the
 * sender's tab and the message type and answers nothing (so the real listener's answer stands).
 * Every message a content script sends reaches every listener, so the count is exact, independent of
 * what the background does with the message. Returns false if the worker had restarted since the
 * last install (counts were lost); the counter is installed again.
 */
export async function installMessageCounter(sw: Worker): Promise<boolean> {
  return sw.evaluate(() => {
    const g = globalThis as unknown as Chromeish;
    if (g.__benchMessages) return true;
    const counts: Record<string, string[]> = {};
    g.__benchMessages = counts;
    g.chrome.runtime.onMessage.addListener((m, sender) => {
      const k = String(sender.tab?.id ?? 'none');
      (counts[k] ??= []).push(String((m as { type?: unknown } | null)?.type ?? '?'));
      return undefined;
    });
    return false;
  });
}

/** Messages received from a tab so far (undefined when the counter was lost to a worker restart). */
export async function messagesFrom(sw: Worker, tabId: number): Promise<string[] | undefined> {
  return sw.evaluate((id: number) => {
    const g = globalThis as unknown as Chromeish;
    return g.__benchMessages ? [...(g.__benchMessages[String(id)] ?? [])] : undefined;
  }, tabId);
}

/** Polls the tab's badge text every 10 ms until it is non-empty; Date.now() when it appeared. */
export async function waitForBadge(sw: Worker, tabId: number, timeoutMs: number): Promise<{ at: number; text: string } | undefined> {
  const r = await sw.evaluate(
    async ({ id, timeout }: { id: number; timeout: number }) => {
      const g = globalThis as unknown as Chromeish;
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        const text = await g.chrome.action.getBadgeText({ tabId: id });
        if (text) return { at: Date.now(), text };
        await new Promise((res) => setTimeout(res, 10));
      }
      return null;
    },
    { id: tabId, timeout: timeoutMs },
  );
  return r ?? undefined;
}

/**
 * Empties the registry cache the way the options page's "Clear cache" does (the `cache-clear`
 * message): IndexedDB, the service worker's memory of recent reads and the popups' snapshots.
 */
export async function clearRegistryCache(b: Browser): Promise<void> {
  const page = await b.context.newPage();
  try {
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    const reply = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean }> } } }).chrome.runtime.sendMessage({ type: 'cache-clear', payload: {} }),
    );
    if (!reply?.ok) throw new Error(`cache-clear failed: ${JSON.stringify(reply)}`);
  } finally {
    await page.close();
  }
}

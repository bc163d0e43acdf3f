// E2E harness: real Debian Chromium with the built extension loaded, local fixture sites served
// over HTTPS under real public-sector hostnames (--host-resolver-rules), and the registry
// answered by the local stub. `MAP * ~NOTFOUND` makes every other host unresolvable, so no test
// can reach the internet.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { findChromium } from '../../scripts/ensure-browser.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXT_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const SITES_DIR = path.join(ROOT, 'test', 'fixtures', 'sites');

/** Hostnames the fixture site server answers for; each maps to a folder in test/fixtures/sites. */
export const SITE_HOSTS = [
  'www.skatteverket.se',
  'skatteverket.se',
  'goteborg.se',
  'www.goteborg.se',
  'www.lansstyrelsen.se',
  'www.handelsbolaget-exempel.se',
  'www.example.com',
  // A single-page portal shared by several agencies (SPA route-change tests).
  'www.verksamt.se',
  // Skatteverket's API host (EntryScape rowstore), for the page-data E2E.
  'skatteverket.entryscape.net',
] as const;
export const REGISTRY_HOST = 'admin.dataportal.se';

export interface TlsMaterial {
  key: string;
  cert: string;
}

/** A throwaway self-signed certificate; Chromium runs with --ignore-certificate-errors. */
export async function makeCert(dir: string): Promise<TlsMaterial> {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=insyn-test', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
}

export interface SiteServer {
  port: number;
  /** Every request: host + path, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves test/fixtures/sites/<host>/<path>.html (index.html for "/"); routes may be added. */
export async function startSites(tls: TlsMaterial, extra?: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<SiteServer> {
  const requests: string[] = [];
  const server: Server = createServer(tls, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${host}${url.pathname}`);
    if (extra?.(req, res)) return;
    const dir = host.replace(/^www\./, '');
    const rel = url.pathname === '/' || url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    const candidates = [path.join(SITES_DIR, dir, rel), path.join(SITES_DIR, dir, `${rel}.html`), path.join(SITES_DIR, dir, rel, 'index.html')];
    const file = candidates.find((f) => f.startsWith(path.join(SITES_DIR, dir)) && existsSync(f) && statSync(f).isFile());
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>404</title><p>Not found</p>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface LaunchOptions {
  sitesPort: number;
  registryPort?: number;
  /** Browser UI language, e.g. 'sv' or 'en-US'. */
  locale?: string;
  extDir?: string;
  /**
   * A profile to use and keep (browser-restart tests). Without it the profile is a throwaway
   * directory, deleted by close().
   */
  userDataDir?: string;
  /**
   * Every other hostname goes to this local port (a Sink) instead of failing to resolve, so any
   * connection any part of the browser opens to a host that is not a fixture is recorded.
   */
  sinkPort?: number;
}

export interface Harness {
  context: BrowserContext;
  /** Evaluates in a privileged extension page (chrome.* available), robust to worker restarts. */
  extEval<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The extension's service worker: the newest one, after restarts. */
  readonly sw: Worker;
  extensionId: string;
  userDataDir: string;
  /** Opens the extension's real popup document describing the given page's tab. */
  openPopup(page: Page, tabId?: number): Promise<Page>;
  openOptions(): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  /** Writes to the extension's storage.local through the service worker. */
  seedStorage(items: Record<string, unknown>): Promise<void>;
  /** Every request the browser made (pages and service worker): full URLs. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Debian Chromium, headless, with an unpacked extension (if any) and every hostname resolved by
 * `rules`. Shared with the benchmark (scripts/bench/env.ts), so both measure the same browser.
 */
export function chromiumOptions(o: { extDir?: string; locale: string; rules: string }): NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-browser.mjs`');
  const posix = o.locale.replace('-', '_');
  return {
    executablePath,
    headless: true,
    locale: o.locale,
    // The browser's UI language (what chrome.i18n.getUILanguage() says in the service worker)
    // follows the environment on Linux; Playwright's `locale` only reaches pages.
    env: { ...process.env, LANGUAGE: posix, LANG: `${posix}.UTF-8` },
    args: [
      ...(o.extDir ? [`--disable-extensions-except=${o.extDir}`, `--load-extension=${o.extDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--lang=${o.locale}`,
      `--host-resolver-rules=${o.rules}`,
    ],
  };
}

export async function launch(opts: LaunchOptions): Promise<Harness> {
  const extDir = opts.extDir ?? EXT_DIR;
  if (!existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`No built extension in ${extDir}: run \`npm run build\``);
  const userDataDir = opts.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'insyn-e2e-')));
  const rules = [
    ...SITE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${opts.sitesPort}`),
    ...(opts.registryPort ? [`MAP ${REGISTRY_HOST} 127.0.0.1:${opts.registryPort}`] : []),
    opts.sinkPort ? `MAP * 127.0.0.1:${opts.sinkPort}` : 'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
    'EXCLUDE localhost',
  ].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, chromiumOptions({ extDir, locale: opts.locale ?? 'sv-SE', rules }));
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  if (process.env.INSYN_E2E_DEBUG) {
    context.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  }
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(sw.url()).host;
  // MV3 stops idle workers (and tests stop them on purpose): always talk to the newest one.
  context.on('serviceworker', (w) => {
    if (w.url().startsWith(`chrome-extension://${extensionId}/`)) sw = w;
  });

  // Without the `tabs` permission the extension cannot see URLs of hosts it has no access to,
  // so the tab is found as the active one after bringing its page to the front.
  // Browser-level look-ups run in an extension page kept open in the background, not in the
  // service worker: MV3 stops idle workers, and a stopped worker's handle never answers again.
  let extPage: Page | undefined;
  const ext = async (): Promise<Page> => {
    if (!extPage || extPage.isClosed()) {
      extPage = await context.newPage();
      await extPage.goto(`chrome-extension://${extensionId}/options.html`);
    }
    return extPage;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const helper = await ext();
    await page.bringToFront();
    const id = await helper.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    if (typeof id !== 'number') throw new Error(`No tab for ${page.url()}`);
    return id;
  };

  const harness: Harness = {
    context,
    extEval: async (fn, arg) => (await ext()).evaluate(fn as never, arg) as never,
    get sw() {
      return sw;
    },
    extensionId,
    userDataDir,
    requests,
    tabIdOf,
    async openPopup(page, knownTabId) {
      const tabId = knownTabId ?? (await tabIdOf(page));
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    },
    async openOptions() {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${extensionId}/options.html`);
      return p;
    },
    async seedStorage(items) {
      await (await ext()).evaluate((i: Record<string, unknown>) => chrome.storage.local.set(i), items);
    },
    async close() {
      // Closes the whole browser (a persistent context owns its browser process).
      await context.close();
      if (!opts.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { local: { set(i: Record<string, unknown>): Promise<void> } };
};

export interface Sink {
  port: number;
  /** Hostnames connected to (TLS server name or HTTP Host header; '?' when neither came), in order. */
  hosts: string[];
  close(): Promise<void>;
}

/** The server name of a TLS ClientHello (RFC 8446 §4.1.2, RFC 6066 §3), or undefined. */
export function sniOf(b: Buffer): string | undefined {
  // Record header (5), handshake header (4), version (2), random (32).
  if (b.length < 44 || b[0] !== 0x16 || b[5] !== 0x01) return undefined;
  let i = 43;
  const need = (n: number) => i + n <= b.length;
  if (!need(1)) return undefined;
  i += 1 + b[i]!; // session id
  if (!need(2)) return undefined;
  i += 2 + b.readUInt16BE(i); // cipher suites
  if (!need(1)) return undefined;
  i += 1 + b[i]!; // compression methods
  if (!need(2)) return undefined;
  const end = Math.min(b.length, i + 2 + b.readUInt16BE(i));
  i += 2;
  while (i + 4 <= end) {
    const type = b.readUInt16BE(i);
    const len = b.readUInt16BE(i + 2);
    i += 4;
    if (type === 0 && i + 5 <= end && b[i + 2] === 0) {
      const nameLen = b.readUInt16BE(i + 3);
      return b.subarray(i + 5, Math.min(end, i + 5 + nameLen)).toString('latin1');
    }
    i += len;
  }
  return undefined;
}

/** A TCP endpoint that records which host a connection was meant for, then drops it. */
export async function startSink(): Promise<Sink> {
  const hosts: string[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (host: string) => {
      if (done) return;
      done = true;
      hosts.push(host);
      socket.destroy();
    };
    socket.setTimeout(2000, () => finish('?'));
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf[0] === 0x16) {
        const recordEnd = buf.length >= 5 ? 5 + buf.readUInt16BE(3) : Infinity;
        if (buf.length >= recordEnd || buf.length > 16_384) finish(sniOf(buf) ?? '?');
      } else {
        const text = buf.toString('latin1');
        if (text.includes('\r\n\r\n') || buf.length > 16_384) finish(/^host:\s*([^\s:]+)/im.exec(text)?.[1] ?? '?');
      }
    });
    socket.on('end', () => finish('?'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    hosts,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

export interface World {
  sites: SiteServer;
  registry: import('../support/registry-stub').RegistryStub;
  /** With `sink: true`: connections to any host that is neither a fixture site nor the registry. */
  sink?: Sink;
  /** The browser; replaced by restart(). */
  h: Harness;
  /**
   * Closes the browser and starts it again on the same profile, fixture sites and registry, as a
   * user quitting and reopening it. Only with `userDataDir` (a throwaway profile would be gone).
   */
  restart(): Promise<Harness>;
  close(): Promise<void>;
}

/** Fixture sites + registry stub (both HTTPS) + Chromium with the extension. */
export async function startWorld(
  opts: { locale?: string; latencyMs?: number; data?: import('../support/registry-data').RegistryData; userDataDir?: string; sink?: boolean } = {},
): Promise<World> {
  const { startRegistryStub } = await import('../support/registry-stub');
  const dir = await mkdtemp(path.join(tmpdir(), 'insyn-cert-'));
  const tls = await makeCert(dir);
  const sites = await startSites(tls);
  const registry = await startRegistryStub({ https: tls, latencyMs: opts.latencyMs, data: opts.data });
  const sink = opts.sink ? await startSink() : undefined;
  const launchOpts: LaunchOptions = { sitesPort: sites.port, registryPort: registry.port, locale: opts.locale, userDataDir: opts.userDataDir, sinkPort: sink?.port };
  const world: World = {
    sites,
    registry,
    sink,
    h: await launch(launchOpts),
    async restart() {
      if (!opts.userDataDir) throw new Error('restart() needs a userDataDir');
      await world.h.close();
      world.h = await launch(launchOpts);
      return world.h;
    },
    async close() {
      await world.h.close();
      await sink?.close();
      await registry.close();
      await sites.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Badge text and title of a tab, read from the service worker. */
export async function badgeOf(h: Harness, page: Page): Promise<{ text: string; title: string }> {
  const tabId = await h.tabIdOf(page);
  return h.extEval(async (id: number) => {
    const c = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome;
    return { text: await c.action.getBadgeText({ tabId: id }), title: await c.action.getTitle({ tabId: id }) };
  }, tabId);
}

/** Polls until `fn` returns a truthy value or the timeout passes. */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}

const requireFromHere = createRequire(import.meta.url);

/** Serious or critical WCAG 2.1 A/AA violations axe-core finds on the page (empty when none). */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  await page.evaluate(await readFile(requireFromHere.resolve('axe-core/axe.min.js'), 'utf8'));
  const all = await page.evaluate(async () => {
    const r = await (globalThis as unknown as { axe: { run(o?: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Counts runtime messages in the service worker, per sending tab: one more onMessage listener that
 * records the message type and answers nothing, so the real listener's answer stands (as the
 * benchmark does, scripts/bench/env.ts). Every message a content script sends reaches every
 * listener, so the count is exact whatever the background does with it.
 */
export async function installMessageCounter(h: Harness): Promise<void> {
  await h.sw.evaluate(() => {
    const g = globalThis as unknown as {
      __insynMessages?: Record<string, string[]>;
      chrome: { runtime: { onMessage: { addListener(fn: (m: unknown, s: { tab?: { id?: number } }) => undefined): void } } };
    };
    if (g.__insynMessages) return;
    const counts: Record<string, string[]> = {};
    g.__insynMessages = counts;
    g.chrome.runtime.onMessage.addListener((m, sender) => {
      (counts[String(sender.tab?.id ?? 'none')] ??= []).push(String((m as { type?: unknown } | null)?.type ?? '?'));
      return undefined;
    });
  });
}

/** Message types received from a tab since installMessageCounter; throws if the worker restarted since (the count was lost). */
export async function messagesFrom(h: Harness, tabId: number): Promise<string[]> {
  const r = await h.sw.evaluate((id: number) => {
    const g = globalThis as unknown as { __insynMessages?: Record<string, string[]> };
    return g.__insynMessages ? [...(g.__insynMessages[String(id)] ?? [])] : null;
  }, tabId);
  if (!r) throw new Error('The service worker restarted: the message count was lost');
  return r;
}

/**
 * "Send" without a mail client: in the extension's pages, window.open (how reports hand a mailto:
 * to the system) is recorded in `window.__opened` instead. For pages opened from now on; returns
 * a reader for one page.
 */
export async function interceptOpen(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    const opened: string[] = [];
    (window as unknown as { __opened: string[] }).__opened = opened;
    window.open = ((url?: string | URL) => {
      opened.push(String(url));
      return null;
    }) as typeof window.open;
  });
  return (page) => page.evaluate(() => (window as unknown as { __opened?: string[] }).__opened ?? []);
}

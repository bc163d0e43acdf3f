// Does a distribution's link answer? HEAD first (no body), then a one-byte ranged GET for servers
// that refuse or mishandle HEAD. Pure of browser APIs: `fetch` is injected (the extension's
// background passes its own, with the host permission the user granted; the CLI passes Node's).
// No cookies, no referrer; at most 2 checks at a time; each with a timeout; results cached 24 h.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import type { Cache } from '../storage/cache';

export const LinkError = z.enum(['timeout', 'network', 'unsupported']);
export type LinkError = z.infer<typeof LinkError>;

export const LinkStatus = z.object({
  url: z.string(),
  /** The server answered with a success (2xx after redirects; 206/416 to the ranged GET). */
  ok: z.boolean(),
  /** The final HTTP status, when the server answered at all. */
  status: z.number().int().optional(),
  /** Why there is no status: it took too long, the connection failed, or it is not an http(s) URL. */
  error: LinkError.optional(),
  /** The request that decided. */
  method: z.enum(['HEAD', 'GET']).optional(),
  /** Epoch ms of the check. */
  checkedAt: z.number(),
});
export type LinkStatus = z.infer<typeof LinkStatus>;

export const LINK_TIMEOUT_MS = 10_000;
export const LINK_CONCURRENCY = 2;
/** Most URLs one check request may ask about. */
export const MAX_LINKS_PER_CHECK = 60;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface LinkCheckOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  now?: () => number;
}

function okStatus(method: 'HEAD' | 'GET', status: number): boolean {
  if (status >= 200 && status < 300) return true;
  // An empty file answers a byte range it cannot satisfy with 416: it is there.
  return method === 'GET' && status === 416;
}

type Attempt = { status: number } | { error: LinkError };

async function attempt(url: string, method: 'HEAD' | 'GET', options: LinkCheckOptions): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? LINK_TIMEOUT_MS);
  try {
    const res = await options.fetch(url, {
      method,
      redirect: 'follow',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
      ...(method === 'GET' && { headers: { Range: 'bytes=0-0' } }),
    });
    // Never download the file: a server that ignores Range would send all of it.
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status };
  } catch {
    return { error: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

export function isCheckableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks one URL: HEAD, then (unless HEAD succeeded or timed out) a ranged GET. */
export async function checkLink(url: string, options: LinkCheckOptions): Promise<LinkStatus> {
  const now = options.now ?? Date.now;
  if (!isCheckableUrl(url)) return { url, ok: false, error: 'unsupported', checkedAt: now() };
  const head = await attempt(url, 'HEAD', options);
  if ('status' in head && okStatus('HEAD', head.status)) return { url, ok: true, status: head.status, method: 'HEAD', checkedAt: now() };
  // A server that does not answer a HEAD in time will not answer a GET either: do not wait twice.
  if ('error' in head && head.error === 'timeout') return { url, ok: false, error: 'timeout', method: 'HEAD', checkedAt: now() };
  const get = await attempt(url, 'GET', options);
  if ('status' in get) return { url, ok: okStatus('GET', get.status), status: get.status, method: 'GET', checkedAt: now() };
  // The GET failed outright; a status from the HEAD is still evidence.
  if ('status' in head) return { url, ok: false, status: head.status, method: 'HEAD', checkedAt: now() };
  return { url, ok: false, error: get.error, method: 'GET', checkedAt: now() };
}

export interface LinkCheckerOptions extends LinkCheckOptions {
  cache?: Cache;
  concurrency?: number;
}

export interface LinkChecker {
  /** Results in the order asked; fresh cached results (24 h) are reused unless `force`. */
  check(urls: readonly string[], options?: { force?: boolean; onResult?: (s: LinkStatus) => void }): Promise<LinkStatus[]>;
}

const cacheKey = (url: string) => `link-check:${url}`;

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * Checks many URLs with at most `concurrency` (2) requests in flight across all callers; the same
 * URL asked twice at once is checked once.
 */
export function createLinkChecker(options: LinkCheckerOptions): LinkChecker {
  const limit = options.concurrency ?? LINK_CONCURRENCY;
  const inFlight = new Map<string, Promise<LinkStatus>>();
  // One shared queue so two popups checking at once still make at most `limit` requests.
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = (): Promise<void> => {
    if (running < limit) {
      running++;
      return Promise.resolve();
    }
    return new Promise<void>((r) => waiting.push(r));
  };
  // A finished check hands its slot straight to the next waiter, so a newcomer cannot slip in.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  async function one(url: string, force: boolean): Promise<LinkStatus> {
    if (!force && options.cache) {
      const hit = await options.cache.get(cacheKey(url), LinkStatus).catch(() => undefined);
      if (hit?.fresh) return hit.value;
    }
    const pending = inFlight.get(url);
    if (pending) return pending;
    const p = (async () => {
      await slot();
      try {
        return await checkLink(url, options);
      } finally {
        release();
      }
    })();
    inFlight.set(url, p);
    try {
      const result = await p;
      // Not-http(s) URLs are a fact about the metadata, not the server: nothing to cache.
      if (options.cache && result.error !== 'unsupported') await options.cache.set(cacheKey(url), result, { kind: 'link-check' }).catch(() => undefined);
      return result;
    } finally {
      inFlight.delete(url);
    }
  }

  return {
    async check(urls, opts = {}) {
      const unique = [...new Set(urls)].slice(0, MAX_LINKS_PER_CHECK);
      const results = new Map<string, LinkStatus>();
      await pool(unique, limit, async (url) => {
        const r = await one(url, opts.force === true);
        results.set(url, r);
        opts.onResult?.(r);
      });
      return unique.map((u) => results.get(u) as LinkStatus);
    },
  };
}

/** Origin patterns for an optional host permission covering these URLs (`https://host/*`). */
export function originPatterns(urls: readonly string[]): string[] {
  const out = new Set<string>();
  for (const url of urls) {
    if (!isCheckableUrl(url)) continue;
    const u = new URL(url);
    out.add(`${u.protocol}//${u.hostname}/*`);
  }
  return [...out];
}

// Stale-while-revalidate over any Cache: the popup shows cached data at once (budget: first content
// ≤ 100 ms, no spinner) and the registry is asked again only when the entry's TTL has passed.
//
// Rules:
// * fresh hit → cached value, no network;
// * stale hit → stale value at once, marked stale, plus one background refresh whose result is
//   handed to onRefresh;
// * miss → fetch, store, return;
// * a failed or invalid fetch never replaces a stored value (the fetcher throws; only a value that
//   passes the schema is written);
// * concurrent misses and refreshes of one key share one fetch;
// * a broken cache (IndexedDB unavailable, disk full) degrades to "no cache", never to an error.
import type { ZodType } from 'zod';
import type { Cache, CacheKind } from './cache';

export interface CachedResult<T> {
  value: T;
  /** True when the value is past its TTL and a refresh is running in the background. */
  stale: boolean;
  /** How old the value is (0 when it was just fetched). */
  ageMs: number;
  source: 'cache' | 'network';
}

export interface CachedOptions<T> {
  /** Called with the new value when a background refresh of a stale entry succeeds. */
  onRefresh?: (value: T) => void;
  /** Called when a background refresh fails; the stale value stays in the cache. */
  onRefreshError?: (error: unknown) => void;
  /** Ignore a fresh entry and fetch (the user pressed "reload"); a failure still falls back to the stored value. */
  forceRefresh?: boolean;
  now?: () => number;
}

export class CacheValidationError extends Error {
  override readonly name = 'CacheValidationError';
}

// Per cache instance, so two caches (tests) never share an in-flight fetch.
const inflightByCache = new WeakMap<Cache, Map<string, Promise<unknown>>>();

function inflightFor(cache: Cache): Map<string, Promise<unknown>> {
  let m = inflightByCache.get(cache);
  if (!m) {
    m = new Map();
    inflightByCache.set(cache, m);
  }
  return m;
}

/** Fetches, validates and stores once per key at a time; concurrent callers get the same promise. */
function fetchAndStore<T>(cache: Cache, key: string, kind: CacheKind, schema: ZodType<T>, fetcher: () => Promise<T>): Promise<T> {
  const inflight = inflightFor(cache);
  const existing = inflight.get(key);
  if (existing) return existing as Promise<T>;
  const p = (async (): Promise<T> => {
    const fetched = await fetcher();
    const checked = schema.safeParse(fetched);
    if (!checked.success) {
      throw new CacheValidationError(`The value fetched for "${key}" does not match its schema: ${checked.error.message}`);
    }
    try {
      await cache.set(key, checked.data, { kind });
    } catch {
      // Cache write failed: the caller still gets the value; next time it is simply a miss.
    }
    return checked.data;
  })();
  inflight.set(key, p);
  const cleanup = (): void => {
    if (inflight.get(key) === p) inflight.delete(key);
  };
  p.then(cleanup, cleanup);
  return p;
}

export async function cached<T>(
  cache: Cache,
  key: string,
  kind: CacheKind,
  schema: ZodType<T>,
  fetcher: () => Promise<T>,
  options: CachedOptions<T> = {},
): Promise<CachedResult<T>> {
  const now = options.now ?? Date.now;
  let hit;
  try {
    hit = await cache.get(key, schema);
  } catch {
    hit = undefined;
  }

  if (hit && hit.fresh && !options.forceRefresh) {
    return { value: hit.value, stale: false, ageMs: Math.max(0, now() - hit.storedAt), source: 'cache' };
  }

  if (hit && !options.forceRefresh) {
    const refresh = fetchAndStore(cache, key, kind, schema, fetcher);
    refresh.then(
      (v) => options.onRefresh?.(v),
      (err: unknown) => options.onRefreshError?.(err),
    );
    return { value: hit.value, stale: true, ageMs: Math.max(0, now() - hit.storedAt), source: 'cache' };
  }

  try {
    const value = await fetchAndStore(cache, key, kind, schema, fetcher);
    return { value, stale: false, ageMs: 0, source: 'network' };
  } catch (err) {
    // A forced refresh that fails still has the stored value to show.
    if (hit) {
      options.onRefreshError?.(err);
      return { value: hit.value, stale: !hit.fresh, ageMs: Math.max(0, now() - hit.storedAt), source: 'cache' };
    }
    throw err;
  }
}

// The cache contract shared by the IndexedDB (extension), memory (tests) and file (CLI) caches.
// Values are stored as plain JSON and validated with the caller's zod schema on every read
// (DESIGN: every byte from storage is parsed before use). An entry that fails validation was
// written by another version or got corrupted: it is deleted and reported as a miss, so the caller
// simply fetches again.
import type { ZodType } from 'zod';

const HOUR = 60 * 60 * 1000;

/**
 * How long an entry counts as fresh, per kind. The registry re-harvests nightly, so hours are
 * safe (notes §6). A stale entry is still served (stale-while-revalidate), never thrown away for age.
 */
export const CACHE_TTL_MS = {
  'publisher-list': 24 * HOUR,
  'publisher-items': 6 * HOUR,
  'item-detail': 6 * HOUR,
  'publisher-search': 6 * HOUR,
  /** Link-check results (lib/quality/linkcheck.ts): a day, so a re-check the same day asks no server. */
  'link-check': 24 * HOUR,
} as const satisfies Record<string, number>;

export type CacheKind = keyof typeof CACHE_TTL_MS;

export function isCacheKind(kind: string): kind is CacheKind {
  return Object.prototype.hasOwnProperty.call(CACHE_TTL_MS, kind);
}

export interface CacheHit<T> {
  value: T;
  /** Epoch ms when the value was fetched from the network and stored. */
  storedAt: number;
  fresh: boolean;
}

export interface CacheStats {
  entries: number;
  /** Approximate: length of the stored JSON text. */
  bytes: number;
}

export interface CacheSetOptions {
  kind: CacheKind;
}

export interface Cache {
  get<T>(key: string, schema: ZodType<T>): Promise<CacheHit<T> | undefined>;
  set(key: string, value: unknown, options: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
}

export interface CacheLimits {
  /** Most entries kept; the least recently used go first. */
  maxEntries?: number;
  /** Most approximate bytes kept (JSON length). A single larger value is not stored at all. */
  maxBytes?: number;
}

export interface CacheOptions extends CacheLimits {
  now?: () => number;
}

export const DEFAULT_MAX_ENTRIES = 1000;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** accessedAt is rewritten on read at most this often: LRU order to the minute is enough and saves writes. */
export const ACCESS_GRANULARITY_MS = 60 * 1000;

/** Fresh when younger than the kind's TTL. Unknown kinds (written by a newer build) count as stale; so do entries from the future (clock moved back). */
export function isFresh(kind: string, storedAt: number, now: number): boolean {
  if (!isCacheKind(kind)) return false;
  const age = now - storedAt;
  return age >= 0 && age < CACHE_TTL_MS[kind];
}

/** Serialises a value for storage and size accounting; throws on values JSON cannot hold (cycles, BigInt). */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Cache values must be JSON-serialisable');
  return json;
}

/** Validates a stored value with the caller's schema; undefined means "corrupt, drop it". */
export function validate<T>(schema: ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

// The last few cache entries read, kept in the service worker's memory for a short while in front
// of the IndexedDB cache. A popup open asks for the same organisation's first page the badge just
// read; from memory that answer skips an IndexedDB read, its validation and its access-time write
// (5–30 ms of the warm popup's answer under load). Only the service worker uses the IndexedDB cache,
// and every write, delete and clear goes through here, so the memory never disagrees with the store
// for longer than HOT_MS about freshness (TTLs are hours), and never about content.
import type { ZodType } from 'zod';
import type { Cache, CacheHit, CacheSetOptions, CacheStats } from './cache';

export const HOT_MS = 30_000;
export const HOT_ENTRIES = 16;

interface Hot {
  hit: CacheHit<unknown>;
  schema: ZodType<unknown>;
  readAt: number;
}

export interface HotCache extends Cache {
  makeRoom(): Promise<void>;
}

export function withHotEntries(inner: Cache & { makeRoom?(): Promise<void> }, now: () => number = Date.now): HotCache {
  const hot = new Map<string, Hot>();
  const forget = (key?: string) => (key === undefined ? hot.clear() : hot.delete(key));
  return {
    async get<T>(key: string, schema: ZodType<T>): Promise<CacheHit<T> | undefined> {
      const h = hot.get(key);
      const t = now();
      // The same schema only: a value checked against one shape says nothing about another.
      if (h && h.schema === (schema as ZodType<unknown>) && t - h.readAt < HOT_MS && t >= h.readAt) {
        // A copy: callers may sort or annotate what they get, as they may with a fresh read.
        return { ...h.hit, value: structuredClone(h.hit.value) } as CacheHit<T>;
      }
      const got = await inner.get(key, schema);
      if (got) {
        hot.delete(key);
        hot.set(key, { hit: { ...got, value: structuredClone(got.value) }, schema: schema as ZodType<unknown>, readAt: t });
        while (hot.size > HOT_ENTRIES) hot.delete(hot.keys().next().value as string);
      } else forget(key);
      return got;
    },
    async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
      forget(key);
      await inner.set(key, value, options);
      // An eviction may have dropped other entries: keep memory no fuller than the store.
      forget();
    },
    async delete(key: string): Promise<void> {
      forget(key);
      await inner.delete(key);
    },
    async clear(): Promise<void> {
      forget();
      await inner.clear();
    },
    async makeRoom(): Promise<void> {
      forget();
      await (inner.makeRoom ? inner.makeRoom() : inner.clear());
    },
    stats: (): Promise<CacheStats> => inner.stats(),
  };
}

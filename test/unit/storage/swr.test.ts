import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Cache } from '../../../lib/storage/cache';
import { MemoryCache } from '../../../lib/storage/memory-cache';
import { cached, CacheValidationError } from '../../../lib/storage/swr';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const HOUR = 3_600_000;
const Page = z.object({ total: z.number(), items: z.array(z.string()) });
type Page = z.infer<typeof Page>;

function setup() {
  const clock = { t: T0 };
  const now = (): number => clock.t;
  const cache = new MemoryCache({ now });
  return { clock, now, cache };
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('cached (stale-while-revalidate)', () => {
  it('miss: fetches, stores and returns', async () => {
    const { cache, now } = setup();
    const fetcher = vi.fn(async (): Promise<Page> => ({ total: 1, items: ['a'] }));
    const r = await cached(cache, 'k', 'publisher-items', Page, fetcher, { now });
    expect(r).toEqual({ value: { total: 1, items: ['a'] }, stale: false, ageMs: 0, source: 'network' });
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect((await cache.get('k', Page))?.value).toEqual({ total: 1, items: ['a'] });
  });

  it('fresh hit: no network', async () => {
    const { cache, now, clock } = setup();
    await cache.set('k', { total: 1, items: ['a'] }, { kind: 'publisher-items' });
    clock.t += HOUR;
    const fetcher = vi.fn(async (): Promise<Page> => ({ total: 2, items: [] }));
    const r = await cached(cache, 'k', 'publisher-items', Page, fetcher, { now });
    expect(r).toEqual({ value: { total: 1, items: ['a'] }, stale: false, ageMs: HOUR, source: 'cache' });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('stale hit: the stale value at once, then a background refresh', async () => {
    const { cache, now, clock } = setup();
    await cache.set('k', { total: 1, items: ['old'] }, { kind: 'publisher-items' });
    clock.t += 7 * HOUR;
    const answer = deferred<Page>();
    const onRefresh = vi.fn();
    const r = await cached(cache, 'k', 'publisher-items', Page, () => answer.promise, { now, onRefresh });
    // Returned before the network answered.
    expect(r).toEqual({ value: { total: 1, items: ['old'] }, stale: true, ageMs: 7 * HOUR, source: 'cache' });
    expect(onRefresh).not.toHaveBeenCalled();
    answer.resolve({ total: 2, items: ['new'] });
    await flush();
    expect(onRefresh).toHaveBeenCalledWith({ total: 2, items: ['new'] });
    expect(await cache.get('k', Page)).toEqual({ value: { total: 2, items: ['new'] }, storedAt: clock.t, fresh: true });
  });

  it('a failed refresh keeps the good entry and reports the error', async () => {
    const { cache, now, clock } = setup();
    await cache.set('k', { total: 1, items: ['good'] }, { kind: 'publisher-items' });
    clock.t += 7 * HOUR;
    const onRefreshError = vi.fn();
    const boom = new Error('registry down');
    const r = await cached(cache, 'k', 'publisher-items', Page, () => Promise.reject(boom), { now, onRefreshError });
    expect(r.stale).toBe(true);
    await flush();
    expect(onRefreshError).toHaveBeenCalledWith(boom);
    expect(await cache.get('k', Page)).toEqual({ value: { total: 1, items: ['good'] }, storedAt: T0, fresh: false });
  });

  it('a bad answer (fails the schema) never overwrites a good entry', async () => {
    const { cache, now, clock } = setup();
    await cache.set('k', { total: 1, items: ['good'] }, { kind: 'publisher-items' });
    clock.t += 7 * HOUR;
    const onRefreshError = vi.fn();
    await cached(cache, 'k', 'publisher-items', Page, async () => ({ total: 'lots' }) as unknown as Page, { now, onRefreshError });
    await flush();
    expect(onRefreshError.mock.calls[0]?.[0]).toBeInstanceOf(CacheValidationError);
    expect((await cache.get('k', Page))?.value).toEqual({ total: 1, items: ['good'] });
  });

  it('a bad answer on a miss is an error, and nothing is stored', async () => {
    const { cache, now } = setup();
    await expect(cached(cache, 'k', 'publisher-items', Page, async () => ({}) as Page, { now })).rejects.toBeInstanceOf(CacheValidationError);
    expect((await cache.stats()).entries).toBe(0);
  });

  it('a corrupt entry is dropped and fetched again', async () => {
    const { cache, now } = setup();
    await cache.set('k', { something: 'else' }, { kind: 'publisher-items' });
    const fetcher = vi.fn(async (): Promise<Page> => ({ total: 3, items: [] }));
    const r = await cached(cache, 'k', 'publisher-items', Page, fetcher, { now });
    expect(r.source).toBe('network');
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect((await cache.get('k', Page))?.value).toEqual({ total: 3, items: [] });
  });

  it('concurrent misses of one key share one fetch', async () => {
    const { cache, now } = setup();
    const answer = deferred<Page>();
    const fetcher = vi.fn(() => answer.promise);
    const a = cached(cache, 'k', 'publisher-items', Page, fetcher, { now });
    const b = cached(cache, 'k', 'publisher-items', Page, fetcher, { now });
    await flush();
    answer.resolve({ total: 1, items: [] });
    expect((await a).value).toEqual((await b).value);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('concurrent stale reads share one refresh, and each gets onRefresh', async () => {
    const { cache, now, clock } = setup();
    await cache.set('k', { total: 1, items: [] }, { kind: 'publisher-items' });
    clock.t += 7 * HOUR;
    const answer = deferred<Page>();
    const fetcher = vi.fn(() => answer.promise);
    const first = vi.fn();
    const second = vi.fn();
    await cached(cache, 'k', 'publisher-items', Page, fetcher, { now, onRefresh: first });
    await cached(cache, 'k', 'publisher-items', Page, fetcher, { now, onRefresh: second });
    answer.resolve({ total: 2, items: [] });
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('different keys do not share', async () => {
    const { cache, now } = setup();
    const fetcher = vi.fn(async (): Promise<Page> => ({ total: 1, items: [] }));
    await Promise.all([cached(cache, 'a', 'publisher-items', Page, fetcher, { now }), cached(cache, 'b', 'publisher-items', Page, fetcher, { now })]);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('forceRefresh fetches despite a fresh entry, and falls back to it on failure', async () => {
    const { cache, now } = setup();
    await cache.set('k', { total: 1, items: [] }, { kind: 'publisher-items' });
    const r = await cached(cache, 'k', 'publisher-items', Page, async () => ({ total: 2, items: [] }), { now, forceRefresh: true });
    expect(r).toMatchObject({ value: { total: 2 }, source: 'network' });
    const onRefreshError = vi.fn();
    const fallback = await cached(cache, 'k', 'publisher-items', Page, () => Promise.reject(new Error('down')), { now, forceRefresh: true, onRefreshError });
    expect(fallback).toMatchObject({ value: { total: 2 }, source: 'cache', stale: false });
    expect(onRefreshError).toHaveBeenCalledTimes(1);
  });

  it('a broken cache degrades to plain fetching', async () => {
    const broken: Cache = {
      get: () => Promise.reject(new Error('IndexedDB unavailable')),
      set: () => Promise.reject(new Error('IndexedDB unavailable')),
      delete: () => Promise.resolve(),
      clear: () => Promise.resolve(),
      stats: () => Promise.resolve({ entries: 0, bytes: 0 }),
    };
    const r = await cached(broken, 'k', 'publisher-items', Page, async () => ({ total: 1, items: [] }));
    expect(r).toMatchObject({ value: { total: 1 }, source: 'network' });
  });

  it('a miss with a failing fetch rejects with the fetch error', async () => {
    const { cache, now } = setup();
    await expect(cached(cache, 'k', 'publisher-items', Page, () => Promise.reject(new Error('down')), { now })).rejects.toThrow('down');
  });
});

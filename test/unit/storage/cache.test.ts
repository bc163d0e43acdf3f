// The same contract for the three caches: memory (tests), IndexedDB (extension), file (CLI).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CACHE_TTL_MS, isFresh, type Cache, type CacheKind, type CacheOptions } from '../../../lib/storage/cache';
import { openInsynDb } from '../../../lib/storage/db';
import { FileCache } from '../../../lib/storage/file-cache';
import { IdbCache } from '../../../lib/storage/idb-cache';
import { MemoryCache } from '../../../lib/storage/memory-cache';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

const Item = z.object({ id: z.string(), n: z.number(), tags: z.array(z.string()).default([]) });
type Item = z.infer<typeof Item>;
const item = (id: string, n = 1): Item => ({ id, n, tags: [] });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function tmpFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'insyn-cache-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'sub', 'cache.json');
}

type Make = (options: CacheOptions) => Promise<Cache>;
const IMPLEMENTATIONS: Array<[string, Make]> = [
  ['MemoryCache', async (o) => new MemoryCache(o)],
  ['IdbCache', async (o) => new IdbCache({ ...o, factory: new IDBFactory() })],
  ['FileCache', async (o) => new FileCache({ ...o, path: await tmpFile() })],
];

describe.each(IMPLEMENTATIONS)('%s', (_name, make) => {
  let t = T0;
  const now = (): number => t;
  const fresh = (o: CacheOptions = {}): Promise<Cache> => {
    t = T0;
    return make({ now, ...o });
  };

  it('stores and reads back a value, validated with the caller’s schema', async () => {
    const cache = await fresh();
    await cache.set('a', { id: 'a', n: 1 }, { kind: 'item-detail' });
    const hit = await cache.get('a', Item);
    // The schema's default is applied on read: what comes back is the parsed value.
    expect(hit).toEqual({ value: { id: 'a', n: 1, tags: [] }, storedAt: T0, fresh: true });
    expect(await cache.get('missing', Item)).toBeUndefined();
  });

  it.each(Object.entries(CACHE_TTL_MS) as Array<[CacheKind, number]>)('TTL for %s is %i ms', async (kind, ttl) => {
    const cache = await fresh();
    await cache.set('k', item('k'), { kind });
    t = T0 + ttl - 1;
    expect((await cache.get('k', Item))?.fresh).toBe(true);
    t = T0 + ttl;
    const stale = await cache.get('k', Item);
    expect(stale?.fresh).toBe(false);
    // Stale is still served: freshness decides refreshing, not deletion.
    expect(stale?.value).toEqual(item('k'));
    t = T0 + 365 * 24 * HOUR;
    expect((await cache.get('k', Item))?.value).toEqual(item('k'));
  });

  it('TTLs: publisher list 24 h, publisher items and details 6 h', () => {
    expect(CACHE_TTL_MS['publisher-list']).toBe(24 * HOUR);
    expect(CACHE_TTL_MS['publisher-items']).toBe(6 * HOUR);
    expect(CACHE_TTL_MS['item-detail']).toBe(6 * HOUR);
  });

  it('an entry that fails the schema is deleted and reported as a miss', async () => {
    const cache = await fresh();
    await cache.set('old', { id: 'old', n: 'not a number' }, { kind: 'item-detail' });
    await cache.set('ok', item('ok'), { kind: 'item-detail' });
    expect(await cache.get('old', Item)).toBeUndefined();
    expect((await cache.stats()).entries).toBe(1);
    expect(await cache.get('old', z.unknown())).toBeUndefined();
    expect((await cache.get('ok', Item))?.value).toEqual(item('ok'));
  });

  it('replaces a value and restarts its age', async () => {
    const cache = await fresh();
    await cache.set('a', item('a', 1), { kind: 'item-detail' });
    t += 7 * HOUR;
    await cache.set('a', item('a', 2), { kind: 'item-detail' });
    expect(await cache.get('a', Item)).toEqual({ value: item('a', 2), storedAt: T0 + 7 * HOUR, fresh: true });
    expect((await cache.stats()).entries).toBe(1);
  });

  it('evicts the least recently used entry when over the entry limit', async () => {
    const cache = await fresh({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) {
      await cache.set(k, item(k), { kind: 'item-detail' });
      t += 2 * MIN;
    }
    await cache.get('a', Item); // a is now more recent than b
    t += 2 * MIN;
    await cache.set('d', item('d'), { kind: 'item-detail' });
    expect(await cache.get('b', Item)).toBeUndefined();
    for (const k of ['a', 'c', 'd']) expect((await cache.get(k, Item))?.value).toEqual(item(k));
    expect((await cache.stats()).entries).toBe(3);
  });

  it('evicts when over the byte limit', async () => {
    const size = JSON.stringify(item('a')).length;
    const cache = await fresh({ maxBytes: size * 2 + 5 });
    for (const k of ['a', 'b', 'c']) {
      await cache.set(k, item(k), { kind: 'item-detail' });
      t += 2 * MIN;
    }
    expect(await cache.get('a', Item)).toBeUndefined();
    expect(await cache.stats()).toEqual({ entries: 2, bytes: size * 2 });
  });

  it('does not store a single value larger than the byte limit, and drops the old one', async () => {
    const cache = await fresh({ maxBytes: 100 });
    await cache.set('big', item('small'), { kind: 'item-detail' });
    await cache.set('big', { id: 'x'.repeat(200), n: 1 }, { kind: 'item-detail' });
    expect(await cache.get('big', Item)).toBeUndefined();
    expect((await cache.stats()).entries).toBe(0);
  });

  it('delete, clear and stats', async () => {
    const cache = await fresh();
    await cache.set('a', item('a'), { kind: 'item-detail' });
    await cache.set('b', item('b'), { kind: 'publisher-list' });
    expect(await cache.stats()).toEqual({ entries: 2, bytes: JSON.stringify(item('a')).length * 2 });
    await cache.delete('a');
    await cache.delete('nothing');
    expect(await cache.get('a', Item)).toBeUndefined();
    expect((await cache.stats()).entries).toBe(1);
    await cache.clear();
    expect(await cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('returns copies: mutating a result does not change the cache', async () => {
    const cache = await fresh();
    const v = item('a');
    await cache.set('a', v, { kind: 'item-detail' });
    v.n = 99;
    const hit = await cache.get('a', Item);
    if (hit) hit.value.tags.push('x');
    expect((await cache.get('a', Item))?.value).toEqual(item('a'));
  });

  it('refuses values JSON cannot hold', async () => {
    const cache = await fresh();
    await expect(cache.set('x', { n: 1n }, { kind: 'item-detail' })).rejects.toThrow(TypeError);
  });
});

describe('isFresh', () => {
  it('unknown kinds and future timestamps are stale', () => {
    expect(isFresh('item-detail', T0, T0 + MIN)).toBe(true);
    expect(isFresh('kind-from-a-newer-build', T0, T0 + MIN)).toBe(false);
    expect(isFresh('item-detail', T0 + HOUR, T0)).toBe(false);
  });
});

describe('IdbCache specifics', () => {
  it('a stored record with a broken envelope is deleted and reported as a miss', async () => {
    const factory = new IDBFactory();
    const db = await openInsynDb({ factory });
    await db.put('cache', { key: 'bad', kind: 'item-detail', storedAt: 'yesterday', accessedAt: 0, bytes: 1, value: item('bad') } as never);
    const cache = new IdbCache({ db });
    expect(await cache.get('bad', Item)).toBeUndefined();
    expect(await db.get('cache', 'bad')).toBeUndefined();
    db.close();
  });

  it('two contexts (service worker and popup) share one database', async () => {
    const factory = new IDBFactory();
    let t = T0;
    const worker = new IdbCache({ factory, now: () => t, maxEntries: 2 });
    const popup = new IdbCache({ factory, now: () => t, maxEntries: 2 });
    await worker.set('a', item('a'), { kind: 'item-detail' });
    t += 2 * MIN;
    expect((await popup.get('a', Item))?.value).toEqual(item('a'));
    t += 2 * MIN;
    await popup.set('b', item('b'), { kind: 'item-detail' });
    t += 2 * MIN;
    await worker.set('c', item('c'), { kind: 'item-detail' });
    // The limit holds across both writers: 'a' (last used at +2 min) is older than 'b' (+4) and 'c' (+6).
    expect(await worker.stats()).toMatchObject({ entries: 2 });
    expect(await popup.get('a', Item)).toBeUndefined();
  });

  it('updates accessedAt on read at most once a minute (LRU-ish, fewer writes)', async () => {
    const factory = new IDBFactory();
    const db = await openInsynDb({ factory });
    let t = T0;
    const cache = new IdbCache({ db, now: () => t });
    await cache.set('a', item('a'), { kind: 'item-detail' });
    t += 30_000;
    await cache.get('a', Item);
    expect((await db.get('cache', 'a'))?.accessedAt).toBe(T0);
    t += 31_000;
    await cache.get('a', Item);
    expect((await db.get('cache', 'a'))?.accessedAt).toBe(T0 + 61_000);
    db.close();
  });

  it('retries opening after a failure', async () => {
    let attempts = 0;
    const factory = new IDBFactory();
    const cache = new IdbCache({
      db: () => {
        attempts++;
        return attempts === 1 ? Promise.reject(new Error('private mode')) : openInsynDb({ factory });
      },
    });
    await expect(cache.stats()).rejects.toThrow('private mode');
    await expect(cache.stats()).resolves.toEqual({ entries: 0, bytes: 0 });
  });
});

describe('FileCache specifics', () => {
  it('persists across runs in one JSON file', async () => {
    const path = await tmpFile();
    const first = new FileCache({ path, now: () => T0 });
    await first.set('a', item('a'), { kind: 'publisher-list' });
    await first.flush();
    const file = JSON.parse(await readFile(path, 'utf8')) as { format: string; version: number; entries: unknown[] };
    expect(file).toMatchObject({ format: 'insyn-cache', version: 1 });
    expect(file.entries).toHaveLength(1);
    const second = new FileCache({ path, now: () => T0 + HOUR });
    expect(await second.get('a', Item)).toEqual({ value: item('a'), storedAt: T0, fresh: true });
  });

  it('a corrupt file reads as an empty cache and is replaced on the next write', async () => {
    const path = await tmpFile();
    const first = new FileCache({ path });
    await first.set('x', item('x'), { kind: 'item-detail' }); // creates the directory
    await writeFile(path, '{"format":"insyn-cache","entr', 'utf8');
    const cache = new FileCache({ path, now: () => T0 });
    expect(await cache.stats()).toEqual({ entries: 0, bytes: 0 });
    await cache.set('a', item('a'), { kind: 'item-detail' });
    expect(await new FileCache({ path, now: () => T0 }).get('a', Item)).toBeDefined();
  });

  it('skips malformed entries but keeps the good ones', async () => {
    const path = await tmpFile();
    const seed = new FileCache({ path });
    await seed.set('seed', item('seed'), { kind: 'item-detail' });
    const good = { key: 'g', kind: 'item-detail', storedAt: T0, accessedAt: T0, json: JSON.stringify(item('g')) };
    await writeFile(path, JSON.stringify({ format: 'insyn-cache', version: 1, entries: [good, { key: 5 }, 'junk'] }), 'utf8');
    const cache = new FileCache({ path, now: () => T0 });
    expect((await cache.get('g', Item))?.value).toEqual(item('g'));
    expect((await cache.stats()).entries).toBe(1);
  });

  it('an unwritable location degrades to memory only', async () => {
    const path = await tmpFile();
    const seed = new FileCache({ path });
    await seed.set('seed', item('seed'), { kind: 'item-detail' });
    // A directory path below a regular file can never be created.
    const cache = new FileCache({ path: join(path, 'inside-a-file', 'cache.json'), now: () => T0 });
    await expect(cache.set('a', item('a'), { kind: 'item-detail' })).resolves.toBeUndefined();
    expect((await cache.get('a', Item))?.value).toEqual(item('a'));
  });
});

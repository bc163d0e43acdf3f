// The client with a cache, against the stub: one request per key per TTL, stale data served at
// once, and a broken registry never replacing good cached data.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRegistryClient, type CacheInfo, type RegistryClient } from '../../../lib/registry/client';
import { RegistryError } from '../../../lib/registry/errors';
import { createTransport } from '../../../lib/registry/transport';
import { IdbCache } from '../../../lib/storage/idb-cache';
import { MemoryCache } from '../../../lib/storage/memory-cache';
import type { Cache } from '../../../lib/storage/cache';
import { ORGS } from '../../support/registry-data';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const HOUR = 3_600_000;

let stub: RegistryStub;
beforeAll(async () => {
  stub = await startRegistryStub();
});
afterAll(async () => {
  await stub.close();
});
afterEach(() => {
  stub.setMode('ok');
  stub.reset();
});

function setup(makeCache: (now: () => number) => Cache = (now) => new MemoryCache({ now })) {
  const clock = { t: T0 };
  const now = (): number => clock.t;
  const cache = makeCache(now);
  const client: RegistryClient = createRegistryClient({
    transport: createTransport({ base: stub.base, sleep: async () => undefined, isOnline: () => true }),
    cache,
    now,
  });
  return { clock, client, cache };
}

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe.each([
  ['MemoryCache', (now: () => number): Cache => new MemoryCache({ now })],
  ['IdbCache', (now: () => number): Cache => new IdbCache({ now, factory: new IDBFactory() })],
])('client with %s', (_name, makeCache) => {
  it('a second call within the TTL makes no request', async () => {
    const { client, clock } = setup(makeCache);
    const publisherUri = client.publisherUri(ORGS.skatteverket.orgNumber);
    const infos: CacheInfo[] = [];
    await client.searchPublisherItems({ publisherUri }, { onCacheInfo: (i) => infos.push(i) });
    clock.t += 5 * HOUR;
    const again = await client.searchPublisherItems({ publisherUri }, { onCacheInfo: (i) => infos.push(i) });
    expect(again.total).toBe(13);
    expect(stub.requests).toHaveLength(1);
    expect(infos).toEqual([
      { source: 'network', stale: false, ageMs: 0 },
      { source: 'cache', stale: false, ageMs: 5 * HOUR },
    ]);
  });

  it('after the TTL: stale data at once, then a refresh', async () => {
    const { client, clock } = setup(makeCache);
    await client.getItem({ contextId: '6', entryId: '68000' });
    clock.t += 6 * HOUR + 1;
    const onRefresh = vi.fn();
    const infos: CacheInfo[] = [];
    const item = await client.getItem({ contextId: '6', entryId: '68000' }, { onRefresh, onCacheInfo: (i) => infos.push(i) });
    expect(item.title.sv).toBe('Skattesatser per kommun');
    expect(infos).toEqual([{ source: 'cache', stale: true, ageMs: 6 * HOUR + 1 }]);
    await until(() => onRefresh.mock.calls.length === 1);
    expect(stub.requests).toHaveLength(2);
    // The refreshed entry is fresh again.
    const infos2: CacheInfo[] = [];
    await client.getItem({ contextId: '6', entryId: '68000' }, { onCacheInfo: (i) => infos2.push(i) });
    expect(infos2[0]).toMatchObject({ source: 'cache', stale: false });
    expect(stub.requests).toHaveLength(2);
  });

  it('a broken answer during refresh keeps the good entry', async () => {
    const { client, clock } = setup(makeCache);
    const publisherUri = client.publisherUri(ORGS.goteborg.orgNumber);
    const good = await client.searchPublisherItems({ publisherUri });
    clock.t += 7 * HOUR;
    stub.setMode('html');
    const onRefreshError = vi.fn();
    const stale = await client.searchPublisherItems({ publisherUri }, { onRefreshError });
    expect(stale).toEqual(good);
    await until(() => onRefreshError.mock.calls.length === 1);
    const err = onRefreshError.mock.calls[0]?.[0] as RegistryError;
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.kind).toBe('malformed');
    // Still the good data, still stale, and a later refresh can succeed.
    stub.setMode('ok');
    const onRefresh = vi.fn();
    expect(await client.searchPublisherItems({ publisherUri }, { onRefresh })).toEqual(good);
    await until(() => onRefresh.mock.calls.length === 1);
  });

  it('the registry down and nothing cached: offline', async () => {
    const { client } = setup(makeCache);
    stub.setMode('down');
    const err = await client.listPublishers().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).kind).toBe('offline');
  });

  it('the publisher list is fresh for 24 hours', async () => {
    const { client, clock } = setup(makeCache);
    await client.listPublishers();
    const count = stub.requests.length;
    clock.t += 23 * HOUR;
    await client.listPublishers();
    expect(stub.requests).toHaveLength(count);
  });
});

describe('abort with a cache', () => {
  it('releases the caller at once; the answer still fills the cache', async () => {
    const slow = await startRegistryStub({ latencyMs: 50 });
    try {
      const clock = { t: T0 };
      const cache = new MemoryCache({ now: () => clock.t });
      const client = createRegistryClient({ transport: createTransport({ base: slow.base, isOnline: () => true }), cache, now: () => clock.t });
      const ctl = new AbortController();
      const p = client.getItem({ contextId: '66', entryId: '71946' }, { signal: ctl.signal });
      ctl.abort();
      await expect(p).rejects.toMatchObject({ kind: 'aborted' });
      await until(() => slow.requests.length === 1);
      await new Promise((r) => setTimeout(r, 100));
      const infos: CacheInfo[] = [];
      await client.getItem({ contextId: '66', entryId: '71946' }, { onCacheInfo: (i) => infos.push(i) });
      expect(infos[0]?.source).toBe('cache');
      expect(slow.requests).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});

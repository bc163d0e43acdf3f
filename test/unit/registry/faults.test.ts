// Registry faults over real HTTP, against the local stub: every way the registry can fail gives a
// typed error after a bounded number of requests (counted at the stub), and a failed or malformed
// answer never overwrites good cached data: stale-while-revalidate keeps the old entry, serves it,
// and reports the error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRegistryClient, publisherItemsPath, type CacheInfo, type RegistryClient } from '../../../lib/registry/client';
import { RegistryError, type RegistryErrorKind } from '../../../lib/registry/errors';
import { createTransport } from '../../../lib/registry/transport';
import { SearchPage } from '../../../lib/dcat/types';
import { IdbCache } from '../../../lib/storage/idb-cache';
import { MemoryCache } from '../../../lib/storage/memory-cache';
import type { Cache } from '../../../lib/storage/cache';
import { ORGS } from '../../support/registry-data';
import { startRegistryStub, type RegistryStub, type StubMode, type StubModeOptions } from '../../support/registry-stub';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const HOUR = 3_600_000;
const TIMEOUT_MS = 150;

let stub: RegistryStub;
beforeAll(async () => {
  stub = await startRegistryStub();
});
afterAll(async () => {
  await stub.close();
});
afterEach(async () => {
  stub.setMode('ok');
  // A drip or a hang the client gave up on must not leave a connection open.
  await until(() => stub.inFlight === 0);
  stub.reset();
});

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

async function failure(p: Promise<unknown>): Promise<RegistryError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(RegistryError);
    return err as RegistryError;
  }
  throw new Error('expected a rejection');
}

interface Fault {
  name: string;
  mode: StubMode;
  options?: (now: number) => StubModeOptions;
  kind: RegistryErrorKind;
  /** Requests the stub sees for one call: 3 tries for what may pass, 1 for what will not. */
  requests: number;
  /** Waits between tries (backoff at random() = 0.5, or the server's Retry-After). */
  delays: number[];
}

const BACKOFF = [375, 750];
const FAULTS: Fault[] = [
  { name: '429 without Retry-After', mode: '429', options: () => ({ retryAfter: '' }), kind: 'rate-limited', requests: 3, delays: BACKOFF },
  { name: '429 with Retry-After 2 s', mode: '429', options: () => ({ retryAfter: '2' }), kind: 'rate-limited', requests: 3, delays: [2000, 2000] },
  { name: '429 with Retry-After as an HTTP date', mode: '429', options: (now) => ({ retryAfter: new Date(now + 5000).toUTCString() }), kind: 'rate-limited', requests: 3, delays: [5000, 5000] },
  { name: '429 with Retry-After 120 s (over the cap)', mode: '429', options: () => ({ retryAfter: '120' }), kind: 'rate-limited', requests: 1, delays: [] },
  { name: '500', mode: '500', kind: 'server', requests: 3, delays: BACKOFF },
  { name: '502', mode: '502', kind: 'server', requests: 3, delays: BACKOFF },
  { name: '503 without Retry-After', mode: '503', kind: 'server', requests: 3, delays: BACKOFF },
  { name: '503 with Retry-After 1 s', mode: '503', options: () => ({ retryAfter: '1' }), kind: 'server', requests: 3, delays: [1000, 1000] },
  { name: '503 with Retry-After 3600 s', mode: '503', options: () => ({ retryAfter: '3600' }), kind: 'rate-limited', requests: 1, delays: [] },
  { name: 'connection reset', mode: 'down', kind: 'offline', requests: 3, delays: BACKOFF },
  { name: 'no answer at all (time-out)', mode: 'hang', kind: 'timeout', requests: 3, delays: BACKOFF },
  { name: 'slow drip past the time-out', mode: 'drip', options: () => ({ dripMs: 40 }), kind: 'timeout', requests: 3, delays: BACKOFF },
  { name: 'truncated JSON', mode: 'truncated', kind: 'malformed', requests: 1, delays: [] },
  { name: 'HTML page with 200', mode: 'html', kind: 'malformed', requests: 1, delays: [] },
  { name: 'empty body with 200', mode: 'empty', kind: 'malformed', requests: 1, delays: [] },
  { name: 'JSON of the wrong shape', mode: 'wrong-shape', kind: 'malformed', requests: 1, delays: [] },
];

function setup(makeCache?: (now: () => number) => Cache) {
  const clock = { t: T0 };
  const now = (): number => clock.t;
  const delays: number[] = [];
  const cache = makeCache?.(now);
  const transport = createTransport({
    base: stub.base,
    timeoutMs: TIMEOUT_MS,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    isOnline: () => true,
    now,
  });
  const client: RegistryClient = createRegistryClient({ transport, now, ...(cache && { cache }) });
  return { clock, client, cache, delays };
}

const query = { publisherUri: `http://dataportal.se/organisation/SE${ORGS.goteborg.orgNumber}` };
const cacheKey = `search:${publisherItemsPath(query)}`;

describe('each registry fault gives a typed error after a bounded number of requests', () => {
  it.each(FAULTS.map((f) => [f.name, f] as const))('%s', async (_name, fault) => {
    const { client, delays } = setup();
    stub.setMode(fault.mode, fault.options?.(T0));
    const err = await failure(client.searchPublisherItems(query));
    expect(err.kind).toBe(fault.kind);
    expect(stub.requests).toHaveLength(fault.requests);
    expect(delays).toEqual(fault.delays);
    expect(err.message).not.toMatch(/<html|<!DOCTYPE/i);
  });
});

describe.each([
  ['MemoryCache', (now: () => number): Cache => new MemoryCache({ now })],
  ['IdbCache', (now: () => number): Cache => new IdbCache({ now, factory: new IDBFactory() })],
])('a fault never overwrites good cached data (%s)', (_cacheName, makeCache) => {
  it.each(FAULTS.map((f) => [f.name, f] as const))('%s: the stale entry is served and kept, the error reported', async (_name, fault) => {
    const { client, clock, cache } = setup(makeCache);
    const good = await client.searchPublisherItems(query);
    clock.t += 7 * HOUR; // past the 6 h TTL: stale
    stub.reset();
    stub.setMode(fault.mode, fault.options?.(clock.t));

    // Background refresh of a stale entry.
    const errors: RegistryError[] = [];
    const infos: CacheInfo[] = [];
    const stale = await client.searchPublisherItems(query, { onRefreshError: (e) => errors.push(e), onCacheInfo: (i) => infos.push(i) });
    expect(stale).toEqual(good);
    expect(infos).toEqual([{ source: 'cache', stale: true, ageMs: 7 * HOUR }]);
    await until(() => errors.length === 1);
    expect(errors[0]?.kind).toBe(fault.kind);
    expect(stub.requests.length).toBeLessThanOrEqual(fault.requests);
    expect(await cache?.get(cacheKey, SearchPage)).toEqual({ value: good, storedAt: T0, fresh: false });

    // The user presses Retry: the forced refresh fails the same way and still answers from the cache.
    stub.reset();
    const forcedErrors: RegistryError[] = [];
    const forced = await client.searchPublisherItems(query, { forceRefresh: true, onRefreshError: (e) => forcedErrors.push(e) });
    expect(forced).toEqual(good);
    expect(forcedErrors.map((e) => e.kind)).toEqual([fault.kind]);
    expect(stub.requests.length).toBeLessThanOrEqual(fault.requests);
    expect(await cache?.get(cacheKey, SearchPage)).toEqual({ value: good, storedAt: T0, fresh: false });

    // The registry recovers (and any Retry-After has passed): the next read refreshes the entry.
    stub.setMode('ok');
    await until(() => stub.inFlight === 0);
    clock.t += 2 * HOUR;
    const refreshed: SearchPage[] = [];
    await client.searchPublisherItems(query, { onRefresh: (p) => refreshed.push(p) });
    await until(() => refreshed.length === 1);
    expect((await cache?.get(cacheKey, SearchPage))?.storedAt).toBe(clock.t);
  });
});

describe('load on the registry during an outage', () => {
  it('ten readers of one stale entry at once (popup, badge, tabs) share one chain of at most 3 requests', async () => {
    const { client, clock } = setup((now) => new MemoryCache({ now }));
    const good = await client.searchPublisherItems(query);
    clock.t += 7 * HOUR;
    stub.reset();
    stub.setMode('500');
    const errors: RegistryError[] = [];
    const results = await Promise.all(Array.from({ length: 10 }, () => client.searchPublisherItems(query, { onRefreshError: (e) => errors.push(e) })));
    expect(results.every((r) => JSON.stringify(r) === JSON.stringify(good))).toBe(true);
    await until(() => errors.length === 10);
    expect(stub.requests).toHaveLength(3);
  });

  it('ten readers with nothing cached all get the error from one chain of 3 requests', async () => {
    const { client } = setup((now) => new MemoryCache({ now }));
    stub.setMode('502');
    const errs = await Promise.all(Array.from({ length: 10 }, () => failure(client.searchPublisherItems(query))));
    expect(errs.every((e) => e.kind === 'server' && e.status === 502)).toBe(true);
    expect(stub.requests).toHaveLength(3);
  });

  it('a fault in one part of a multi-request answer (publisher lookups) keeps the whole cached list', async () => {
    const { client, clock, cache } = setup((now) => new MemoryCache({ now }));
    const good = await client.listPublishers();
    const batches = stub.requests.length - 1;
    clock.t += 25 * HOUR;
    stub.reset();
    // The facet request succeeds; every agent lookup (query on `resource:`) fails.
    stub.setMode('500', { when: (url) => (url.searchParams.get('query') ?? '').includes('resource:') });
    const errors: RegistryError[] = [];
    expect(await client.listPublishers({ onRefreshError: (e) => errors.push(e) })).toEqual(good);
    await until(() => errors.length === 1);
    expect(errors[0]?.kind).toBe('server');
    expect(stub.requests.length).toBeLessThanOrEqual(1 + 3 * batches);
    expect((await cache?.get('publishers:all', z.unknown()))?.storedAt).toBe(T0);
  });
});

describe('Retry-After is honoured across calls, not only within one', () => {
  it.each([
    ['429', '120', 'rate-limited'],
    ['503', '3600', 'rate-limited'],
  ] as const)('%s with Retry-After %s s: no request reaches the registry until the time has passed', async (mode, seconds, kind) => {
    const { client, clock } = setup();
    stub.setMode(mode, { retryAfter: seconds });
    expect((await failure(client.searchPublisherItems(query))).kind).toBe(kind);
    expect(stub.requests).toHaveLength(1);
    // The popup is opened again, the badge updates, another dataset is asked for: all within the wait.
    clock.t += 1000;
    stub.setMode('ok');
    const again = await failure(client.searchPublisherItems(query));
    expect(again).toMatchObject({ kind: 'rate-limited', retryAfterMs: Number(seconds) * 1000 - 1000 });
    expect((await failure(client.getItem({ contextId: '6', entryId: '68000' }))).kind).toBe('rate-limited');
    expect(stub.requests).toHaveLength(1);
    clock.t += Number(seconds) * 1000;
    await client.searchPublisherItems(query);
    expect(stub.requests).toHaveLength(2);
  });

  it('a short Retry-After left over from an earlier call is waited out before the next request', async () => {
    const { client, clock, delays } = setup();
    stub.setMode('429', { retryAfter: '2' });
    await failure(client.searchPublisherItems(query));
    expect(stub.requests).toHaveLength(3);
    stub.setMode('ok');
    clock.t += 500;
    delays.length = 0;
    await client.searchPublisherItems(query);
    expect(delays).toEqual([1500]);
    expect(stub.requests).toHaveLength(4);
  });
});

// Storage faults, injected at the IndexedDB edge only (test/support/idb-faults.ts): the quota
// runs out, the database cannot be opened, the browser closes the connection, or the database on
// disk is not what this build expects (missing or foreign stores, a newer version, malformed
// records). Caches may degrade or be rebuilt; drafts and history are never lost, and every failure
// reaches the user as a typed error with words for it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { DB_VERSION, insynDbOpener, kvGet, kvSet, MIGRATIONS, openInsynDb, SCHEMA } from '../../../lib/storage/db';
import { IdbCache } from '../../../lib/storage/idb-cache';
import { cached } from '../../../lib/storage/swr';
import { StorageError } from '../../../lib/storage/errors';
import { idbReportStore } from '../../../lib/report/store';
import { ReportDraft, ReportRecord } from '../../../lib/report/types';
import { createBackground } from '../../../lib/background/service';
import { createDispatcher } from '../../../lib/messages';
import { translator } from '../../../lib/i18n';
import { errorText } from '../../../components/popup/errors';
import { faultyIdb, type FaultyIdb } from '../../support/idb-faults';
import { readRaw, writeSnapshot } from '../../support/idb-snapshot';
import { fakeDeps } from '../background/fakes';
import { draft as reportDraft, form, record } from '../report/helpers';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const MINUTE = 60_000;
const Value = z.object({ text: z.string() });

const draft = (over: Partial<ReportDraft> = {}) => reportDraft(over, T0);

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(StorageError);
    return err as StorageError;
  }
  throw new Error('expected a rejection');
}

/** The extension's wiring: one opener shared by the cache and the report store, the cache making room for reports. */
function wire(idb: FaultyIdb, clock = { t: T0 }) {
  const logged: string[] = [];
  const db = insynDbOpener({ factory: idb.factory, log: (m) => logged.push(m) });
  const cache = new IdbCache({ db, now: () => clock.t, maxBytes: 1_000_000 });
  const store = idbReportStore(db, (m) => logged.push(m), { makeRoom: () => cache.makeRoom() });
  return { db, cache, store, clock, logged };
}

const text = (n: number, c = 'x'): { text: string } => ({ text: c.repeat(n) });

describe.each(['throw', 'commit'] as const)('quota exceeded (reported %s)', (quotaMode) => {
  it('a cache write past the quota evicts the least recently used entries and stores the new one', async () => {
    const idb = faultyIdb();
    idb.quotaMode = quotaMode;
    const { cache, clock } = wire(idb);
    for (let i = 1; i <= 6; i++) {
      clock.t += MINUTE;
      await cache.set(`k${i}`, text(1000, String(i)), { kind: 'item-detail' });
    }
    idb.quotaBytes = idb.used() + 300;
    clock.t += MINUTE;
    await cache.set('new', text(1000, 'n'), { kind: 'item-detail' });
    expect(idb.quotaErrors).toBeGreaterThan(0);
    expect((await cache.get('new', Value))?.value).toEqual(text(1000, 'n'));
    expect((await cache.get('k6', Value))?.value).toEqual(text(1000, '6'));
    expect(await cache.get('k1', Value)).toBeUndefined();
    expect(idb.used()).toBeLessThanOrEqual(idb.quotaBytes);
  });

  it('when nothing can be freed, the write is skipped (no error) and the older value stays', async () => {
    const idb = faultyIdb();
    idb.quotaMode = quotaMode;
    const { cache, clock } = wire(idb);
    await cache.set('k', text(10, 'a'), { kind: 'item-detail' });
    idb.fill();
    clock.t += MINUTE;
    await expect(cache.set('k', text(5000, 'b'), { kind: 'item-detail' })).resolves.toBeUndefined();
    expect(await cache.get('k', Value)).toMatchObject({ value: text(10, 'a'), storedAt: T0 });
  });

  it('a full disk does not hide what is cached: reading still answers (the LRU touch is best effort)', async () => {
    const idb = faultyIdb();
    idb.quotaMode = quotaMode;
    const { cache, clock } = wire(idb);
    await cache.set('item', text(100), { kind: 'item-detail' });
    idb.fill();
    clock.t += 2 * 3_600_000;
    expect(await cache.get('item', Value)).toMatchObject({ value: text(100), fresh: true });
    // The registry is down too: the saved answer is still shown rather than an error.
    const offline = (): Promise<{ text: string }> => Promise.reject(Object.assign(new Error('offline'), { kind: 'offline' }));
    expect(await cached(cache, 'item', 'item-detail', Value, offline, { forceRefresh: true, now: () => clock.t })).toMatchObject({ value: text(100), source: 'cache' });
  });

  it('a draft that hits the quota is saved after the cache makes room', async () => {
    const idb = faultyIdb();
    idb.quotaMode = quotaMode;
    const { cache, store } = wire(idb);
    for (let i = 0; i < 5; i++) await cache.set(`k${i}`, text(2000), { kind: 'item-detail' });
    idb.fill();
    await store.putDraft(draft());
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect((await cache.stats()).entries).toBeLessThan(5);
  });

  it('when even an empty cache leaves no room: storage-full, and the earlier draft is kept', async () => {
    const idb = faultyIdb();
    idb.quotaMode = quotaMode;
    const { store } = wire(idb);
    await store.putDraft(draft());
    idb.fill();
    const err = await rejection(store.putDraft(draft({ form: form({ description: 'Längre text. '.repeat(200) }), updatedAt: T0 + 1 })));
    expect(err.kind).toBe('storage-full');
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect((await store.listDrafts()).map((d) => d.key)).toEqual(['6_68000']);
  });

  it('the history is kept: a report, a status change and an import that hit the quota change nothing', async () => {
    const idb = faultyIdb();
    idb.quotaMode = quotaMode;
    const { store } = wire(idb);
    await store.putReport(record('INSYN-20261120-AAAA'));
    idb.fill();
    expect((await rejection(store.putReport(record('INSYN-20261120-BBBB')))).kind).toBe('storage-full');
    expect((await rejection(store.setStatus('INSYN-20261120-AAAA', 'answered', T0 + 5))).kind).toBe('storage-full');
    expect((await rejection(store.importReports([record('INSYN-20261121-CCCC'), record('INSYN-20261121-DDDD')]))).kind).toBe('storage-full');
    expect(await store.listReports()).toEqual([record('INSYN-20261120-AAAA')]);
  });

  it('through the message boundary: a failed send keeps its draft, and the error has words in sv and en', async () => {
    const idb = faultyIdb();
    idb.quotaMode = quotaMode;
    const { store } = wire(idb);
    const dispatch = createDispatcher(createBackground(fakeDeps({ reports: store, now: () => T0 })).handlers, 'ext');
    const send = (type: string, payload: unknown) => dispatch({ type, payload }, { id: 'ext' });
    expect(await send('report-draft-save', { draft: draft() })).toEqual({ ok: true, data: { ok: true } });
    idb.fill();
    const reply = await send('report-save', { report: record('INSYN-20261120-K7QF'), draftKey: '6_68000' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'storage-full' } });
    expect(await send('report-draft-get', { key: '6_68000' })).toEqual({ ok: true, data: { draft: draft() } });
    for (const lang of ['sv', 'en'] as const) {
      const words = errorText(translator(lang), 'storage-full');
      expect(words).not.toContain('storage-full');
      expect(words).toMatch(lang === 'sv' ? /plats/ : /room/);
      expect(errorText(translator(lang), 'storage-unavailable')).not.toContain('storage-unavailable');
    }
  });
});

describe('the database cannot be opened, or is closed under us', () => {
  it('an open that throws: caches fall back to the network, reports say storage-unavailable, and the next try after the fault works', async () => {
    const idb = faultyIdb();
    idb.failOpen = 'SecurityError';
    const { cache, store } = wire(idb);
    expect(await cached(cache, 'k', 'item-detail', Value, async () => text(3))).toMatchObject({ value: text(3), source: 'network' });
    expect((await rejection(store.listDrafts())).kind).toBe('storage-unavailable');
    expect((await rejection(store.putDraft(draft()))).kind).toBe('storage-unavailable');
    idb.failOpen = undefined;
    await store.putDraft(draft());
    expect(await store.getDraft('6_68000')).toEqual(draft());
  });

  it('the browser closes the connection (site data cleared while open): the next use reopens', async () => {
    const idb = faultyIdb();
    const { store, cache } = wire(idb);
    await store.putDraft(draft());
    await cache.set('k', text(1), { kind: 'item-detail' });
    idb.forceCloseAll();
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect((await cache.get('k', Value))?.value).toEqual(text(1));
    await cache.set('k2', text(2), { kind: 'item-detail' });
    expect((await cache.stats()).entries).toBe(2);
  });

  it('a newer context upgrades the database: ours steps aside and the next use reopens it', async () => {
    const idb = faultyIdb();
    const { store } = wire(idb);
    await store.putDraft(draft());
    const newer = await openInsynDb({ factory: idb.factory, migrations: [...MIGRATIONS, { version: DB_VERSION + 1, description: 'test', up: (db) => void db.createObjectStore('extra') }] });
    newer.close();
    expect(await store.getDraft('6_68000')).toEqual(draft());
    await store.putReport(record('INSYN-20261120-AAAA'));
    expect((await readRaw(idb.factory)).version).toBe(DB_VERSION + 1);
  });
});

describe('a corrupt or foreign database under the same name', () => {
  const CORRECTIONS = [{ key: 'skatteverket.se', host: 'skatteverket.se', correction: { kind: 'not-public' }, savedAt: T0 }];

  it('missing stores (and a foreign one) at the current version: the missing ones are created, nothing else is touched', async () => {
    const factory = new IDBFactory();
    await writeSnapshot(factory, {
      version: DB_VERSION,
      stores: {
        cache: { keyPath: 'key', indexes: { accessedAt: 'accessedAt' }, records: [] },
        kv: { keyPath: null, records: [{ key: 'corrections', value: CORRECTIONS }] },
        foreign: { keyPath: null, records: [{ key: 1, value: 'someone else’s' }] },
      },
    });
    const logged: string[] = [];
    const db = await openInsynDb({ factory, log: (m) => logged.push(m) });
    expect([...db.objectStoreNames].sort()).toEqual(['cache', 'drafts', 'foreign', 'kv', 'reports']);
    expect(await kvGet(db, 'corrections', z.unknown())).toEqual(CORRECTIONS);
    expect(await db.get('foreign' as never, 1 as never)).toBe('someone else’s');
    const store = idbReportStore(async () => db);
    await store.putDraft(draft());
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect(logged.join('\n')).toMatch(/drafts/);
    db.close();
  });

  it('a cache store of the wrong shape is rebuilt; drafts and settings stay', async () => {
    const factory = new IDBFactory();
    await writeSnapshot(factory, {
      version: DB_VERSION,
      stores: {
        cache: { keyPath: 'url', records: [{ url: 'x', junk: true }] },
        kv: { keyPath: null, records: [{ key: 'corrections', value: CORRECTIONS }] },
        drafts: { keyPath: 'key', records: [draft()] },
        reports: { keyPath: 'id', records: [record('INSYN-20261120-AAAA')] },
      },
    });
    const db = await openInsynDb({ factory });
    const cache = new IdbCache({ db, now: () => T0 });
    await cache.set('k', text(2), { kind: 'item-detail' });
    expect((await cache.get('k', Value))?.value).toEqual(text(2));
    const store = idbReportStore(async () => db);
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect(await store.listReports()).toEqual([record('INSYN-20261120-AAAA')]);
    expect(await kvGet(db, 'corrections', z.unknown())).toEqual(CORRECTIONS);
    db.close();
  });

  it('drafts and reports in stores keyed the wrong way: readable records move to fresh stores, the rest is set aside, nothing is deleted', async () => {
    const factory = new IDBFactory();
    const stray = { note: 'a draft from a foreign build, with no key' };
    await writeSnapshot(factory, {
      version: DB_VERSION,
      stores: {
        cache: { keyPath: 'key', indexes: { accessedAt: 'accessedAt' }, records: [] },
        kv: { keyPath: null, records: [] },
        drafts: { keyPath: 'id', records: [{ id: 1, ...draft() }, { id: 2, ...stray }] },
        reports: { keyPath: null, records: [{ key: 'INSYN-20261120-AAAA', value: record('INSYN-20261120-AAAA') }] },
      },
    });
    const logged: string[] = [];
    const db = await openInsynDb({ factory, log: (m) => logged.push(m) });
    const store = idbReportStore(async () => db);
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect(await store.listReports()).toEqual([record('INSYN-20261120-AAAA')]);
    await store.putDraft(draft({ key: '6_1' }));
    db.close();
    const raw = await readRaw(factory);
    const aside = Object.keys(raw.stores).filter((n) => n.startsWith('drafts.'));
    expect(aside).toHaveLength(1);
    expect(raw.stores[aside[0]!]?.records.map((r) => r.value)).toEqual([{ id: 1, ...draft() }, { id: 2, ...stray }]);
    expect(Object.keys(raw.stores).filter((n) => n.startsWith('reports.'))).toHaveLength(1);
    expect(logged.join('\n')).toMatch(/set aside/);
  });

  it('a newer version from a newer build: used as it is, version unchanged, drafts and history readable and writable', async () => {
    const factory = new IDBFactory();
    await writeSnapshot(factory, {
      version: 99,
      stores: {
        cache: { keyPath: 'key', indexes: { accessedAt: 'accessedAt' }, records: [] },
        kv: { keyPath: null, records: [{ key: 'corrections', value: CORRECTIONS }] },
        drafts: { keyPath: 'key', records: [{ ...draft(), futureField: 'kept on disk' }] },
        reports: { keyPath: 'id', records: [record('INSYN-20261120-AAAA')] },
        newerStore: { keyPath: null, records: [{ key: 'x', value: 1 }] },
      },
    });
    const { store, cache } = wire({ factory } as FaultyIdb);
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect(await store.listReports()).toEqual([record('INSYN-20261120-AAAA')]);
    await store.putReport(record('INSYN-20261121-BBBB'));
    await cache.set('k', text(1), { kind: 'item-detail' });
    expect((await cache.get('k', Value))?.value).toEqual(text(1));
    const raw = await readRaw(factory);
    expect(raw.version).toBe(99);
    expect(raw.stores.newerStore?.records).toEqual([{ key: 'x', value: 1 }]);
  });

  it('a newer version without a store this build needs: that part reports storage-unavailable, nothing is changed or deleted', async () => {
    const factory = new IDBFactory();
    await writeSnapshot(factory, {
      version: 99,
      stores: {
        cache: { keyPath: 'key', indexes: { accessedAt: 'accessedAt' }, records: [] },
        kv: { keyPath: null, records: [] },
        drafts: { keyPath: 'key', records: [draft()] },
        reportsV3: { keyPath: 'ref', records: [{ ref: 'INSYN-20261120-AAAA' }] },
      },
    });
    const before = await readRaw(factory);
    const { store, cache } = wire({ factory } as FaultyIdb);
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect((await rejection(store.listReports())).kind).toBe('storage-unavailable');
    await cache.set('k', text(1), { kind: 'item-detail' });
    const after = await readRaw(factory);
    expect(after.version).toBe(99);
    expect(Object.keys(after.stores).sort()).toEqual(Object.keys(before.stores).sort());
    expect(after.stores.reportsV3).toEqual(before.stores.reportsV3);
    expect(after.stores.drafts).toEqual(before.stores.drafts);
  });

  it('a cache record with a damaged size (NaN) does not make every later write evict the whole cache', async () => {
    const factory = new IDBFactory();
    const db = await openInsynDb({ factory });
    const cache = new IdbCache({ db, now: () => T0 });
    for (const k of ['a', 'b', 'c']) await cache.set(k, text(10), { kind: 'item-detail' });
    await db.put('cache', { key: 'damaged', kind: 'item-detail', storedAt: T0, accessedAt: T0 - 1, bytes: Number.NaN, value: text(1) });
    const fresh = new IdbCache({ db, now: () => T0 });
    await fresh.set('d', text(10), { kind: 'item-detail' });
    for (const k of ['a', 'b', 'c', 'd']) expect((await fresh.get(k, Value))?.value, k).toEqual(text(10));
    db.close();
  });

  it('any malformed records: every reader answers, valid records come back, malformed ones are left in place', async () => {
    const junk = fc.oneof(fc.anything(), fc.record({ key: fc.string(), kind: fc.string(), storedAt: fc.double(), accessedAt: fc.double(), bytes: fc.oneof(fc.double(), fc.string()), value: fc.anything() }));
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { maxLength: 6 }), fc.array(junk, { maxLength: 6 }), async (cacheJunk, reportJunk) => {
        const factory = new IDBFactory();
        await writeSnapshot(factory, {
          version: DB_VERSION,
          stores: {
            cache: { keyPath: 'key', indexes: { accessedAt: 'accessedAt' }, records: cacheJunk.map((v, i) => ({ ...(typeof v === 'object' && v !== null ? v : { value: v }), key: `junk${i}` })) },
            kv: { keyPath: null, records: [{ key: 'corrections', value: cacheJunk }] },
            drafts: { keyPath: 'key', records: [draft(), ...reportJunk.map((v, i) => ({ ...(typeof v === 'object' && v !== null ? v : { v }), key: `junk${i}` }))] },
            reports: { keyPath: 'id', records: [record('INSYN-20261120-AAAA'), ...reportJunk.map((v, i) => ({ ...(typeof v === 'object' && v !== null ? v : { v }), id: `junk${i}` }))] },
          },
        });
        const db = await openInsynDb({ factory });
        const store = idbReportStore(async () => db);
        const cache = new IdbCache({ db, now: () => T0, maxEntries: 3, maxBytes: 10_000 });
        expect((await store.listDrafts()).map((d) => d.key)).toContain('6_68000');
        expect((await store.listReports()).map((r) => r.id)).toContain('INSYN-20261120-AAAA');
        await store.importReports([record('INSYN-20261121-BBBB')]);
        await cache.stats();
        await cache.set('fresh', text(5), { kind: 'item-detail' });
        expect((await cache.get('fresh', Value))?.value).toEqual(text(5));
        await kvSet(db, 'probe', 1);
        db.close();
        const raw = await readRaw(factory);
        expect(raw.stores.drafts?.records).toHaveLength(1 + reportJunk.length);
        expect(raw.stores.reports?.records).toHaveLength(2 + reportJunk.length);
        for (const r of raw.stores.reports?.records ?? []) if (r.key !== 'INSYN-20261121-BBBB' && r.key !== 'INSYN-20261120-AAAA') expect(ReportRecord.safeParse(r.value).success).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the schema this build expects', () => {
  it('a fresh database has exactly the stores, key paths and indexes of SCHEMA', async () => {
    const factory = new IDBFactory();
    (await openInsynDb({ factory })).close();
    const raw = await readRaw(factory);
    expect(Object.keys(raw.stores).sort()).toEqual(Object.keys(SCHEMA).sort());
    for (const [name, spec] of Object.entries(SCHEMA)) {
      expect(raw.stores[name]?.keyPath).toEqual(spec.keyPath);
      expect(raw.stores[name]?.indexes.sort()).toEqual(Object.keys(spec.indexes ?? {}).sort());
    }
  });
});

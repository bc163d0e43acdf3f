// The drafts/reports stores: migration step 2 on a stored v1 snapshot with data, the IndexedDB
// store (validation on read, status updates, import merge), and the background's message handlers.
import { describe, expect, it } from 'vitest';
import { DB_VERSION, kvGet, openInsynDb } from '../../../lib/storage/db';
import { IdbCache } from '../../../lib/storage/idb-cache';
import { idbReportStore, memoryReportStore } from '../../../lib/report/store';
import { createBackground } from '../../../lib/background/service';
import { createDispatcher } from '../../../lib/messages';
import { z } from 'zod';
import type { ReportDraft } from '../../../lib/report/types';
import { fakeDeps } from '../background/fakes';
import { draft, record } from './helpers';

const T0 = Date.parse('2026-01-20T08:00:00Z');

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Version 1 of the database, with a cache record and settings, written with the raw API. */
async function writeV1Snapshot(factory: IDBFactory): Promise<void> {
  const open = factory.open('insyn', 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('cache', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
    db.createObjectStore('kv');
  };
  const db = await req(open);
  const tx = db.transaction(['cache', 'kv'], 'readwrite');
  tx.objectStore('cache').put({ key: 'item:6_68000', kind: 'item', storedAt: T0, accessedAt: T0, bytes: 11, value: { title: 'x' } });
  tx.objectStore('kv').put([{ key: 'www.skatteverket.se' }], 'corrections');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}


describe('migration step 2: drafts and reports', () => {
  it('upgrades a stored v1 snapshot: new stores, old data intact', async () => {
    const factory = new IDBFactory();
    await writeV1Snapshot(factory);
    const db = await openInsynDb({ factory });
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['cache', 'kv', 'drafts', 'reports']));
    expect(await new IdbCache({ db, now: () => T0 }).get('item:6_68000', z.object({ title: z.string() }))).toMatchObject({ value: { title: 'x' } });
    expect(await kvGet(db, 'corrections', z.unknown())).toEqual([{ key: 'www.skatteverket.se' }]);
    const store = idbReportStore(async () => db);
    await store.putDraft(draft());
    await store.putReport(record('INSYN-20260120-AAAA'));
    expect(await store.getDraft('6_68000')).toEqual(draft());
    expect((await store.listReports()).map((r) => r.id)).toEqual(['INSYN-20260120-AAAA']);
    db.close();
  });
});

describe('IndexedDB report store', () => {
  it('keeps drafts per target, lists them newest first, deletes', async () => {
    const db = await openInsynDb({ factory: new IDBFactory() });
    const store = idbReportStore(async () => db);
    await store.putDraft(draft());
    await store.putDraft(draft({ key: '6_1', updatedAt: T0 + 5 }));
    expect((await store.listDrafts()).map((d) => d.key)).toEqual(['6_1', '6_68000']);
    await store.deleteDraft('6_1');
    expect(await store.getDraft('6_1')).toBeUndefined();
    db.close();
  });

  it('skips unreadable records instead of failing the list', async () => {
    const db = await openInsynDb({ factory: new IDBFactory() });
    const logged: string[] = [];
    const store = idbReportStore(async () => db, (m) => logged.push(m));
    await store.putReport(record('INSYN-20260120-AAAA'));
    await db.put('reports', { id: 'broken', status: 42 });
    await db.put('drafts', { key: 'bad' });
    expect((await store.listReports()).map((r) => r.id)).toEqual(['INSYN-20260120-AAAA']);
    expect(await store.getDraft('bad')).toBeUndefined();
    expect(logged).toEqual(['skipped an unreadable report']);
    db.close();
  });

  it('updates a status with its time, and merges imports without duplicates', async () => {
    const db = await openInsynDb({ factory: new IDBFactory() });
    const store = idbReportStore(async () => db);
    await store.putReport(record('INSYN-20260120-AAAA'));
    expect(await store.setStatus('INSYN-20260120-AAAA', 'answered', T0 + 100)).toMatchObject({ status: 'answered', statusAt: T0 + 100 });
    expect(await store.setStatus('nope', 'fixed', T0)).toBeUndefined();
    const res = await store.importReports([record('INSYN-20260120-AAAA'), record('INSYN-20260121-BBBB')]);
    expect(res).toEqual({ added: 1, updated: 0, unchanged: 1 });
    const list = await store.listReports();
    expect(list.map((r) => [r.id, r.status])).toEqual([
      ['INSYN-20260120-AAAA', 'answered'],
      ['INSYN-20260121-BBBB', 'sent'],
    ]);
    await store.deleteReport('INSYN-20260121-BBBB');
    expect(await store.listReports()).toHaveLength(1);
    db.close();
  });
});

describe('background report messages', () => {
  it('draft save/get/delete, report-save drops the draft, status, import, delete', async () => {
    const reports = memoryReportStore();
    const bg = createBackground(fakeDeps({ reports, now: () => T0 + 1 }));
    const dispatch = createDispatcher(bg.handlers, 'ext');
    const send = (type: string, payload: unknown) => dispatch({ type, payload }, { id: 'ext' });
    expect(await send('report-draft-get', { key: '6_68000' })).toEqual({ ok: true, data: { draft: null } });
    expect(await send('report-draft-save', { draft: draft() })).toEqual({ ok: true, data: { ok: true } });
    expect(await send('report-draft-get', { key: '6_68000' })).toEqual({ ok: true, data: { draft: draft() } });
    expect(await send('report-drafts', {})).toMatchObject({ ok: true, data: { drafts: [{ key: '6_68000' }] } });
    await send('report-save', { report: record('INSYN-20260120-K7QF'), draftKey: '6_68000' });
    expect(reports.drafts.size).toBe(0);
    expect(await send('report-status', { id: 'INSYN-20260120-K7QF', status: 'fixed' })).toMatchObject({ ok: true, data: { report: { status: 'fixed', statusAt: T0 + 1 } } });
    expect(await send('reports-import', { reports: [record('INSYN-20260120-K7QF'), record('INSYN-20260122-ZZZZ')] })).toEqual({
      ok: true,
      data: { added: 1, updated: 0, unchanged: 1 },
    });
    expect(await send('reports-list', {})).toMatchObject({ ok: true, data: { reports: [{ id: 'INSYN-20260120-K7QF' }, { id: 'INSYN-20260122-ZZZZ' }] } }); // same sentAt: by id
    await send('report-delete', { id: 'INSYN-20260122-ZZZZ' });
    expect([...reports.reports.keys()]).toEqual(['INSYN-20260120-K7QF']);
  });

  it('rejects a malformed draft or status at the message boundary', async () => {
    const bg = createBackground(fakeDeps());
    const dispatch = createDispatcher(bg.handlers, 'ext');
    expect(await dispatch({ type: 'report-draft-save', payload: { draft: { key: 'x' } } }, { id: 'ext' })).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
    expect(await dispatch({ type: 'report-status', payload: { id: 'x', status: 'lost' } }, { id: 'ext' })).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
  });
});

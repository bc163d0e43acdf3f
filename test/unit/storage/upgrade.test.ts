// Upgrading from every earlier storage version. test/fixtures/storage/insyn-v<N>.json holds the
// database exactly as version N left it; each is written with the raw IndexedDB API, opened with
// today's code, and read back through today's readers (cache, corrections, drafts, history).
// A new DB_VERSION without a stored snapshot of the version before it fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DB_VERSION, kvGet, kvSet, openInsynDb, schemaProblems, SCHEMA } from '../../../lib/storage/db';
import { IdbCache } from '../../../lib/storage/idb-cache';
import { idbReportStore } from '../../../lib/report/store';
import { ReportDraft, ReportRecord } from '../../../lib/report/types';
import { createCorrectionStore, CorrectionRecord } from '../../../lib/background/corrections';
import { SearchPage } from '../../../lib/dcat/types';
import { readRaw, writeSnapshot, type DbSnapshot } from '../../support/idb-snapshot';

const DIR = fileURLToPath(new URL('../../fixtures/storage/', import.meta.url));
const SNAPSHOTS: DbSnapshot[] = readdirSync(DIR)
  .filter((f) => /^insyn-v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(DIR + f, 'utf8')) as DbSnapshot)
  .sort((a, b) => a.version - b.version);

const records = (s: DbSnapshot, store: string): unknown[] => s.stores[store]?.records ?? [];
const outOfLine = (s: DbSnapshot, store: string, key: string): unknown => (records(s, store) as Array<{ key: string; value: unknown }>).find((r) => r.key === key)?.value;

describe('stored snapshots of every storage version', () => {
  it('there is one for every version from 1 to the current one', () => {
    expect(SNAPSHOTS.map((s) => s.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each(SNAPSHOTS.map((s) => [s.version, s] as const))('version %i → current: every record is intact and readable by today’s code', async (_v, snapshot) => {
    const factory = new IDBFactory();
    await writeSnapshot(factory, snapshot);
    const logged: string[] = [];
    const db = await openInsynDb({ factory, log: (m) => logged.push(m) });
    expect(db.version).toBe(DB_VERSION);
    expect(schemaProblems(db)).toEqual([]);
    expect(logged).toEqual([]); // an upgrade is not a repair

    // Cache: the same entries, same times, and a cached page validates as today's SearchPage.
    const now = Math.max(...(records(snapshot, 'cache') as Array<{ storedAt: number }>).map((r) => r.storedAt));
    const cache = new IdbCache({ db, now: () => now });
    for (const r of records(snapshot, 'cache') as Array<{ key: string; kind: string; storedAt: number; value: unknown }>) {
      const schema = r.kind === 'publisher-items' ? SearchPage : z.unknown();
      expect(await cache.get(r.key, schema), r.key).toMatchObject({ value: r.value, storedAt: r.storedAt });
    }

    // The user's site corrections, through the corrections store.
    const corrections = createCorrectionStore({ load: () => kvGet(db, 'corrections', z.unknown()), save: (rs) => kvSet(db, 'corrections', rs) });
    const byKey = (a: CorrectionRecord, b: CorrectionRecord): number => a.key.localeCompare(b.key);
    expect((await corrections.list()).sort(byKey)).toEqual(z.array(CorrectionRecord).parse(outOfLine(snapshot, 'kv', 'corrections') ?? []).sort(byKey));

    // Drafts and history, through the report store (validated on read: nothing may be skipped).
    const skipped: string[] = [];
    const store = idbReportStore(async () => db, (m) => skipped.push(m));
    const drafts = records(snapshot, 'drafts').map((d) => ReportDraft.parse(d));
    expect(await store.listDrafts()).toEqual(drafts.sort((a, b) => b.updatedAt - a.updatedAt));
    for (const d of drafts) expect(await store.getDraft(d.key)).toEqual(d);
    const reports = records(snapshot, 'reports').map((r) => ReportRecord.parse(r));
    expect(new Set((await store.listReports()).map((r) => JSON.stringify(r)))).toEqual(new Set(reports.map((r) => JSON.stringify(r))));
    expect(skipped).toEqual([]);
    db.close();

    // On disk: every store of the snapshot still holds exactly its records; the current schema is complete.
    const raw = await readRaw(factory);
    for (const [name, spec] of Object.entries(snapshot.stores)) {
      if (name === 'cache') continue; // reading touched accessedAt
      const onDisk = raw.stores[name]?.records.map((r) => (spec.keyPath === null ? { key: r.key, value: r.value } : r.value));
      expect(onDisk, name).toEqual(spec.records);
    }
    expect(Object.keys(raw.stores).sort()).toEqual(Object.keys(SCHEMA).sort());
  });

  it.each(SNAPSHOTS.map((s) => [s.version, s] as const))('version %i: opening again changes nothing (no second upgrade, no repair)', async (_v, snapshot) => {
    const factory = new IDBFactory();
    await writeSnapshot(factory, snapshot);
    (await openInsynDb({ factory })).close();
    const first = await readRaw(factory);
    (await openInsynDb({ factory })).close();
    expect(await readRaw(factory)).toEqual(first);
    expect(first.version).toBe(DB_VERSION);
  });
});

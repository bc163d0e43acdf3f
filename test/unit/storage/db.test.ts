// Versioned IndexedDB schema: every upgrade must keep what users already have stored.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DB_NAME, DB_VERSION, kvDelete, kvGet, kvSet, MIGRATIONS, openInsynDb, type Migration } from '../../../lib/storage/db';
import { IdbCache } from '../../../lib/storage/idb-cache';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const Page = z.object({ total: z.number(), items: z.array(z.string()) });

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * A database exactly as version 1 of Insyn left it, written with the raw IndexedDB API (not with
 * today's code), so a careless edit of the v1 migration or of the record shape is caught here.
 */
async function writeV1Snapshot(factory: IDBFactory): Promise<void> {
  const open = factory.open('insyn', 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    const cache = db.createObjectStore('cache', { keyPath: 'key' });
    cache.createIndex('accessedAt', 'accessedAt');
    db.createObjectStore('kv');
  };
  const db = await req(open);
  const tx = db.transaction(['cache', 'kv'], 'readwrite');
  tx.objectStore('cache').put({
    key: 'search:/search?type=solr&query=public:true',
    kind: 'publisher-items',
    storedAt: T0,
    accessedAt: T0,
    bytes: 28,
    value: { total: 2, items: ['a', 'b'] },
  });
  tx.objectStore('kv').put({ lang: 'en' }, 'settings');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('insyn database', () => {
  it('the current version is the last migration step, and steps are numbered 1, 2, 3…', () => {
    expect(DB_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]?.version);
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('a new install gets the cache, kv, drafts and reports stores', async () => {
    const db = await openInsynDb({ factory: new IDBFactory() });
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['cache', 'drafts', 'kv', 'reports']);
    const store = db.transaction('cache').store;
    expect(store.keyPath).toBe('key');
    expect([...store.indexNames]).toContain('accessedAt');
    db.close();
  });

  it('upgrades a stored v1 snapshot to the current version with its data intact', async () => {
    const factory = new IDBFactory();
    await writeV1Snapshot(factory);
    const db = await openInsynDb({ factory });
    expect(db.version).toBe(DB_VERSION);
    const cache = new IdbCache({ db, now: () => T0 + 60_000 });
    expect(await cache.get('search:/search?type=solr&query=public:true', Page)).toEqual({
      value: { total: 2, items: ['a', 'b'] },
      storedAt: T0,
      fresh: true,
    });
    expect(await kvGet(db, 'settings', z.object({ lang: z.enum(['sv', 'en']) }))).toEqual({ lang: 'en' });
    db.close();
  });

  it('a future step (new store, rewritten records) keeps existing data', async () => {
    const factory = new IDBFactory();
    await writeV1Snapshot(factory);
    const next: Migration = {
      version: DB_VERSION + 1,
      description: 'test: corrections store, and a field added to every cache record',
      async up(db, tx) {
        db.createObjectStore('corrections', { keyPath: 'hostname' });
        // Awaiting requests on the upgrade transaction is allowed.
        let cursor = await tx.objectStore('cache').openCursor();
        while (cursor) {
          await cursor.update({ ...(cursor.value as object), migrated: true });
          cursor = await cursor.continue();
        }
      },
    };
    const db = await openInsynDb({ factory, migrations: [...MIGRATIONS, next] });
    expect(db.version).toBe(DB_VERSION + 1);
    expect([...db.objectStoreNames].sort()).toEqual(['cache', 'corrections', 'drafts', 'kv', 'reports']);
    expect(await db.get('cache', 'search:/search?type=solr&query=public:true')).toMatchObject({ migrated: true, value: { total: 2 } });
    expect(await kvGet(db, 'settings', z.unknown())).toEqual({ lang: 'en' });
    db.close();
  });

  it('a failing step aborts the upgrade and leaves the old database untouched', async () => {
    const factory = new IDBFactory();
    await writeV1Snapshot(factory);
    const broken: Migration = {
      version: DB_VERSION + 1,
      description: 'test: fails half-way',
      up(db) {
        db.createObjectStore('half');
        throw new Error('step failed');
      },
    };
    await expect(openInsynDb({ factory, migrations: [...MIGRATIONS, broken] })).rejects.toThrow('step failed');
    const db = await openInsynDb({ factory });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).not.toContain('half');
    expect(await db.get('cache', 'search:/search?type=solr&query=public:true')).toBeDefined();
    db.close();
  });

  it('an open connection steps aside when a newer version opens (no blocked upgrade)', async () => {
    const factory = new IDBFactory();
    const old = await openInsynDb({ factory });
    const next: Migration = { version: DB_VERSION + 1, description: 'test', up: (db) => void db.createObjectStore('extra') };
    const upgraded = await openInsynDb({ factory, migrations: [...MIGRATIONS, next] });
    expect(upgraded.version).toBe(DB_VERSION + 1);
    upgraded.close();
    old.close();
  });

  it('kv helpers validate what they read', async () => {
    const db = await openInsynDb({ factory: new IDBFactory() });
    await kvSet(db, 'n', 5);
    expect(await kvGet(db, 'n', z.number())).toBe(5);
    expect(await kvGet(db, 'n', z.string())).toBeUndefined();
    await kvDelete(db, 'n');
    expect(await kvGet(db, 'n', z.number())).toBeUndefined();
    db.close();
  });
});

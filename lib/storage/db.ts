// The extension's one IndexedDB database, "insyn", with a versioned schema. Each schema change is a
// new step appended to MIGRATIONS (never edit a shipped step: users have databases created by it),
// plus a test that upgrades a stored old snapshot (DESIGN, Conventions).
//
// Other modules add their stores (corrections, report drafts, …) by appending a step here and
// adding the store to InsynDBSchema.
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ZodType } from 'zod';

export const DB_NAME = 'insyn';

/** What a `cache` record looks like on disk (validated on read by IdbCache). */
export interface StoredCacheRecord {
  key: string;
  kind: string;
  storedAt: number;
  accessedAt: number;
  /** JSON length of `value`, kept so eviction need not re-serialise. */
  bytes: number;
  value: unknown;
}

export interface InsynDBSchema extends DBSchema {
  cache: { key: string; value: StoredCacheRecord; indexes: { accessedAt: number } };
  /** Small settings and flags, key → any structured-clonable value (validated by the reader). */
  kv: { key: string; value: unknown };
  /** Report drafts, one per target (lib/report/store.ts validates on read). */
  drafts: { key: string; value: unknown };
  /** Reports the user sent, by reference id (lib/report/store.ts validates on read). */
  reports: { key: string; value: unknown };
}

export type InsynDB = IDBPDatabase<InsynDBSchema>;

/** Migration steps see the database untyped: a step may touch stores that later steps remove. */
export type UpgradeDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface Migration {
  /** The version this step produces; steps run in order for every version above the stored one. */
  version: number;
  description: string;
  /**
   * Runs inside the versionchange transaction. It may await requests on `tx`, but nothing else
   * (no fetch, no timers): IndexedDB commits a transaction as soon as it has no pending request.
   */
  up(db: UpgradeDb, tx: UpgradeTx): void | Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'registry cache (LRU by accessedAt) and a key-value store for small settings',
    up(db) {
      const cache = db.createObjectStore('cache', { keyPath: 'key' });
      cache.createIndex('accessedAt', 'accessedAt');
      db.createObjectStore('kv');
    },
  },
  {
    version: 2,
    description: 'report drafts (by target key) and the report history (by reference id)',
    up(db) {
      db.createObjectStore('drafts', { keyPath: 'key' });
      db.createObjectStore('reports', { keyPath: 'id' });
    },
  },
];

export const DB_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 1;

export interface OpenOptions {
  /** Defaults to the global indexedDB; tests pass a fresh fake IDBFactory each. */
  factory?: IDBFactory;
  name?: string;
  /** Open at an older version (tests that build an old snapshot). Defaults to the last migration. */
  version?: number;
  /** Replaces MIGRATIONS (tests of future steps). */
  migrations?: readonly Migration[];
}

/** Runs the steps above `oldVersion` up to `newVersion`, in order. */
async function migrate(db: UpgradeDb, tx: UpgradeTx, oldVersion: number, newVersion: number, steps: readonly Migration[]): Promise<void> {
  const todo = [...steps].sort((a, b) => a.version - b.version).filter((m) => m.version > oldVersion && m.version <= newVersion);
  for (const step of todo) {
    // Synchronous steps run back to back in the same task, while the transaction is surely active;
    // only a step that returns a promise is awaited.
    const pending = step.up(db, tx);
    if (pending) await pending;
  }
}

export async function openInsynDb(options: OpenOptions = {}): Promise<InsynDB> {
  const factory = options.factory ?? indexedDB;
  const steps = options.migrations ?? MIGRATIONS;
  const version = options.version ?? steps[steps.length - 1]?.version ?? DB_VERSION;
  const request = factory.open(options.name ?? DB_NAME, version);
  let failure: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as UpgradeDb;
    const rawTx = request.transaction;
    if (!rawTx) return;
    const tx = wrap(rawTx) as unknown as UpgradeTx;
    // idb tracks every wrapped transaction with a `done` promise; an aborted upgrade rejects it, and
    // the failure is reported through the open request instead.
    tx.done.catch(() => undefined);
    migrate(db, tx, event.oldVersion, event.newVersion ?? version, steps).catch((err: unknown) => {
      // A failed step aborts the upgrade: the database stays at its old version, data intact.
      failure = err;
      try {
        rawTx.abort();
      } catch {
        // Already finished or aborted.
      }
    });
  });
  let db: IDBPDatabase;
  try {
    db = (await wrap(request)) as IDBPDatabase;
  } catch (err) {
    throw failure ?? err;
  }
  // Another context (popup, service worker of a newer build) wants to upgrade: step aside, or it
  // would wait forever. The next open in this context gets the new version.
  db.addEventListener('versionchange', () => db.close());
  return db as unknown as InsynDB;
}

/** Reads a small setting, validated; a value that fails validation reads as absent. */
export async function kvGet<T>(db: InsynDB, key: string, schema: ZodType<T>): Promise<T | undefined> {
  const raw = await db.get('kv', key);
  if (raw === undefined) return undefined;
  const r = schema.safeParse(raw);
  return r.success ? r.data : undefined;
}

export async function kvSet(db: InsynDB, key: string, value: unknown): Promise<void> {
  await db.put('kv', value, key);
}

export async function kvDelete(db: InsynDB, key: string): Promise<void> {
  await db.delete('kv', key);
}

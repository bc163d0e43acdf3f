// The extension's one IndexedDB database, "insyn", with a versioned schema. Each schema change is a
// new step appended to MIGRATIONS (never edit a shipped step: users have databases created by it),
// plus a test that upgrades a stored old snapshot (DESIGN, Conventions).
//
// Other modules add their stores (corrections, report drafts, …) by appending a step here and
// adding the store to InsynDBSchema and SCHEMA.
//
// What is on disk may not be what this build expects: a database a newer build upgraded (the
// user went back to an older Insyn), or one damaged or made by something else under the same
// name. Opening never wipes it: a newer database is used as it is, a store this build needs is
// created, the cache (which only saves requests) is rebuilt, and drafts, reports and settings in
// a store of the wrong shape are set aside under another name, with what is readable copied back.
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

export interface StoreSpec {
  /** null: keys are given on put (out-of-line). */
  keyPath: string | null;
  indexes?: Record<string, string>;
  /** May be emptied and rebuilt when damaged: it only holds what the registry can send again. */
  expendable?: boolean;
}

/** The stores the code expects after the last migration; every open checks the database against it. */
export const SCHEMA: Readonly<Record<'cache' | 'kv' | 'drafts' | 'reports', StoreSpec>> = {
  cache: { keyPath: 'key', indexes: { accessedAt: 'accessedAt' }, expendable: true },
  kv: { keyPath: null },
  drafts: { keyPath: 'key' },
  reports: { keyPath: 'id' },
};

export interface OpenOptions {
  /** Defaults to the global indexedDB; tests pass a fresh fake IDBFactory each. */
  factory?: IDBFactory;
  name?: string;
  /** Open at an older version (tests that build an old snapshot). Defaults to the last migration. */
  version?: number;
  /** Replaces MIGRATIONS (tests of future steps). */
  migrations?: readonly Migration[];
  /** Told what was repaired or found wrong on open (the extension logs it). */
  log?: (message: string) => void;
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

/** Opens `name` at `version` (or at whatever version it has, when undefined), running `upgrade` in a versionchange. */
async function openAt(
  factory: IDBFactory,
  name: string,
  version: number | undefined,
  upgrade: (db: UpgradeDb, tx: UpgradeTx, oldVersion: number, newVersion: number) => Promise<void>,
): Promise<IDBPDatabase> {
  const request = version === undefined ? factory.open(name) : factory.open(name, version);
  let failure: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as UpgradeDb;
    const rawTx = request.transaction;
    if (!rawTx) return;
    const tx = wrap(rawTx) as unknown as UpgradeTx;
    // idb tracks every wrapped transaction with a `done` promise; an aborted upgrade rejects it, and
    // the failure is reported through the open request instead.
    tx.done.catch(() => undefined);
    upgrade(db, tx, event.oldVersion, event.newVersion ?? version ?? event.oldVersion).catch((err: unknown) => {
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
  return db;
}

function sameKeyPath(a: string | string[] | null, b: string | null): boolean {
  return typeof a === 'string' || a === null ? a === b : false;
}

/** What differs from SCHEMA: missing stores, wrong key paths, missing or wrong indexes. */
export function schemaProblems(database: InsynDB | IDBPDatabase<unknown>): string[] {
  const db = database as IDBPDatabase<unknown>;
  const problems: string[] = [];
  const present = Object.keys(SCHEMA).filter((n) => db.objectStoreNames.contains(n));
  for (const n of Object.keys(SCHEMA)) if (!present.includes(n)) problems.push(`store "${n}" is missing`);
  if (present.length === 0) return problems;
  const tx = db.transaction(present, 'readonly');
  for (const n of present) {
    const spec = SCHEMA[n as keyof typeof SCHEMA];
    const store = tx.objectStore(n);
    if (!sameKeyPath(store.keyPath, spec.keyPath) || store.autoIncrement) {
      problems.push(`store "${n}" has key path ${JSON.stringify(store.keyPath)}`);
      continue;
    }
    for (const [index, keyPath] of Object.entries(spec.indexes ?? {})) {
      if (!store.indexNames.contains(index) || !sameKeyPath(store.index(index).keyPath, keyPath)) problems.push(`index "${n}.${index}" is missing or wrong`);
    }
  }
  return problems;
}

function createStore(db: UpgradeDb, name: string, spec: StoreSpec) {
  const store = spec.keyPath === null ? db.createObjectStore(name) : db.createObjectStore(name, { keyPath: spec.keyPath });
  for (const [index, keyPath] of Object.entries(spec.indexes ?? {})) store.createIndex(index, keyPath);
  return store;
}

/**
 * Brings the stores in line with SCHEMA inside a versionchange, deleting nothing the user made:
 * missing stores and indexes are created; a cache of the wrong shape is rebuilt empty; drafts,
 * reports or settings in a store of the wrong shape are set aside under `<name>.unreadable.<n>`
 * and every record there with a usable key is copied into a fresh store.
 */
async function repairSchema(db: UpgradeDb, tx: UpgradeTx, log: (message: string) => void): Promise<void> {
  for (const [name, spec] of Object.entries(SCHEMA) as Array<[string, StoreSpec]>) {
    if (!db.objectStoreNames.contains(name)) {
      createStore(db, name, spec);
      log(`created the missing store "${name}"`);
      continue;
    }
    const store = tx.objectStore(name);
    if (sameKeyPath(store.keyPath, spec.keyPath) && !store.autoIncrement) {
      for (const [index, keyPath] of Object.entries(spec.indexes ?? {})) {
        if (store.indexNames.contains(index) && sameKeyPath(store.index(index).keyPath, keyPath)) continue;
        if (store.indexNames.contains(index)) store.deleteIndex(index);
        store.createIndex(index, keyPath);
        log(`rebuilt the index "${name}.${index}"`);
      }
      continue;
    }
    if (spec.expendable) {
      db.deleteObjectStore(name);
      createStore(db, name, spec);
      log(`rebuilt the store "${name}" (it had the wrong shape; it only holds registry answers)`);
      continue;
    }
    let aside = `${name}.unreadable.${db.version}`;
    for (let i = 2; db.objectStoreNames.contains(aside); i++) aside = `${name}.unreadable.${db.version}-${i}`;
    store.name = aside;
    const fresh = createStore(db, name, spec);
    let copied = 0;
    let left = 0;
    let cursor = await tx.objectStore(aside).openCursor();
    while (cursor) {
      const value: unknown = cursor.value;
      const key = spec.keyPath === null ? cursor.primaryKey : (value as Record<string, unknown> | null)?.[spec.keyPath];
      // Only keys that cannot fail the put: a failed request would abort the whole upgrade.
      if (typeof key === 'string' || (typeof key === 'number' && !Number.isNaN(key))) {
        if (spec.keyPath === null) await fresh.put(value, key);
        else await fresh.put(value);
        copied++;
      } else left++;
      cursor = await cursor.continue();
    }
    log(`set aside the store "${name}" as "${aside}" (key path ${JSON.stringify(store.keyPath)}); ${copied} records copied back, ${left} left there`);
  }
}

export async function openInsynDb(options: OpenOptions = {}): Promise<InsynDB> {
  const factory = options.factory ?? indexedDB;
  const name = options.name ?? DB_NAME;
  const steps = options.migrations ?? MIGRATIONS;
  const version = options.version ?? steps[steps.length - 1]?.version ?? DB_VERSION;
  const log = options.log ?? (() => undefined);
  // An explicit older version builds a test snapshot: exactly the steps, nothing checked.
  const check = options.version === undefined;
  const upgrade = async (db: UpgradeDb, tx: UpgradeTx, oldVersion: number, newVersion: number): Promise<void> => {
    await migrate(db, tx, oldVersion, newVersion, steps);
    if (check) await repairSchema(db, tx, log);
  };

  let db: IDBPDatabase;
  try {
    db = await openAt(factory, name, version, upgrade);
  } catch (err) {
    if ((err as { name?: unknown } | null)?.name !== 'VersionError' || !check) throw err;
    // A newer build upgraded the database and the user went back to this one. Use it as it is
    // (steps only add, and every record is validated on read); change and delete nothing, so the
    // newer build finds its data when it comes back. A store it dropped fails where it is used.
    db = await openAt(factory, name, undefined, async () => undefined);
    const problems = schemaProblems(db as IDBPDatabase<unknown>);
    log(`the database is version ${db.version}, from a newer Insyn (this one knows ${version}); used as it is${problems.length ? `: ${problems.join('; ')}` : ''}`);
    return db as unknown as InsynDB;
  }

  const problems = check ? schemaProblems(db as IDBPDatabase<unknown>) : [];
  if (problems.length === 0) return db as unknown as InsynDB;
  // Our version, but not our shape (damaged, or made by something else under this name). Schema
  // changes need a versionchange, so the repair takes the next version number; steps keep running
  // by number, and the repair runs after every upgrade, so a later step that adds a store still
  // gets it (a later data rewrite would see records the readers validate anyway).
  log(`the database does not have the expected shape (${problems.join('; ')}); repairing`);
  const next = db.version + 1;
  db.close();
  return (await openAt(factory, name, next, async (udb, tx) => repairSchema(udb, tx, log))) as unknown as InsynDB;
}

/**
 * One shared connection for a context (service worker, CLI), opened on first use. A failed open
 * is not remembered, and a connection that a newer context or the browser closed is replaced on
 * the next call, so one bad moment never leaves the store unusable until a restart.
 */
export function insynDbOpener(options: OpenOptions = {}): () => Promise<InsynDB> {
  let current: Promise<InsynDB> | undefined;
  return () => {
    if (current) return current;
    const opening = openInsynDb(options);
    current = opening;
    const forget = (): void => {
      if (current === opening) current = undefined;
    };
    opening.then((db) => {
      // 'versionchange': openInsynDb closes the connection for the newer context; 'close': the browser did.
      db.addEventListener('versionchange', forget);
      db.addEventListener('close', forget);
    }, forget);
    return opening;
  };
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

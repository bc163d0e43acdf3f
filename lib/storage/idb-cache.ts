// The extension's cache, in the `cache` store of the "insyn" IndexedDB database. Shared by the
// service worker and the popup: both may read and write, so nothing here assumes it is alone
// (totals are re-counted from the database before evicting).
//
// When the browser's quota runs out, the cache gives way: a write evicts the least recently used
// half and tries once more, else it is skipped; a read never fails for want of space; and
// makeRoom() empties it for drafts and reports, which matter more (lib/report/store.ts).
import type { ZodType } from 'zod';
import {
  ACCESS_GRANULARITY_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ENTRIES,
  isFresh,
  toJson,
  validate,
  type Cache,
  type CacheHit,
  type CacheOptions,
  type CacheSetOptions,
  type CacheStats,
} from './cache';
import { openInsynDb, type InsynDB, type StoredCacheRecord } from './db';
import { isQuotaError } from './errors';

export interface IdbCacheOptions extends CacheOptions {
  /** An open database, or a way to open one; defaults to openInsynDb({ factory }). */
  db?: InsynDB | (() => Promise<InsynDB>);
  factory?: IDBFactory;
}

/** A stored size we can add up: a damaged record (NaN, negative, a string) counts as 0 rather than poisoning the totals. */
function sizeOf(v: unknown): number {
  const bytes = isRecord(v) ? v.bytes : 0;
  return Number.isFinite(bytes) && bytes >= 0 ? bytes : 0;
}

function isRecord(v: unknown): v is StoredCacheRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.key === 'string' &&
    typeof r.kind === 'string' &&
    typeof r.storedAt === 'number' &&
    typeof r.accessedAt === 'number' &&
    typeof r.bytes === 'number' &&
    'value' in r
  );
}

export class IdbCache implements Cache {
  private readonly open: () => Promise<InsynDB>;
  private dbPromise: Promise<InsynDB> | undefined;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  /**
   * Bytes stored, as far as this context knows; undefined until first counted. Other contexts'
   * writes make it drift, so it only decides *when* to recount; eviction uses the real totals.
   */
  private bytesEstimate: number | undefined;

  constructor(options: IdbCacheOptions = {}) {
    const { db, factory } = options;
    this.open = typeof db === 'function' ? db : db ? () => Promise.resolve(db) : () => openInsynDb(factory ? { factory } : {});
    this.now = options.now ?? Date.now;
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_MAX_BYTES);
  }

  private db(): Promise<InsynDB> {
    if (!this.dbPromise) {
      const p = this.open();
      const forget = (): void => {
        if (this.dbPromise === p) this.dbPromise = undefined;
      };
      // A failed open (private mode, quota, blocked upgrade) is retried on the next call, and so is
      // a connection closed under us (a newer context upgrading, the browser clearing site data).
      p.then((db) => {
        db.addEventListener('versionchange', forget);
        db.addEventListener('close', forget);
      }, forget);
      this.dbPromise = p;
    }
    return this.dbPromise;
  }

  async get<T>(key: string, schema: ZodType<T>): Promise<CacheHit<T> | undefined> {
    const db = await this.db();
    const rec: unknown = await db.get('cache', key);
    if (rec === undefined) return undefined;
    const value = isRecord(rec) ? validate(schema, rec.value) : undefined;
    if (!isRecord(rec) || value === undefined) {
      await db.delete('cache', key).catch(() => undefined);
      this.bytesEstimate = undefined;
      return undefined;
    }
    const now = this.now();
    if (now - rec.accessedAt >= ACCESS_GRANULARITY_MS || now < rec.accessedAt) {
      // Best effort: with the disk full this write fails, and the value is still worth showing.
      await db.put('cache', { ...rec, accessedAt: now }).catch(() => undefined);
    }
    return { value, storedAt: rec.storedAt, fresh: isFresh(rec.kind, rec.storedAt, now) };
  }

  async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
    const json = toJson(value);
    const db = await this.db();
    if (json.length > this.maxBytes) {
      await db.delete('cache', key);
      return;
    }
    const now = this.now();
    // Stored as parsed JSON, not the live object: drops undefined fields and class instances, so
    // what is read back is exactly what a JSON round trip (memory and file caches) would give.
    const record: StoredCacheRecord = { key, kind: options.kind, storedAt: now, accessedAt: now, bytes: json.length, value: JSON.parse(json) };
    try {
      await db.put('cache', record);
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      // No room: drop the least recently used half and try once more. If even that fails the
      // entry is not stored (the previous value for this key, if any, stays): a cache that
      // cannot grow is still a cache, and the caller has its value either way.
      const { entries, bytes } = await this.stats();
      await this.evict(db, key, { maxEntries: Math.floor(entries / 2), maxBytes: Math.floor(bytes / 2) });
      try {
        await db.put('cache', record);
      } catch (again) {
        if (!isQuotaError(again)) throw again;
        return;
      }
    }
    if (this.bytesEstimate === undefined) {
      await this.evict(db, key);
      return;
    }
    this.bytesEstimate += json.length;
    if (this.bytesEstimate > this.maxBytes || (await db.count('cache')) > this.maxEntries) await this.evict(db, key);
  }

  async delete(key: string): Promise<void> {
    const db = await this.db();
    await db.delete('cache', key);
    this.bytesEstimate = undefined;
  }

  async clear(): Promise<void> {
    const db = await this.db();
    await db.clear('cache');
    this.bytesEstimate = 0;
  }

  /** Empties the cache so that drafts and reports can be saved when the browser's quota is reached. */
  async makeRoom(): Promise<void> {
    await this.clear();
  }

  async stats(): Promise<CacheStats> {
    const db = await this.db();
    let entries = 0;
    let bytes = 0;
    let cursor = await db.transaction('cache').store.openCursor();
    while (cursor) {
      entries++;
      bytes += sizeOf(cursor.value);
      cursor = await cursor.continue();
    }
    return { entries, bytes };
  }

  /**
   * Counts the real totals and deletes least recently used entries until both limits hold.
   * `keep` is the entry just written: with equal timestamps it could sort first, and evicting what
   * was just stored would make the cache useless exactly when it is full.
   */
  private async evict(db: InsynDB, keep?: string, limits = { maxEntries: this.maxEntries, maxBytes: this.maxBytes }): Promise<void> {
    const tx = db.transaction('cache', 'readwrite');
    const rows: Array<{ key: string; bytes: number }> = [];
    let total = 0;
    let cursor = await tx.store.index('accessedAt').openCursor();
    while (cursor) {
      const bytes = sizeOf(cursor.value);
      rows.push({ key: cursor.primaryKey, bytes });
      total += bytes;
      cursor = await cursor.continue();
    }
    let count = rows.length;
    for (const row of rows) {
      if (count <= limits.maxEntries && total <= limits.maxBytes) break;
      if (row.key === keep) continue;
      await tx.store.delete(row.key);
      count--;
      total -= row.bytes;
    }
    await tx.done;
    this.bytesEstimate = total;
  }
}

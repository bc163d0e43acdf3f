// In-memory cache: for tests, and as the base of the CLI's file cache. Values are kept as JSON
// text, not as objects, so a caller mutating a returned value cannot change the cache, and a read
// goes through JSON.parse + zod exactly like a read from disk or IndexedDB would.
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

export interface MemoryEntry {
  kind: string;
  storedAt: number;
  accessedAt: number;
  json: string;
}

export class MemoryCache implements Cache {
  // Map iteration order is insertion order; an entry is re-inserted when used, so the first
  // entries are the least recently used.
  protected readonly entries = new Map<string, MemoryEntry>();
  protected readonly now: () => number;
  protected readonly maxEntries: number;
  protected readonly maxBytes: number;
  private bytes = 0;

  constructor(options: CacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_MAX_BYTES);
  }

  /** Hook for subclasses that load entries lazily. */
  protected async ready(): Promise<void> {}

  /** Hook for subclasses that persist after a change. */
  protected async changed(): Promise<void> {}

  /** Adds a loaded entry without persisting (used by subclasses while loading). */
  protected load(key: string, entry: MemoryEntry): void {
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.json.length;
  }

  async get<T>(key: string, schema: ZodType<T>): Promise<CacheHit<T> | undefined> {
    await this.ready();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry.json);
    } catch {
      parsed = undefined;
    }
    const value = parsed === undefined ? undefined : validate(schema, parsed);
    if (value === undefined) {
      this.remove(key);
      await this.changed();
      return undefined;
    }
    const now = this.now();
    if (now - entry.accessedAt >= ACCESS_GRANULARITY_MS || now < entry.accessedAt) entry.accessedAt = now;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { value, storedAt: entry.storedAt, fresh: isFresh(entry.kind, entry.storedAt, now) };
  }

  async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
    await this.ready();
    const json = toJson(value);
    this.remove(key);
    if (json.length <= this.maxBytes) {
      const now = this.now();
      this.entries.set(key, { kind: options.kind, storedAt: now, accessedAt: now, json });
      this.bytes += json.length;
      this.evict();
    }
    await this.changed();
  }

  async delete(key: string): Promise<void> {
    await this.ready();
    if (this.remove(key)) await this.changed();
  }

  async clear(): Promise<void> {
    await this.ready();
    this.entries.clear();
    this.bytes = 0;
    await this.changed();
  }

  async stats(): Promise<CacheStats> {
    await this.ready();
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** Oldest-used first, until both limits hold. */
  protected evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(key);
    }
  }

  private remove(key: string): boolean {
    const old = this.entries.get(key);
    if (!old) return false;
    this.bytes -= old.json.length;
    this.entries.delete(key);
    return true;
  }
}

// Node-only cache for the CLI: the memory cache, loaded from and saved to one JSON file so that
// repeated `insyn` runs share registry answers. Kept in its own module, the only one in
// lib/storage that imports `node:`, so the service-worker bundle never pulls in fs.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import type { CacheOptions } from './cache';
import { MemoryCache } from './memory-cache';

const FORMAT = 'insyn-cache';
const FILE_VERSION = 1;

const FileEntry = z.object({
  key: z.string(),
  kind: z.string(),
  storedAt: z.number(),
  accessedAt: z.number(),
  json: z.string(),
});

const CacheFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(FILE_VERSION),
  entries: z.array(z.unknown()),
});

/** `$XDG_CACHE_HOME/insyn/registry-cache.json`, else `~/.cache/insyn/registry-cache.json`. */
export function defaultCachePath(env: Record<string, string | undefined> = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'insyn', 'registry-cache.json');
}

export interface FileCacheOptions extends CacheOptions {
  path: string;
}

export class FileCache extends MemoryCache {
  readonly path: string;
  private loading: Promise<void> | undefined;
  // Writes are chained so two quick sets never interleave their renames.
  private writing: Promise<void> = Promise.resolve();

  constructor(options: FileCacheOptions) {
    super(options);
    this.path = options.path;
  }

  protected override ready(): Promise<void> {
    this.loading ??= this.readFile();
    return this.loading;
  }

  protected override changed(): Promise<void> {
    // A failed write (read-only disk, full disk) must not break later writes, nor the command that
    // caused it: the cache only saves requests, so it degrades to "memory only" for this run.
    this.writing = this.writing.then(() => this.writeFile()).catch(() => undefined);
    return this.writing;
  }

  /** Waits for pending writes (the CLI calls this before exiting). */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async readFile(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return; // No file yet: an empty cache.
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return; // Corrupt file (e.g. a crash mid-write on a filesystem without atomic rename): start empty; the next write replaces it.
    }
    const file = CacheFile.safeParse(raw);
    if (!file.success) return;
    const entries = file.data.entries
      .map((e) => FileEntry.safeParse(e))
      .flatMap((r) => (r.success ? [r.data] : []))
      .sort((a, b) => a.accessedAt - b.accessedAt);
    for (const { key, ...entry } of entries) this.load(key, entry);
    this.evict();
  }

  private async writeFile(): Promise<void> {
    const entries = [...this.entries].map(([key, e]) => ({ key, ...e }));
    const body = JSON.stringify({ format: FORMAT, version: FILE_VERSION, entries });
    await mkdir(dirname(this.path), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, body, 'utf8');
    await rename(tmp, this.path);
  }
}

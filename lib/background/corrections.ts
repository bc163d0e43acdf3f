// The user's corrections ("this site belongs to X", "this site is not public sector"),
// remembered per hostname or per hostname + first path segment (shared hosts such as
// lansstyrelsen.se/stockholm), and always winning over detection.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import { CorrectionSchema } from '../detect/schema';
import type { Correction } from '../detect/resolve';

export const CorrectionRecord = z.object({
  key: z.string(),
  host: z.string(),
  pathPrefix: z.string().optional(),
  correction: CorrectionSchema,
  savedAt: z.number(),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;
const Records = z.array(CorrectionRecord);

export type CorrectionScope = 'host' | 'path';

/** Where the records live: the `kv` store of IndexedDB in the extension, memory in tests. */
export interface CorrectionBackend {
  load(): Promise<unknown>;
  save(records: CorrectionRecord[]): Promise<void>;
}

export interface CorrectionStore {
  find(url: string): Promise<CorrectionRecord | undefined>;
  set(url: URL, scope: CorrectionScope, correction: Correction): Promise<void>;
  removeFor(url: URL): Promise<void>;
  list(): Promise<CorrectionRecord[]>;
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
}

function host(u: URL): string {
  return u.hostname.toLowerCase().replace(/^www\./, '');
}

function firstSegment(u: URL): string | undefined {
  const seg = u.pathname.split('/').filter(Boolean)[0];
  return seg ? `/${decodeURIComponent(seg).toLowerCase()}` : undefined;
}

export function createCorrectionStore(backend: CorrectionBackend, now: () => number = Date.now): CorrectionStore {
  let cache: CorrectionRecord[] | undefined;

  async function all(): Promise<CorrectionRecord[]> {
    if (cache) return cache;
    const parsed = Records.safeParse(await backend.load().catch(() => undefined));
    // A damaged list is dropped whole rather than half-trusted; the user can redo a correction.
    cache = parsed.success ? parsed.data : [];
    return cache;
  }

  async function write(records: CorrectionRecord[]): Promise<void> {
    cache = records;
    await backend.save(records);
  }

  return {
    async find(url) {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return undefined;
      }
      const h = host(u);
      const seg = firstSegment(u);
      const records = await all();
      return (seg && records.find((r) => r.host === h && r.pathPrefix === seg)) || records.find((r) => r.host === h && !r.pathPrefix);
    },
    async set(url, scope, correction) {
      const h = host(url);
      const pathPrefix = scope === 'path' ? firstSegment(url) : undefined;
      const key = pathPrefix ? `${h}${pathPrefix}` : h;
      const rest = (await all()).filter((r) => r.key !== key);
      await write([...rest, { key, host: h, pathPrefix, correction, savedAt: now() }]);
    },
    async removeFor(url) {
      const h = host(url);
      const seg = firstSegment(url);
      await write((await all()).filter((r) => !(r.host === h && (!r.pathPrefix || r.pathPrefix === seg))));
    },
    list: async () => [...(await all())].sort((a, b) => a.key.localeCompare(b.key)),
    async remove(key) {
      await write((await all()).filter((r) => r.key !== key));
    },
    async clear() {
      await write([]);
    },
  };
}

export function memoryCorrectionBackend(initial: unknown = []): CorrectionBackend {
  let stored = initial;
  return {
    load: async () => stored,
    save: async (r) => {
      stored = JSON.parse(JSON.stringify(r));
    },
  };
}

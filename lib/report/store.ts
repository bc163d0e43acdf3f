// Where drafts and the report history are kept: IndexedDB stores `drafts` and `reports` (db.ts
// migration step 2) in the extension, a Map in tests. Every record read back is parsed with zod;
// one that fails is skipped with a logged reason (and left on disk), never breaking the list.
//
// Nothing here may lose what the user wrote. A write that hits the browser's quota first asks the
// cache to make room and tries again; a failure that remains reaches the caller as a StorageError
// ('storage-full' or 'storage-unavailable') that the popup puts in words, while the earlier draft
// or history stays as it was (an IndexedDB transaction is all or nothing).
import type { IDBPTransaction } from 'idb';
import type { InsynDB, InsynDBSchema } from '../storage/db';
import { isClosedConnection, StorageError, toStorageError } from '../storage/errors';
import { mergeReports, sortReports, type MergeResult } from './history';
import { ReportDraft, ReportRecord, type ReportStatus } from './types';

export interface ReportStore {
  getDraft(key: string): Promise<ReportDraft | undefined>;
  putDraft(draft: ReportDraft): Promise<void>;
  deleteDraft(key: string): Promise<void>;
  listDrafts(): Promise<ReportDraft[]>;
  listReports(): Promise<ReportRecord[]>;
  putReport(report: ReportRecord): Promise<void>;
  setStatus(id: string, status: ReportStatus, at: number): Promise<ReportRecord | undefined>;
  deleteReport(id: string): Promise<void>;
  importReports(reports: readonly ReportRecord[]): Promise<Omit<MergeResult, 'merged'>>;
}

type Log = (message: string, err?: unknown) => void;
type ReportsTx = IDBPTransaction<InsynDBSchema, ['reports'], 'readwrite'>;

function parseAll<T>(rows: unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown } }, what: string, log: Log): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (r.success) out.push(r.data);
    else log(`skipped an unreadable ${what}`, r.error);
  }
  return out;
}

export interface IdbReportStoreOptions {
  /** Frees space when the quota is reached (the extension empties the registry cache, which can be fetched again). */
  makeRoom?: () => Promise<void>;
}

export function idbReportStore(db: () => Promise<InsynDB>, log: Log = () => undefined, options: IdbReportStoreOptions = {}): ReportStore {
  /** A read: any failure becomes a StorageError; a connection closed under us is reopened once. */
  async function read<T>(op: (d: InsynDB) => Promise<T>): Promise<T> {
    try {
      return await op(await db());
    } catch (err) {
      if (!isClosedConnection(err)) throw toStorageError(err);
      try {
        return await op(await db());
      } catch (again) {
        throw toStorageError(again);
      }
    }
  }

  /** A write: as a read, and on QuotaExceededError the cache makes room before one more try. */
  async function write<T>(op: (d: InsynDB) => Promise<T>): Promise<T> {
    try {
      return await read(op);
    } catch (err) {
      if (!(err instanceof StorageError && err.kind === 'storage-full') || !options.makeRoom) throw err;
      log('the browser quota is reached; emptying the registry cache to save a draft or report', err);
      await options.makeRoom().catch((e: unknown) => log('could not empty the cache', e));
      return read(op);
    }
  }

  const store: ReportStore = {
    async getDraft(key) {
      const r = ReportDraft.safeParse(await read((d) => d.get('drafts', key)));
      return r.success ? r.data : undefined;
    },
    async putDraft(draft) {
      const valid = ReportDraft.parse(draft);
      await write((d) => d.put('drafts', valid));
    },
    async deleteDraft(key) {
      await read((d) => d.delete('drafts', key));
    },
    async listDrafts() {
      const all = parseAll(await read((d) => d.getAll('drafts')), ReportDraft, 'draft', log);
      return all.sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async listReports() {
      return sortReports(parseAll(await read((d) => d.getAll('reports')), ReportRecord, 'report', log));
    },
    async putReport(report) {
      const valid = ReportRecord.parse(report);
      await write((d) => d.put('reports', valid));
    },
    setStatus: (id, status, at) => write((d) => setStatusIn(d, id, status, at)),
    async deleteReport(id) {
      await read((d) => d.delete('reports', id));
    },
    importReports: (incoming) => write((d) => importInto(d, incoming)),
  };

  /**
   * Runs `body` in one readwrite transaction over `reports`: all of its writes or none. On failure
   * the transaction is aborted (a put that threw at once would otherwise let the earlier ones
   * commit), and its own error wins: a quota reported at commit says more than the next request's
   * "transaction inactive".
   */
  async function inReports<T>(d: InsynDB, body: (tx: ReportsTx) => Promise<T>): Promise<T> {
    const tx = d.transaction('reports', 'readwrite');
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (err) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      await tx.done.catch(() => undefined);
      throw tx.error ?? err;
    }
  }

  function setStatusIn(d: InsynDB, id: string, status: ReportStatus, at: number): Promise<ReportRecord | undefined> {
    return inReports(d, async (tx) => {
      const r = ReportRecord.safeParse(await tx.store.get(id));
      if (!r.success) return undefined;
      const next = { ...r.data, status, statusAt: at };
      await tx.store.put(next);
      return next;
    });
  }

  function importInto(d: InsynDB, incoming: readonly ReportRecord[]): Promise<Omit<MergeResult, 'merged'>> {
    return inReports(d, async (tx) => {
      const existing = parseAll(await tx.store.getAll(), ReportRecord, 'report', log);
      const { merged, ...counts } = mergeReports(existing, incoming);
      const before = new Map(existing.map((r) => [r.id, r]));
      for (const r of merged) if (before.get(r.id) !== r) await tx.store.put(r);
      return counts;
    });
  }

  return store;
}

export function memoryReportStore(): ReportStore & { drafts: Map<string, ReportDraft>; reports: Map<string, ReportRecord> } {
  const drafts = new Map<string, ReportDraft>();
  const reports = new Map<string, ReportRecord>();
  return {
    drafts,
    reports,
    getDraft: async (key) => structuredClone(drafts.get(key)),
    putDraft: async (d) => void drafts.set(d.key, ReportDraft.parse(structuredClone(d))),
    deleteDraft: async (key) => void drafts.delete(key),
    listDrafts: async () => [...drafts.values()].sort((a, b) => b.updatedAt - a.updatedAt),
    listReports: async () => sortReports([...reports.values()]),
    putReport: async (r) => void reports.set(r.id, ReportRecord.parse(structuredClone(r))),
    async setStatus(id, status, at) {
      const r = reports.get(id);
      if (!r) return undefined;
      const next = { ...r, status, statusAt: at };
      reports.set(id, next);
      return next;
    },
    deleteReport: async (id) => void reports.delete(id),
    async importReports(incoming) {
      const { merged, ...counts } = mergeReports([...reports.values()], incoming);
      for (const r of merged) reports.set(r.id, r);
      return counts;
    },
  };
}

// Where drafts and the report history are kept: IndexedDB stores `drafts` and `reports` (db.ts
// migration step 2) in the extension, a Map in tests. Every record read back is parsed with zod;
// one that fails is skipped with a logged reason, never breaking the list.
import type { InsynDB } from '../storage/db';
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

function parseAll<T>(rows: unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown } }, what: string, log: Log): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (r.success) out.push(r.data);
    else log(`skipped an unreadable ${what}`, r.error);
  }
  return out;
}

export function idbReportStore(db: () => Promise<InsynDB>, log: Log = () => undefined): ReportStore {
  const store: ReportStore = {
    async getDraft(key) {
      const r = ReportDraft.safeParse(await (await db()).get('drafts', key));
      return r.success ? r.data : undefined;
    },
    async putDraft(draft) {
      await (await db()).put('drafts', ReportDraft.parse(draft));
    },
    async deleteDraft(key) {
      await (await db()).delete('drafts', key);
    },
    async listDrafts() {
      const all = parseAll(await (await db()).getAll('drafts'), ReportDraft, 'draft', log);
      return all.sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async listReports() {
      return sortReports(parseAll(await (await db()).getAll('reports'), ReportRecord, 'report', log));
    },
    async putReport(report) {
      await (await db()).put('reports', ReportRecord.parse(report));
    },
    async setStatus(id, status, at) {
      const d = await db();
      const tx = d.transaction('reports', 'readwrite');
      const r = ReportRecord.safeParse(await tx.store.get(id));
      if (!r.success) {
        await tx.done;
        return undefined;
      }
      const next = { ...r.data, status, statusAt: at };
      await tx.store.put(next);
      await tx.done;
      return next;
    },
    async deleteReport(id) {
      await (await db()).delete('reports', id);
    },
    async importReports(incoming) {
      const d = await db();
      const tx = d.transaction('reports', 'readwrite');
      const existing = parseAll(await tx.store.getAll(), ReportRecord, 'report', log);
      const { merged, ...counts } = mergeReports(existing, incoming);
      const before = new Map(existing.map((r) => [r.id, r]));
      for (const r of merged) if (before.get(r.id) !== r) await tx.store.put(r);
      await tx.done;
      return counts;
    },
  };
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

// The background's message handlers for reports: a thin layer over the ReportStore, kept here so
// lib/background/service.ts only spreads them in.
import type { Handlers } from '../messages';
import type { ReportStore } from './store';

type ReportHandlerNames =
  | 'report-draft-get'
  | 'report-draft-save'
  | 'report-draft-delete'
  | 'report-drafts'
  | 'reports-list'
  | 'report-save'
  | 'report-status'
  | 'report-delete'
  | 'reports-import';

export function reportHandlers(store: ReportStore, now: () => number): Pick<Handlers, ReportHandlerNames> {
  return {
    'report-draft-get': async ({ key }) => ({ draft: (await store.getDraft(key)) ?? null }),
    'report-draft-save': async ({ draft }) => {
      await store.putDraft(draft);
      return { ok: true };
    },
    'report-draft-delete': async ({ key }) => {
      await store.deleteDraft(key);
      return { ok: true };
    },
    'report-drafts': async () => ({ drafts: await store.listDrafts() }),
    'reports-list': async () => ({ reports: await store.listReports() }),
    'report-save': async ({ report, draftKey }) => {
      await store.putReport(report);
      if (draftKey) await store.deleteDraft(draftKey);
      return { ok: true };
    },
    'report-status': async ({ id, status }) => ({ report: (await store.setStatus(id, status, now())) ?? null }),
    'report-delete': async ({ id }) => {
      await store.deleteReport(id);
      return { ok: true };
    },
    'reports-import': async ({ reports }) => store.importReports(reports),
  };
}

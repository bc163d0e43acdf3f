// The real ReportApi (components/report/api.ts) for the popup: storage through the background's
// messages, settings from storage.local, and the user's own software for sending (mail client via
// a mailto: link, clipboard, a downloaded file). Nothing here sends a report anywhere by itself.
import type { ReportApi } from '../../components/report/api';
import { callBackground } from './runtime';

/** Full settings (with zod) load on demand, after the popup's first content. */
const settings = () => import('./settings-store').then((m) => m.loadSettings());

export const reportApi: ReportApi = {
  reportDraft: async (key) => (await callBackground('report-draft-get', { key })).draft ?? undefined,
  saveReportDraft: async (draft) => void (await callBackground('report-draft-save', { draft })),
  deleteReportDraft: async (key) => void (await callBackground('report-draft-delete', { key })),
  reportDrafts: async () => (await callBackground('report-drafts', {})).drafts,
  listReports: async () => (await callBackground('reports-list', {})).reports,
  saveReport: async (report, draftKey) => void (await callBackground('report-save', { report, ...(draftKey && { draftKey }) })),
  setReportStatus: async (id, status) => (await callBackground('report-status', { id, status })).report ?? undefined,
  deleteReport: async (id) => void (await callBackground('report-delete', { id })),
  importReports: (reports) => callBackground('reports-import', { reports }),
  reminderDays: async () => (await settings()).reminderDays,
  openExternal(url) {
    if (!/^(mailto:|https?:\/\/)/i.test(url)) throw new Error('only mailto: and http(s) links are opened');
    // A new browsing context hands mailto: to the system's mail handler (the popup itself stays);
    // http(s) opens the contact page in a tab.
    window.open(url, '_blank', 'noopener');
  },
  copyText: (text) => navigator.clipboard.writeText(text),
  download(filename, mime, content) {
    const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  now: () => Date.now(),
};

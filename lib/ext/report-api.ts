// The real ReportApi (components/report/api.ts) for the popup: storage through the background's
// messages, settings from storage.local, and the user's own software for sending (mail client via
// a mailto: link, clipboard, a downloaded file). Nothing here sends a report anywhere by itself.
import type { ReportApi } from '../../components/report/api';
import type { ReportDraft } from '../report/types';
import { callBackground } from './runtime';
import { clearJournal, journalDraft, replayJournal, type SyncStore } from '../report/draft-journal';

/** Full settings (with zod) load on demand, after the popup's first content. */
const settings = () => import('./settings-store').then((m) => m.loadSettings());

/** The extension page's localStorage (absent in a service worker or a locked-down profile). */
function pageStore(): SyncStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

const getDraft = async (key: string) => (await callBackground('report-draft-get', { key })).draft ?? undefined;
const putDraft = async (draft: ReportDraft) => void (await callBackground('report-draft-save', { draft }));

/** Once per page: a journalled edit from last time reaches the stored drafts before they are read. */
let replayed: Promise<void> | undefined;
function replay(): Promise<void> {
  const store = pageStore();
  return (replayed ??= store ? replayJournal(store, { get: getDraft, save: putDraft }) : Promise.resolve());
}

export const reportApi: ReportApi = {
  reportDraft: async (key) => {
    await replay();
    return getDraft(key);
  },
  async saveReportDraft(draft) {
    await putDraft(draft);
    const store = pageStore();
    if (store) clearJournal(store, draft.key, draft.updatedAt);
  },
  journalDraft(draft) {
    const store = pageStore();
    if (store) journalDraft(store, draft);
  },
  async deleteReportDraft(key) {
    const store = pageStore();
    if (store) clearJournal(store, key);
    await callBackground('report-draft-delete', { key });
  },
  reportDrafts: async () => {
    await replay();
    return (await callBackground('report-drafts', {})).drafts;
  },
  listReports: async () => (await callBackground('reports-list', {})).reports,
  async saveReport(report, draftKey) {
    // Cleared first: a journal must never bring back the draft of a report that was sent.
    const store = pageStore();
    if (store && draftKey) clearJournal(store, draftKey);
    await callBackground('report-save', { report, ...(draftKey && { draftKey }) });
  },
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

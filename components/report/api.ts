// What the report screens need from the extension. PopupApi extends it; the real implementation
// is lib/ext/report-api.ts, and tests hand the components a fake.
import type { ResponseOf } from '../../lib/messages';
import type { ReportDraft, ReportRecord, ReportStatus } from '../../lib/report/types';

export interface ReportApi {
  reportDraft(key: string): Promise<ReportDraft | undefined>;
  saveReportDraft(draft: ReportDraft): Promise<void>;
  /**
   * Keeps a synchronous copy of the draft as typed (before the debounced save), so an edit made just
   * before the browser quits is not lost (lib/report/draft-journal.ts). Optional: tests may leave it out.
   */
  journalDraft?(draft: ReportDraft): void;
  deleteReportDraft(key: string): Promise<void>;
  reportDrafts(): Promise<ReportDraft[]>;
  listReports(): Promise<ReportRecord[]>;
  /** Keeps a sent report in the history and drops its draft. */
  saveReport(report: ReportRecord, draftKey?: string): Promise<void>;
  setReportStatus(id: string, status: ReportStatus): Promise<ReportRecord | undefined>;
  deleteReport(id: string): Promise<void>;
  importReports(reports: ReportRecord[]): Promise<ResponseOf<'reports-import'>>;
  /** Days after which a sent report with no answer is shown as a reminder (settings; 0 = off). */
  reminderDays(): Promise<number>;
  /** Opens a mailto: or http(s) URL with the user's own software. */
  openExternal(url: string): void;
  /** Rejects when the browser refuses the clipboard. */
  copyText(text: string): Promise<void>;
  /** Saves a file through the browser's download. */
  download(filename: string, mime: string, content: string): void;
  now(): number;
}

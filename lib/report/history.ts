// The local history of reports: export as CSV (for a spreadsheet) and JSON (to move or collect
// reports), import a JSON export back with validation and without duplicates, and reminders for
// reports with no answer after N days. Pure: storage lives in store.ts.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import { CATEGORY_LABELS, STATUS_LABELS } from './text';
import { datasetKeyOf, ReportRecord } from './types';

export const EXPORT_FORMAT = 'insyn-reports';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  reports: ReportRecord[];
}

export function exportJson(reports: readonly ReportRecord[], now: number): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), reports: sortReports(reports) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Newest first. */
export function sortReports(reports: readonly ReportRecord[]): ReportRecord[] {
  return [...reports].sort((a, b) => b.sentAt - a.sentAt || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * One CSV cell: a leading `= + - @` (or tab/CR, which some spreadsheets also treat as formula
 * starters) gets a `'` so a spreadsheet shows text instead of running a formula; quotes, commas,
 * semicolons and line breaks make the cell quoted, with quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  // Line breaks inside a cell become LF, so CRLF only ever ends a row.
  s = s.replace(/\r\n?/g, '\n');
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = [
  'reference',
  'sent',
  'status',
  'status_changed',
  'category',
  'title',
  'dataset_id',
  'distribution',
  'publisher',
  'recipient',
  'channel',
  'portal_url',
  'subject',
  'message',
] as const;

/**
 * `YYYY-MM-DD`, or empty when no date can hold the number: the schema only asks for a number, and an
 * imported file may carry 1e300, which would make toISOString throw and the whole export fail.
 */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** UTF-8 with BOM (so spreadsheets pick the encoding), CRLF rows, one report per row. */
export function exportCsv(reports: readonly ReportRecord[], lang: 'sv' | 'en'): string {
  const rows = sortReports(reports).map((r) =>
    [
      r.id,
      isoDay(r.sentAt),
      STATUS_LABELS[r.status][lang],
      isoDay(r.statusAt),
      CATEGORY_LABELS[r.category][lang],
      r.target.title,
      r.target.kind === 'organisation' ? '' : datasetKeyOf(r.targetKey),
      r.target.distribution?.title ?? '',
      r.target.publisherName ?? '',
      r.recipient.address,
      r.channel,
      r.target.portalUrl ?? '',
      r.subject,
      r.body,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ParsedImport {
  reports: ReportRecord[];
  /** Records that failed validation, with the reason (shown to the user as a count). */
  skipped: { index: number; reason: string }[];
}

const Envelope = z.object({ format: z.literal(EXPORT_FORMAT), version: z.number().int(), reports: z.array(z.unknown()) });

/** Reads an export (or a bare array of reports). Each record is validated on its own; bad ones are skipped. */
export function parseImport(text: string): ParsedImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ImportError('not-json');
  }
  let list: unknown[];
  if (Array.isArray(raw)) list = raw;
  else {
    const env = Envelope.safeParse(raw);
    if (!env.success) throw new ImportError('not-an-export');
    if (env.data.version > EXPORT_VERSION) throw new ImportError('newer-version');
    list = env.data.reports;
  }
  const reports: ReportRecord[] = [];
  const skipped: ParsedImport['skipped'] = [];
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const r = ReportRecord.safeParse(item);
    if (!r.success) skipped.push({ index, reason: r.error.issues[0]?.message ?? 'invalid' });
    else if (seen.has(r.data.id)) skipped.push({ index, reason: 'duplicate id in file' });
    else {
      seen.add(r.data.id);
      reports.push(r.data);
    }
  });
  return { reports, skipped };
}

export class ImportError extends Error {
  constructor(readonly reason: 'not-json' | 'not-an-export' | 'newer-version') {
    super(reason);
    this.name = 'ImportError';
  }
}

export interface MergeResult {
  merged: ReportRecord[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merges imported reports into the existing ones by reference id: a new id is added; a known id
 * takes the imported record only when its status is newer, so importing the same file twice, or an
 * older export, changes nothing.
 */
export function mergeReports(existing: readonly ReportRecord[], incoming: readonly ReportRecord[]): MergeResult {
  const byId = new Map(existing.map((r) => [r.id, r]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of incoming) {
    const old = byId.get(r.id);
    if (!old) {
      byId.set(r.id, r);
      added += 1;
    } else if (r.statusAt > old.statusAt) {
      byId.set(r.id, r);
      updated += 1;
    } else unchanged += 1;
  }
  return { merged: sortReports([...byId.values()]), added, updated, unchanged };
}

// ---------------------------------------------------------------------------------------------
// Reminders and per-dataset lookups

export const DAY_MS = 86_400_000;
export const DEFAULT_REMINDER_DAYS = 14;

/** Reports still "sent" (no answer recorded) for at least `days` days. `days` 0 turns reminders off. */
export function dueReminders(reports: readonly ReportRecord[], now: number, days: number): ReportRecord[] {
  if (days <= 0) return [];
  return sortReports(reports).filter((r) => r.status === 'sent' && now - r.sentAt >= days * DAY_MS);
}

/** Reports on a dataset (including those on one of its distributions), newest first. */
export function reportsFor(reports: readonly ReportRecord[], datasetKey: string): ReportRecord[] {
  return sortReports(reports).filter((r) => datasetKeyOf(r.targetKey) === datasetKey);
}

import { describe, expect, it } from 'vitest';
import { csvCell, DAY_MS, dueReminders, exportCsv, exportJson, ImportError, mergeReports, parseImport, reportsFor } from '../../../lib/report/history';
import { record } from './helpers';

const NOW = Date.parse('2026-02-01T12:00:00Z');

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+46 771', "'+46 771"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=1,"x"', '"\'=1,""x"""'],
    ['semi;colon', '"semi;colon"'],
    ['åäö', 'åäö'],
  ])('cell %j → %j', (raw, want) => {
    expect(csvCell(raw)).toBe(want);
  });

  it('has a BOM, a header row, CRLF rows, and one row per report, newest first', () => {
    const csv = exportCsv([record('INSYN-20260110-AAAA'), record('INSYN-20260111-BBBB', { sentAt: Date.parse('2026-01-11T09:00:00Z') })], 'sv');
    expect(csv.startsWith('\uFEFFreference,sent,status,')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[1]).toMatch(/^INSYN-20260111-BBBB,2026-01-11,Skickad,/);
    expect(rows[2]).toMatch(/^INSYN-20260110-AAAA,/);
    // The body with quotes, comma, formula and CRLF stays in one quoted cell.
    expect(csv).toContain('"Hej,\n\n""Citat"", komma; och =SUMMA(A1)\nrad två"');
    expect(rows).toHaveLength(4);
    expect(exportCsv([record('INSYN-20260110-AAAA')], 'en')).toContain(',Sent,');
  });
});

describe('JSON export and import', () => {
  const reports = [
    record('INSYN-20260110-AAAA'),
    record('INSYN-20260111-BBBB', { status: 'fixed', statusAt: NOW, target: { kind: 'organisation', title: 'Skatteverket' }, targetKey: 'org:x', category: 'missing-dataset' }),
    record('INSYN-20260112-CCCC', { target: { ...record('x').target, distribution: { uri: 'd1', title: 'CSV', url: 'https://x.se/a.csv' } }, targetKey: '6_68000#d1', channel: 'eml' }),
  ];

  it('round-trips without loss', () => {
    const parsed = parseImport(exportJson(reports, NOW));
    expect(parsed.skipped).toEqual([]);
    expect(new Map(parsed.reports.map((r) => [r.id, r]))).toEqual(new Map(reports.map((r) => [r.id, r])));
    const merged = mergeReports([], parsed.reports);
    expect(merged.added).toBe(3);
    expect(parseImport(exportJson(merged.merged, NOW)).reports).toEqual(merged.merged);
  });

  it('skips invalid records with a reason and keeps the rest', () => {
    const file = JSON.parse(exportJson(reports, NOW));
    file.reports.push({ id: 'x' }, { ...reports[0], status: 'maybe' }, reports[0]);
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed.reports.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
    expect(parsed.reports).toHaveLength(3);
    expect(parsed.skipped.map((s) => s.index)).toEqual([3, 4, 5]);
    expect(parsed.skipped[2]?.reason).toBe('duplicate id in file');
  });

  it('accepts a bare array; rejects what is not an export', () => {
    expect(parseImport(JSON.stringify([reports[0]])).reports).toHaveLength(1);
    expect(() => parseImport('not json')).toThrow(ImportError);
    expect(() => parseImport('{"format":"other","version":1,"reports":[]}')).toThrow(ImportError);
    expect(() => parseImport(JSON.stringify({ format: 'insyn-reports', version: 99, reports: [] }))).toThrow('newer-version');
  });

  it('merges without duplicates: newer status wins, the same file twice changes nothing', () => {
    const first = mergeReports([], reports);
    const again = mergeReports(first.merged, reports);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(again.merged).toHaveLength(3);
    const answered = { ...reports[0]!, status: 'answered' as const, statusAt: NOW + 1 };
    const older = { ...reports[1]!, status: 'sent' as const, statusAt: 1 };
    const r = mergeReports(first.merged, [answered, older, record('INSYN-20260113-DDDD')]);
    expect(r).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(r.merged.find((x) => x.id === answered.id)?.status).toBe('answered');
    expect(r.merged.find((x) => x.id === older.id)?.status).toBe('fixed');
  });
});

describe('reminders and per-dataset lookup', () => {
  it('reminds about reports still "sent" after N days; 0 turns it off', () => {
    const old = record('INSYN-20260101-AAAA', { sentAt: NOW - 15 * DAY_MS });
    const fresh = record('INSYN-20260130-BBBB', { sentAt: NOW - 2 * DAY_MS });
    const answered = record('INSYN-20260101-CCCC', { sentAt: NOW - 30 * DAY_MS, status: 'answered' });
    expect(dueReminders([old, fresh, answered], NOW, 14).map((r) => r.id)).toEqual([old.id]);
    expect(dueReminders([old, fresh, answered], NOW, 1).map((r) => r.id)).toEqual([fresh.id, old.id]);
    expect(dueReminders([old], NOW, 0)).toEqual([]);
  });

  it('finds reports on a dataset, its distributions included', () => {
    const a = record('INSYN-20260110-AAAA');
    const b = record('INSYN-20260111-BBBB', { targetKey: '6_68000#d1' });
    const c = record('INSYN-20260112-CCCC', { targetKey: '6_1' });
    expect(reportsFor([a, b, c], '6_68000').map((r) => r.id).sort()).toEqual([a.id, b.id]);
  });
});

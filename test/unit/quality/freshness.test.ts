import { describe, expect, it } from 'vitest';
import { freshness, parseDcatDate } from '../../../lib/quality/freshness';
import type { Frequency } from '../../../lib/dcat/types';

const NOW = Date.UTC(2026, 10, 23); // 2026-11-23
const freq = (code: string, days?: number): Frequency => ({
  uri: `http://publications.europa.eu/resource/authority/frequency/${code}`,
  label: {},
  known: true,
  days,
});
const ANNUAL = freq('ANNUAL', 366);
const MONTHLY = freq('MONTHLY', 31);
const DAILY = freq('DAILY', 1);

describe('freshness', () => {
  it.each([
    ['yearly, updated 2 months ago', '2026-09-20', ANNUAL, 'ok'],
    ['yearly, updated 13 months ago (within grace)', '2025-10-20', ANNUAL, 'ok'],
    ['yearly, last updated 26 months ago', '2024-09-23', ANNUAL, 'overdue'],
    ['monthly, 20 days', '2026-11-03', MONTHLY, 'ok'],
    ['monthly, 3 months', '2026-08-20', MONTHLY, 'overdue'],
    ['daily, yesterday', '2026-11-22T08:00:00+01:00', DAILY, 'ok'],
    ['daily, a week ago', '2026-11-16', DAILY, 'overdue'],
    ['continuous', '2020-01-01', freq('CONT'), 'unknown-frequency'],
    ['no frequency', '2020-01-01', undefined, 'unknown-frequency'],
    ['no date, yearly', undefined, ANNUAL, 'no-date'],
    ['garbage date, yearly', 'last spring', ANNUAL, 'no-date'],
    ['year only, this year', '2026', ANNUAL, 'ok'],
  ] as const)('%s → %s', (_name, modified, frequency, state) => {
    expect(freshness(modified, frequency, NOW).state).toBe(state);
  });

  it('says by how much a yearly dataset updated 26 months ago is overdue (about 14 months)', () => {
    const f = freshness('2024-09-23', ANNUAL, NOW);
    expect(f).toMatchObject({ state: 'overdue', overdueMonths: 14 });
  });

  it.each([
    ['2024-11-12', Date.UTC(2024, 10, 12)],
    ['2026-09-21T04:05:52.918+02:00', Date.UTC(2026, 8, 21, 2, 5, 52, 918)],
    ['2019', Date.UTC(2019, 11, 31)],
    ['2019-02', Date.UTC(2019, 1, 28)],
    ['', undefined],
    [undefined, undefined],
  ])('parses %s', (v, want) => {
    expect(parseDcatDate(v)).toBe(want);
  });
});

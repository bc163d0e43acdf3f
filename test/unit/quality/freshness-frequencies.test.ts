// Freshness against every frequency of the EU authority table, including the ones that cannot be
// judged (continuous, irregular, unknown…), and the newest distribution date.
import { describe, expect, it } from 'vitest';
import { frequencyConcept } from '../../../lib/dcat/vocab';
import { freshness, itemFreshness, newestDate } from '../../../lib/quality/freshness';

const NOW = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;
const EU = 'http://publications.europa.eu/resource/authority/frequency/';
const iso = (t: number) => new Date(t).toISOString();

const JUDGED = [
  '1MIN', '5MIN', '10MIN', '15MIN', '30MIN', 'HOURLY', 'BIHOURLY', 'TRIHOURLY', '12HRS', 'DAILY_2', 'DAILY', 'WEEKLY_3',
  'WEEKLY_2', 'WEEKLY', 'BIWEEKLY', 'MONTHLY_3', 'MONTHLY_2', 'MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'ANNUAL_3', 'ANNUAL_2',
  'ANNUAL', 'BIENNIAL', 'TRIENNIAL', 'QUADRENNIAL', 'QUINQUENNIAL', 'DECENNIAL', 'BIDECENNIAL', 'TRIDECENNIAL',
];
const UNJUDGED = ['CONT', 'UPDATE_CONT', 'IRREG', 'AS_NEEDED', 'OTHER', 'UNKNOWN', 'NEVER', 'NOT_PLANNED', 'OP_DATPRO'];

describe('freshness across every EU frequency', () => {
  it.each(JUDGED)('%s: fresh within its interval, overdue well past it', (code) => {
    const f = frequencyConcept(`${EU}${code}`);
    expect(f.known).toBe(true);
    const days = f.days as number;
    expect(days).toBeGreaterThan(0);
    expect(freshness(iso(NOW - Math.floor(days * 0.5 * DAY)), f, NOW).state).toBe('ok');
    const late = freshness(iso(NOW - Math.ceil((days * 1.25 + 95) * DAY)), f, NOW);
    expect(late.state).toBe('overdue');
  });

  it.each(UNJUDGED)('%s: freshness unknown, said not guessed', (code) => {
    const f = frequencyConcept(`${EU}${code}`);
    expect(f.known).toBe(true);
    expect(f.days).toBeUndefined();
    expect(freshness('2001-01-01', f, NOW)).toMatchObject({ state: 'unknown-frequency', last: '2001-01-01' });
    expect(freshness(undefined, f, NOW).state).toBe('unknown-frequency');
  });

  it('an unknown frequency URI is unknown too', () => {
    const f = frequencyConcept('https://example.se/varje-sommar');
    expect(f.known).toBe(false);
    expect(freshness('2001-01-01', f, NOW).state).toBe('unknown-frequency');
  });

  it('https and Dublin Core spellings are judged like the EU ones', () => {
    expect(frequencyConcept('https://publications.europa.eu/resource/authority/frequency/ANNUAL').days).toBe(366);
    expect(frequencyConcept('http://purl.org/cld/freq/annual').days).toBe(366);
  });
});

describe('newest distribution date', () => {
  const annual = frequencyConcept(`${EU}ANNUAL`);
  it('a new yearly file keeps the dataset fresh even if the dataset date is old', () => {
    const item = { modified: '2024-01-01', frequency: annual, distributions: [{ modified: '2026-03-01' }, { issued: '2025-02-01' }] };
    expect(newestDate(item)).toBe('2026-03-01');
    expect(itemFreshness(item, NOW).state).toBe('ok');
    expect(itemFreshness({ modified: '2024-01-01', frequency: annual }, NOW)).toMatchObject({ state: 'overdue', overdueMonths: 23 });
  });
  it('ignores unparseable dates', () => {
    expect(newestDate({ modified: 'förra våren', distributions: [{ modified: 'x' }] })).toBeUndefined();
  });
});

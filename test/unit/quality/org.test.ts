import { describe, expect, it } from 'vitest';
import { orgHealth, scoreAll } from '../../../lib/quality/org';
import { licenceFor } from '../../../lib/dcat/vocab';
import { detail, summary } from './fixtures';

const NOW = Date.UTC(2026, 10, 23);
const CC_BY = licenceFor('http://creativecommons.org/licenses/by/4.0/');
const NC = licenceFor('http://creativecommons.org/licenses/by-nc/4.0/');

describe('organisation health', () => {
  const items = [
    summary({ entryId: '1' }), // CC0, yearly, updated 2026-06 → up to date
    summary({ entryId: '2', licences: [CC_BY], modified: '2024-01-01' }), // open, overdue
    summary({ entryId: '3', licences: [NC], frequency: undefined }), // restrictive, unknown frequency
    summary({ entryId: '4', licences: [], keywords: { sv: [], en: [], any: [] }, themes: [] }), // no licence
  ];

  it('counts bands, licences, freshness and the most common gaps over list rows', () => {
    const h = orgHealth(scoreAll(items), NOW);
    expect(h.total).toBe(4);
    expect(h.basis).toBe('summary');
    expect(h.openLicence).toBe(2);
    expect(h.cc0).toBe(1);
    expect(h.noLicence).toBe(1);
    expect(h.upToDate).toBe(2);
    expect(h.overdue).toBe(1);
    expect(h.freshnessUnknown).toBe(1);
    expect(h.withContact).toEqual({ n: 0, of: 0 });
    expect(h.estimated).toBe(4);
    expect(Object.values(h.bands).reduce((a, b) => a + b, 0)).toBe(4);
    expect(h.commonGaps.map((g) => g.key)).toEqual(['keywords', 'licence', 'themes']);
    expect(h.averageRatio).toBeGreaterThan(0.5);
    expect(h.averageRatio).toBeLessThan(1);
  });

  it('counts contact points on full records only, and says on how many', () => {
    const h = orgHealth(scoreAll([detail(), detail({ entryId: '2', contactPoints: [] }), summary({ entryId: '3' })]), NOW);
    expect(h.basis).toBe('mixed');
    expect(h.withContact).toEqual({ n: 1, of: 2 });
    expect(h.commonGaps[0]).toEqual({ key: 'contactPoint', count: 1 });
  });

  it('an empty organisation is all zeros', () => {
    const h = orgHealth([], NOW);
    expect(h).toMatchObject({ total: 0, averageRatio: 0, commonGaps: [] });
  });
});

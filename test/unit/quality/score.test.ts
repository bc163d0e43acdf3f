import { describe, expect, it } from 'vitest';
import { bandOf, compareWorstFirst, INDICATORS, linkTargets, MAX_SCORE, scoreItem, type IndicatorId, type QualityScore } from '../../../lib/quality/score';
import { accessRightConcept, licenceFor } from '../../../lib/dcat/vocab';
import type { ItemDetail } from '../../../lib/dcat/types';
import { broken, detail, dist, links, summary } from './fixtures';

const EU = 'http://publications.europa.eu/resource/authority/';

function ind(s: QualityScore, id: IndicatorId) {
  const r = s.indicators.find((i) => i.id === id);
  if (!r) throw new Error(`no ${id}`);
  return r;
}

function full(item: ItemDetail): QualityScore {
  return scoreItem(item, { links: links(item) });
}

describe('indicator table', () => {
  it('has 23 indicators over 5 dimensions worth 405 points, as the MQA', () => {
    expect(INDICATORS).toHaveLength(23);
    expect(INDICATORS.reduce((s, i) => s + i.points, 0)).toBe(405);
    const per = (d: string) => INDICATORS.filter((i) => i.dimension === d).reduce((s, i) => s + i.points, 0);
    expect([per('findability'), per('accessibility'), per('interoperability'), per('reusability'), per('contextuality')]).toEqual([100, 100, 110, 75, 20]);
  });
});

describe('bands', () => {
  it.each([
    [0, 'bad'],
    [120, 'bad'],
    [121, 'sufficient'],
    [220, 'sufficient'],
    [221, 'good'],
    [350, 'good'],
    [351, 'excellent'],
    [405, 'excellent'],
  ] as const)('%i points → %s', (p, band) => {
    expect(bandOf(p)).toBe(band);
  });

  it('a full record with every link checked scores its real band, not an estimate', () => {
    const s = full(detail());
    expect(s).toMatchObject({ achieved: 405, checkable: 405, projected: 405, band: 'excellent', complete: true, linksChecked: true, basis: 'detail' });
    expect(s.gaps).toEqual([]);
  });

  it('records on the 350/351 edge fall in Good and Excellent', () => {
    // Spatial, temporal, issued, modified missing: 405 − 50 = 355; then rights on all 3 (−5) → 350,
    // or byte size and rights on 1 of 3 distributions (5 × 2/3 rounds to 3: −2 each) → 351.
    const lessDated = { spatial: [], temporal: [], issued: undefined, modified: undefined };
    const s350 = full(detail({ ...lessDated, distributions: [dist(1, { rights: undefined }), dist(2, { rights: undefined }), dist(3, { rights: undefined })] }));
    expect([s350.achieved, s350.band]).toEqual([350, 'good']);
    const s351 = full(detail({ ...lessDated, distributions: [dist(1, { rights: undefined, byteSize: undefined }), dist(2), dist(3)] }));
    expect([s351.achieved, s351.band]).toEqual([351, 'excellent']);
  });
});

describe('each indicator on a table of records', () => {
  const base = detail();
  const cases: Array<[string, Partial<ItemDetail>, IndicatorId, number]> = [
    ['no keywords', { keywords: { sv: [], en: [], any: [] } }, 'keywords', 0],
    ['keywords only untagged', { keywords: { sv: [], en: [], any: ['NVDB'] } }, 'keywords', 30],
    ['no themes', { themes: [] }, 'themes', 0],
    ['no spatial', { spatial: [] }, 'spatial', 0],
    ['no temporal', { temporal: [] }, 'temporal', 0],
    ['no contact point', { contactPoints: [] }, 'contactPoint', 0],
    ['no publisher', { publisherUri: undefined }, 'publisher', 0],
    ['no issued', { issued: undefined }, 'issued', 0],
    ['no modified', { modified: undefined }, 'modified', 0],
    ['no access rights', { accessRights: undefined }, 'accessRights', 0],
    ['access rights, https variant of the EU URI', { accessRights: accessRightConcept('https://publications.europa.eu/resource/authority/access-right/PUBLIC') }, 'accessRightsVocabulary', 5],
    ['access rights not from a vocabulary', { accessRights: accessRightConcept('https://example.se/oppen') }, 'accessRightsVocabulary', 0],
    ['no licence on the distribution', { distributions: [dist(1, { licence: undefined })] }, 'licence', 0],
    ['licence https CC0', { distributions: [dist(1, { licence: licenceFor('https://creativecommons.org/publicdomain/zero/1.0/') })] }, 'licenceVocabulary', 10],
    ['licence from the EU table', { distributions: [dist(1, { licence: licenceFor(`${EU}licence/CC_BY_4_0`) })] }, 'licenceVocabulary', 10],
    ['licence not recognised', { distributions: [dist(1, { licence: licenceFor('https://example.se/vara-villkor') })] }, 'licenceVocabulary', 0],
    ['no download URL', { distributions: [dist(1, { downloadUrls: [] })] }, 'downloadUrlGiven', 0],
    ['no format at all', { distributions: [dist(1, { format: undefined, formatLabel: undefined, mediaType: undefined })] }, 'format', 0],
    ['format as a media type only', { distributions: [dist(1, { format: 'text/csv', mediaType: undefined })] }, 'mediaType', 10],
    ['format as free text', { distributions: [dist(1, { format: 'Excel-fil', formatLabel: undefined, mediaType: undefined })] }, 'formatVocabulary', 0],
    ['format from the EU file types (https)', { distributions: [dist(1, { format: `https://publications.europa.eu/resource/authority/file-type/CSV`, mediaType: undefined })] }, 'formatVocabulary', 10],
    ['media type from IANA URI', { distributions: [dist(1, { format: undefined, mediaType: 'https://www.iana.org/assignments/media-types/text/csv' })] }, 'formatVocabulary', 10],
    ['no media type', { distributions: [dist(1, { format: `${EU}file-type/CSV`, mediaType: undefined })] }, 'mediaType', 0],
    ['XLSX is proprietary', { distributions: [dist(1, { format: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', formatLabel: 'XLSX', mediaType: undefined })] }, 'nonProprietary', 0],
    ['XLSX is machine-readable', { distributions: [dist(1, { formatLabel: 'XLSX' })] }, 'machineReadable', 20],
    ['PDF is not machine-readable', { distributions: [dist(1, { format: 'application/pdf', formatLabel: 'PDF', mediaType: undefined })] }, 'machineReadable', 0],
    ['PDF is non-proprietary', { distributions: [dist(1, { formatLabel: 'PDF' })] }, 'nonProprietary', 20],
    ['no rights', { distributions: [dist(1, { rights: undefined })] }, 'rights', 0],
    ['no byte size', { distributions: [dist(1, { byteSize: undefined })] }, 'byteSize', 0],
    ['byte size 0 is stated', { distributions: [dist(1, { byteSize: 0 })] }, 'byteSize', 5],
    ['no description breaks DCAT-AP', { description: {} }, 'dcatAp', 0],
    ['a distribution without access URL breaks DCAT-AP', { distributions: [dist(1, { accessUrl: undefined })] }, 'dcatAp', 0],
    ['unreadable parts break DCAT-AP', { skipped: [{ node: '_:x', reason: 'bad date' }] }, 'dcatAp', 0],
  ];
  it.each(cases)('%s', (_name, over, id, points) => {
    const item = { ...base, ...over };
    const s = full(item);
    expect(ind(s, id)).toMatchObject({ checked: true, points });
    if (points === 0) expect(s.gaps.some((g) => g.key === id)).toBe(true);
  });

  it('distribution-level indicators score in proportion: licence on 1 of 3 distributions', () => {
    const item = detail({ distributions: [dist(1), dist(2, { licence: undefined }), dist(3, { licence: undefined })] });
    const s = full(item);
    expect(ind(s, 'licence')).toMatchObject({ points: 7, met: 1, of: 3 });
    expect(s.gaps.find((g) => g.key === 'licence')).toEqual({ key: 'licence', n: 2, total: 3 });
  });

  it('a record with no distributions says so once', () => {
    const s = full(detail({ distributions: [] }));
    expect(s.gaps.filter((g) => g.key === 'noDistributions')).toHaveLength(1);
    expect(s.gaps.some((g) => g.key === 'licence')).toBe(false);
    expect(ind(s, 'licence')).toMatchObject({ checked: true, points: 0 });
    expect(s.complete).toBe(true);
  });

  it('a data service is scored on its endpoint', () => {
    const item = detail({ kind: 'dataservice', distributions: [], endpointUrls: ['https://api.example.se/v1'], formats: ['JSON'] });
    expect(linkTargets(item)).toEqual(['https://api.example.se/v1']);
    const s = scoreItem(item, { links: new Map([['https://api.example.se/v1', { url: 'https://api.example.se/v1', ok: true, status: 200, checkedAt: 0 }]]) });
    expect(ind(s, 'accessUrlAnswers')).toMatchObject({ checked: true, points: 50 });
    expect(ind(s, 'licence').points).toBe(20);
    expect(ind(s, 'downloadUrlGiven').points).toBe(0);
  });
});

describe('link indicators', () => {
  it('are not checked until a link check ran, and the score says so honestly', () => {
    const s = scoreItem(detail());
    expect(ind(s, 'accessUrlAnswers')).toMatchObject({ checked: false, notChecked: 'needs-link-check', points: 0 });
    expect(ind(s, 'downloadUrlAnswers')).toMatchObject({ checked: false, notChecked: 'needs-link-check' });
    expect(s).toMatchObject({ achieved: 325, checkable: 325, projected: 405, complete: false, linksChecked: false });
    expect(s.bandRange).toEqual({ low: 'good', high: 'excellent' });
  });

  it('a broken download link costs its share and is named with its status code', () => {
    const item = detail({ distributions: [dist(1), dist(2)] });
    const url = 'https://data.example.se/download/2.csv';
    const s = scoreItem(item, { links: links(item, { [url]: broken(url, 404) }) });
    expect(ind(s, 'downloadUrlAnswers')).toMatchObject({ checked: true, points: 15, met: 1, of: 2 });
    expect(s.gaps.find((g) => g.key === 'downloadUrlAnswers')).toEqual({ key: 'downloadUrlAnswers', n: 1, total: 2, values: ['404'] });
  });

  it('a timed-out access link counts as not answering', () => {
    const item = detail();
    const url = 'https://data.example.se/access/1';
    const s = scoreItem(item, { links: links(item, { [url]: { url, ok: false, error: 'timeout', checkedAt: 0 } }) });
    expect(ind(s, 'accessUrlAnswers').points).toBe(0);
    expect(s.gaps.find((g) => g.key === 'accessUrlAnswers')?.values).toEqual(['timeout']);
  });

  it('partial results (a URL not checked) leave the indicator not checked', () => {
    const item = detail({ distributions: [dist(1), dist(2)] });
    const m = links(item);
    m.delete('https://data.example.se/access/2');
    expect(ind(scoreItem(item, { links: m }), 'accessUrlAnswers').checked).toBe(false);
  });
});

describe('summary score (list row)', () => {
  it('judges only what the row has and marks the rest "needs detail"', () => {
    const s = scoreItem(summary());
    expect(s.basis).toBe('summary');
    expect(s.checkable).toBe(185);
    expect(s.achieved).toBe(185);
    const notChecked = s.indicators.filter((i) => !i.checked).map((i) => i.id).sort();
    expect(notChecked).toEqual(
      ['accessUrlAnswers', 'byteSize', 'contactPoint', 'dcatAp', 'downloadUrlAnswers', 'downloadUrlGiven', 'formatVocabulary', 'mediaType', 'rights', 'spatial', 'temporal'].sort(),
    );
    expect(s.indicators.filter((i) => !i.checked).every((i) => i.notChecked === 'needs-detail')).toBe(true);
    expect(s.complete).toBe(false);
  });

  it('a bare row scores low and names its gaps', () => {
    const s = scoreItem(summary({ keywords: { sv: [], en: [], any: [] }, themes: [], licences: [], formats: ['PDF'], accessRights: undefined }));
    expect(s.achieved).toBe(185 - 30 - 30 - 30 - 15 - 20);
    expect(s.gaps.map((g) => g.key)).toEqual(['keywords', 'themes', 'machineReadable', 'licence', 'accessRights']);
  });

  it('orders worst first by share of checked points', () => {
    const good = scoreItem(summary());
    const bad = scoreItem(summary({ licences: [], themes: [] }));
    expect([good, bad].sort(compareWorstFirst)[0]).toBe(bad);
  });

  it('max is always 405', () => {
    expect(scoreItem(summary()).max).toBe(MAX_SCORE);
  });
});

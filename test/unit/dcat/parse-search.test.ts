import { describe, it, expect } from 'vitest';
import { parseFacet, parseSearchResponse } from '../../../lib/dcat/parse';
import { ItemSummary, SearchPage } from '../../../lib/dcat/types';
import { B, L, NS, U, envelope, fixture, searchChild } from './helpers';

function page(json: unknown): SearchPage {
  const r = parseSearchResponse(json);
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  return r.page;
}

describe('parseSearchResponse: Skatteverket page', () => {
  const p = page(fixture('search-skatteverket.json'));
  const [testpnr, skattesats, api] = p.items;

  it('keeps paging numbers and every hit', () => {
    expect(p).toMatchObject({ total: 3, offset: 0, limit: 20 });
    expect(p.items.map((i) => `${i.contextId}/${i.entryId}`)).toEqual(['6/67959', '6/68000', '6/70110']);
    expect(p.skipped).toEqual([]);
  });

  it('takes the resource URI from the entry info, and registryModified from info dcterms:modified', () => {
    expect(testpnr?.uri).toBe('https://skatteverket.entryscape.net/store/9/resource/154');
    expect(testpnr?.registryModified).toBe('2026-09-20T04:11:03.004+02:00');
  });

  it('reads texts, licence, frequency, formats and themes of a dataset', () => {
    expect(testpnr).toMatchObject({
      kind: 'dataset',
      title: { sv: 'Testpersonnummer', en: 'Test personal identity numbers' },
      publisherUri: 'http://dataportal.se/organisation/SE2021005448',
      formats: ['CSV', 'JSON'],
      modified: '2025-01-15',
      issued: '2017-05-30',
      isApi: false,
    });
    expect(testpnr?.licences.map((l) => [l.kind, l.label.en])).toEqual([['cc0', 'CC0 1.0']]);
    expect(testpnr?.frequency).toMatchObject({ known: true, label: { en: 'Irregular' } });
    expect(testpnr?.frequency?.days).toBeUndefined();
    expect(testpnr?.themes.map((t) => t.label.sv)).toEqual(['Regeringen och den offentliga sektorn']);
    expect(testpnr?.keywords).toEqual({ sv: ['testpersonnummer', 'personnummer'], en: ['test'], any: [] });
  });

  it('labels EU file-type URIs and long media types in formats', () => {
    expect(skattesats?.formats).toEqual(['CSV', 'JSON', 'XLSX']);
  });

  it('marks a dataset typed ServedByDataService as an API', () => {
    expect(skattesats).toMatchObject({ kind: 'dataset', isApi: true });
  });

  it('reads an IndependentDataService as a data service and an API', () => {
    expect(api).toMatchObject({ kind: 'dataservice', isApi: true });
    expect(api?.licences[0]).toMatchObject({ uri: 'http://publications.europa.eu/resource/authority/licence/CC0', kind: 'cc0' });
  });

  it('returns values that pass the view-object schemas', () => {
    expect(SearchPage.safeParse(p).success).toBe(true);
    for (const item of p.items) expect(ItemSummary.safeParse(item).success).toBe(true);
  });
});

describe('parseSearchResponse: malformed hits among good ones', () => {
  const p = page(fixture('search-mixed.json'));
  const byEntry = new Map(p.items.map((i) => [i.entryId, i]));

  it('keeps the good hits, in order', () => {
    expect(p.items.map((i) => i.entryId)).toEqual(['18233', '87', '91']);
    expect(p).toMatchObject({ total: 57, offset: 14, limit: 7 });
  });

  it('skips each broken hit with a reason naming it', () => {
    const reasons = new Map(p.skipped.map((s) => [s.node, s.reason]));
    expect(reasons.get('children[1]')).toMatch(/malformed search hit/);
    expect(reasons.get('2/95')).toMatch(/no http:\/\/entrystore.org\/terms\/resource/);
    expect(reasons.get('2/89')).toMatch(/metadata/);
    expect(reasons.get('6/18300')).toMatch(/not a dcat:Dataset/);
  });

  it('does not guess the resource from metadata keys when info lacks it', () => {
    expect(byEntry.has('95')).toBe(false);
  });

  it('drops wrongly typed values but keeps the rest of the hit', () => {
    const rs2 = byEntry.get('91');
    expect(rs2?.title).toEqual({ en: 'Waiting times in specialist care' });
    expect(rs2?.keywords).toEqual({ sv: [], en: [], any: [] });
    expect(rs2?.licences.map((l) => [l.label.en, l.kind])).toEqual([['CC BY-NC 4.0', 'restrictive']]);
    const bad = p.skipped.filter((s) => s.node === 'https://dataportal.regionstockholm.se/store/2/resource/91');
    expect(bad.map((s) => s.reason).join('\n')).toMatch(/title\[0\]: invalid term/);
    expect(bad.map((s) => s.reason).join('\n')).toMatch(/license\[0\]: invalid term/);
    expect(bad.map((s) => s.reason).join('\n')).toMatch(/keyword: values must be an array/);
  });

  it('labels an unknown frequency from its URI', () => {
    expect(byEntry.get('91')?.frequency).toEqual({
      uri: 'http://publications.europa.eu/resource/authority/frequency/EVERY_FULL_MOON',
      label: { any: 'EVERY_FULL_MOON' },
      known: false,
    });
  });

  it('normalises https, www, trailing slash and legalcode.sv for known vocabularies', () => {
    const rs = byEntry.get('87');
    expect(rs?.licences[0]).toMatchObject({ kind: 'open', label: { en: 'CC BY 4.0' } });
    expect(rs?.licences[0]?.uri).toBe('https://www.creativecommons.org/licenses/by/4.0/legalcode.sv');
    expect(rs?.frequency).toMatchObject({ known: true, days: 31 });
    expect(rs?.formats).toEqual(['CSV']);
  });

  it('keeps HTML in descriptions as raw text', () => {
    expect(byEntry.get('87')?.description.sv).toContain('<b>listningsstatus</b>');
  });

  it('labels GeoJSON and WFS media types', () => {
    expect(byEntry.get('18233')?.formats).toEqual(['GeoJSON', 'WFS']);
  });
});

describe('parseSearchResponse: sizes and envelopes', () => {
  it('parses 0 results', () => {
    expect(page(fixture('search-empty.json'))).toEqual({ total: 0, offset: 0, limit: 20, items: [], skipped: [] });
  });

  it('parses a count-only response without resource', () => {
    expect(page({ offset: 0, limit: 0, results: 812 })).toMatchObject({ total: 812, items: [] });
  });

  it('parses a full page of 100 results', () => {
    const children = Array.from({ length: 100 }, (_, i) => {
      const uri = `https://catalog.goteborg.se/store/6/resource/${30000 + i}`;
      return searchChild('6', String(30000 + i), uri, {
        [uri]: {
          [NS.type]: [U(i % 10 === 0 ? NS.DataService : NS.Dataset)],
          [NS.title]: [L(`Datamängd ${i}`, 'sv')],
          [NS.publisher]: [U('http://dataportal.se/organisation/SE2120001355')],
          [NS.license]: [U('http://creativecommons.org/publicdomain/zero/1.0/')],
          [NS.format]: [L('text/csv')],
        },
      });
    });
    const p = page(envelope(children, 4130, 100, 200));
    expect(p.items).toHaveLength(100);
    expect(p.skipped).toEqual([]);
    expect(p).toMatchObject({ total: 4130, offset: 200, limit: 100 });
    expect(p.items.filter((i) => i.kind === 'dataservice')).toHaveLength(10);
    expect(p.items[99]?.title.sv).toBe('Datamängd 99');
  });

  it.each([
    ['null', null],
    ['a string', '<html>Service Unavailable</html>'],
    ['an array', []],
    ['an error body', { error: 'Query too short' }],
    ['results as a string', { results: '12', resource: { children: [] } }],
    ['children not an array', { results: 1, resource: { children: {} } }],
  ])('rejects %s with a reason', (_name, json) => {
    const r = parseSearchResponse(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not a search response/);
  });

  it('accepts numeric ids but rejects ids that are not path-safe', () => {
    const uri = 'https://example.se/ds/1';
    const md = { [uri]: { [NS.type]: [U(NS.Dataset)], [NS.title]: [L('A')] } };
    const numeric = { ...(searchChild('6', '1', uri, md) as Record<string, unknown>), contextId: 6, entryId: 1 };
    const evil = { ...(searchChild('6', '1', uri, md) as Record<string, unknown>), entryId: '../../_principals' };
    const p = page(envelope([numeric, evil]));
    expect(p.items.map((i) => `${i.contextId}/${i.entryId}`)).toEqual(['6/1']);
    expect(p.skipped).toHaveLength(1);
  });

  it('uses distributions present in a hit for licences, formats and the API marker', () => {
    const uri = 'https://example.se/ds/2';
    const dist = 'https://example.se/ds/2/dist';
    const md = {
      [uri]: { [NS.type]: [U(NS.Dataset)], [NS.distribution]: [U(dist)] },
      [dist]: {
        [NS.type]: [U(NS.Distribution)],
        [NS.format]: [L('application/json')],
        [NS.license]: [U('http://opendatacommons.org/licenses/odbl/1.0/')],
        [NS.accessService]: [U('https://example.se/api')],
      },
    };
    const [item] = page(envelope([searchChild('9', '2', uri, md)])).items;
    expect(item).toMatchObject({ formats: ['JSON'], isApi: true });
    expect(item?.licences.map((l) => l.label.en)).toEqual(['ODbL 1.0']);
  });

  it('marks a dataset with servedByDataService (without the type) as an API', () => {
    const uri = 'https://example.se/ds/3';
    const md = { [uri]: { [NS.type]: [U(NS.Dataset)], [NS.servedBy]: [U('https://example.se/api/3')] } };
    expect(page(envelope([searchChild('9', '3', uri, md)])).items[0]?.isApi).toBe(true);
  });

  it('reads a dataset series', () => {
    const uri = 'https://example.se/series/1';
    const md = { [uri]: { [NS.type]: [U(NS.DatasetSeries), U(NS.Dataset)], [NS.temporal]: [B('_:t')] } };
    expect(page(envelope([searchChild('9', '4', uri, md)])).items[0]).toMatchObject({ kind: 'series', isApi: false, title: {} });
  });
});

describe('parseFacet', () => {
  const json = fixture('facet-publishers.json');

  it('returns publisher URIs with counts, skipping malformed values', () => {
    expect(parseFacet(json, 'metadata.predicate.uri.9259d4c1')).toEqual([
      { uri: 'http://dataportal.se/organisation/SE2021000837', count: 4315 },
      { uri: 'http://dataportal.se/organisation/SE2021006297', count: 1162 },
      { uri: 'http://dataportal.se/organisation/SE2120001355', count: 512 },
      { uri: 'http://dataportal.se/organisation/SE2021005448', count: 38 },
      { uri: 'https://admin.dataportal.se/store/43/resource/7', count: 21 },
    ]);
  });

  it('reads another field by name', () => {
    expect(parseFacet(json, 'metadata.predicate.uri.3494e2ce')).toHaveLength(2);
  });

  it.each([
    ['an unknown field', json, 'metadata.predicate.uri.ffffffff'],
    ['no facetFields', { results: 0 }, 'metadata.predicate.uri.9259d4c1'],
    ['garbage', 'nope', 'metadata.predicate.uri.9259d4c1'],
    ['facetFields of the wrong shape', { facetFields: [{ name: 'metadata.predicate.uri.9259d4c1', values: 'x' }] }, 'metadata.predicate.uri.9259d4c1'],
  ])('returns [] for %s', (_name, input, field) => {
    expect(parseFacet(input, field)).toEqual([]);
  });
});

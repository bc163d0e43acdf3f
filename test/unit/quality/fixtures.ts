// Records for the quality tests: one that meets every indicator, and small edits of it.
import type { Distribution, ItemDetail, ItemSummary } from '../../../lib/dcat/types';
import { accessRightConcept, frequencyConcept, licenceFor, themeConcept } from '../../../lib/dcat/vocab';
import type { LinkStatus } from '../../../lib/quality/linkcheck';

const EU = 'http://publications.europa.eu/resource/authority/';

export function dist(n: number, over: Partial<Distribution> = {}): Distribution {
  return {
    uri: `https://example.se/dist/${n}`,
    title: { sv: `Fil ${n}` },
    description: {},
    accessUrl: `https://data.example.se/access/${n}`,
    downloadUrls: [`https://data.example.se/download/${n}.csv`],
    format: `${EU}file-type/CSV`,
    formatLabel: 'CSV',
    mediaType: 'text/csv',
    rights: 'https://example.se/rights',
    licence: licenceFor('http://creativecommons.org/publicdomain/zero/1.0/'),
    byteSize: 1234,
    accessServiceUris: [],
    conformsTo: [],
    ...over,
  };
}

export function summary(over: Partial<ItemSummary> = {}): ItemSummary {
  return {
    kind: 'dataset',
    contextId: '6',
    entryId: '1',
    uri: 'https://example.se/dataset/1',
    title: { sv: 'Badplatser' },
    description: { sv: 'Kommunens badplatser.' },
    publisherUri: 'http://dataportal.se/organisation/SE2120001355',
    licences: [licenceFor('http://creativecommons.org/publicdomain/zero/1.0/')],
    formats: ['CSV'],
    accessRights: accessRightConcept(`${EU}access-right/PUBLIC`),
    frequency: frequencyConcept(`${EU}frequency/ANNUAL`),
    modified: '2026-06-01',
    issued: '2020-01-01',
    themes: [themeConcept(`${EU}data-theme/ENVI`)],
    keywords: { sv: ['bad'], en: [], any: [] },
    isApi: false,
    ...over,
  };
}

export function detail(over: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...summary(),
    landingPages: [],
    documentation: [],
    contactPoints: [{ name: 'Öppna data', email: 'data@example.se' }],
    distributions: [dist(1)],
    temporal: [{ start: '2020-01-01' }],
    spatial: [{ uri: 'http://publications.europa.eu/resource/authority/place/SWE_GOT' }],
    conformsTo: [],
    inSeries: [],
    endpointUrls: [],
    endpointDescriptions: [],
    servesDatasets: [],
    skipped: [],
    ...over,
  };
}

export function ok(url: string): LinkStatus {
  return { url, ok: true, status: 200, method: 'HEAD', checkedAt: 0 };
}

export function broken(url: string, status = 404): LinkStatus {
  return { url, ok: false, status, method: 'GET', checkedAt: 0 };
}

/** Every link of the record answering (or the given ones failing). */
export function links(item: ItemDetail, failing: Record<string, LinkStatus> = {}): Map<string, LinkStatus> {
  const m = new Map<string, LinkStatus>();
  for (const d of item.distributions) {
    for (const u of [d.accessUrl, ...d.downloadUrls]) if (u) m.set(u, failing[u] ?? ok(u));
  }
  return m;
}

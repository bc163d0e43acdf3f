// Fixture loading and RDF/JSON builders shared by the dcat tests.
import { readFileSync } from 'node:fs';

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/registry/${name}`, import.meta.url), 'utf8')) as unknown;
}

export type Term = { type: 'uri' | 'literal' | 'bnode'; value: string; lang?: string; datatype?: string };

export const U = (value: string): Term => ({ type: 'uri', value });
export const L = (value: string, lang?: string): Term => (lang === undefined ? { type: 'literal', value } : { type: 'literal', value, lang });
export const B = (value: string): Term => ({ type: 'bnode', value });

export const NS = {
  type: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
  title: 'http://purl.org/dc/terms/title',
  description: 'http://purl.org/dc/terms/description',
  publisher: 'http://purl.org/dc/terms/publisher',
  license: 'http://purl.org/dc/terms/license',
  format: 'http://purl.org/dc/terms/format',
  identifier: 'http://purl.org/dc/terms/identifier',
  temporal: 'http://purl.org/dc/terms/temporal',
  spatial: 'http://purl.org/dc/terms/spatial',
  frequency: 'http://purl.org/dc/terms/accrualPeriodicity',
  Dataset: 'http://www.w3.org/ns/dcat#Dataset',
  DataService: 'http://www.w3.org/ns/dcat#DataService',
  DatasetSeries: 'http://www.w3.org/ns/dcat#DatasetSeries',
  Distribution: 'http://www.w3.org/ns/dcat#Distribution',
  distribution: 'http://www.w3.org/ns/dcat#distribution',
  contactPoint: 'http://www.w3.org/ns/dcat#contactPoint',
  downloadURL: 'http://www.w3.org/ns/dcat#downloadURL',
  accessURL: 'http://www.w3.org/ns/dcat#accessURL',
  accessService: 'http://www.w3.org/ns/dcat#accessService',
  endpointURL: 'http://www.w3.org/ns/dcat#endpointURL',
  endpointDescription: 'http://www.w3.org/ns/dcat#endpointDescription',
  startDate: 'http://www.w3.org/ns/dcat#startDate',
  keyword: 'http://www.w3.org/ns/dcat#keyword',
  fn: 'http://www.w3.org/2006/vcard/ns#fn',
  hasEmail: 'http://www.w3.org/2006/vcard/ns#hasEmail',
  hasTelephone: 'http://www.w3.org/2006/vcard/ns#hasTelephone',
  hasValue: 'http://www.w3.org/2006/vcard/ns#hasValue',
  hasURL: 'http://www.w3.org/2006/vcard/ns#hasURL',
  foafName: 'http://xmlns.com/foaf/0.1/name',
  Agent: 'http://xmlns.com/foaf/0.1/Agent',
  servedBy: 'http://entryscape.com/terms/servedByDataService',
  ServedBy: 'http://entryscape.com/terms/ServedByDataService',
  Independent: 'http://entryscape.com/terms/IndependentDataService',
  resource: 'http://entrystore.org/terms/resource',
  modified: 'http://purl.org/dc/terms/modified',
} as const;

/** A search hit in the EntryStore envelope shape, for generated pages. */
export function searchChild(contextId: string, entryId: string, uri: string, metadata: Record<string, Record<string, Term[]>>): unknown {
  return {
    contextId,
    entryId,
    rights: ['readmetadata', 'readresource'],
    relations: {},
    info: {
      [`https://admin.dataportal.se/store/${contextId}/entry/${entryId}`]: {
        [NS.resource]: [U(uri)],
        [NS.modified]: [{ type: 'literal', value: '2026-09-21T04:00:00.000+02:00', datatype: 'http://www.w3.org/2001/XMLSchema#dateTime' }],
        [NS.type]: [U('http://entrystore.org/terms/Link')],
      },
    },
    metadata,
  };
}

export function envelope(children: unknown[], results = children.length, limit = 100, offset = 0): unknown {
  return { offset, limit, results, resource: { children }, facetFields: [] };
}

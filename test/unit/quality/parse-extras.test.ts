// The two distribution facts the score needs that the parser keeps apart from the format:
// dcat:mediaType and dcterms:rights.
import { describe, expect, it } from 'vitest';
import { parseItemGraph } from '../../../lib/dcat/parse';

const DS = 'https://example.se/ds/1';
const D1 = 'https://example.se/dist/1';
const D2 = 'https://example.se/dist/2';
const uri = (value: string) => ({ type: 'uri', value });
const lit = (value: string) => ({ type: 'literal', value });

const graph = {
  [DS]: {
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#type': [uri('http://www.w3.org/ns/dcat#Dataset')],
    'http://purl.org/dc/terms/title': [lit('Test')],
    'http://www.w3.org/ns/dcat#distribution': [uri(D1), uri(D2)],
  },
  [D1]: {
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#type': [uri('http://www.w3.org/ns/dcat#Distribution')],
    'http://www.w3.org/ns/dcat#accessURL': [uri('https://example.se/a.csv')],
    'http://purl.org/dc/terms/format': [uri('http://publications.europa.eu/resource/authority/file-type/CSV')],
    'http://www.w3.org/ns/dcat#mediaType': [uri('https://www.iana.org/assignments/media-types/text/csv')],
    'http://purl.org/dc/terms/rights': [{ type: 'bnode', value: '_:r' }],
  },
  '_:r': { 'http://www.w3.org/2000/01/rdf-schema#label': [{ type: 'literal', value: 'Fri användning', lang: 'sv' }] },
  [D2]: {
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#type': [uri('http://www.w3.org/ns/dcat#Distribution')],
    'http://www.w3.org/ns/dcat#accessURL': [uri('https://example.se/b')],
    'http://purl.org/dc/terms/format': [lit('text/csv')],
  },
};

describe('distribution media type and rights', () => {
  it('keeps dcat:mediaType apart from dct:format, and the rights statement', () => {
    const r = parseItemGraph(graph, { contextId: '1', entryId: '1', uri: DS });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, b] = r.item.distributions;
    expect(a).toMatchObject({
      format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
      mediaType: 'https://www.iana.org/assignments/media-types/text/csv',
      rights: 'Fri användning',
      formatLabel: 'CSV',
    });
    expect(b?.mediaType).toBeUndefined();
    expect(b?.rights).toBeUndefined();
    expect(b?.format).toBe('text/csv');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  nextOffset,
  normaliseOrgNumber,
  organisationPortalUrl,
  portalUrl,
  publisherFacetPath,
  publisherItemsPath,
  publisherSearchPath,
  publisherUri,
  resourceLookupPath,
} from '../../../lib/registry/client';
import { RegistryError } from '../../../lib/registry/errors';
import {
  buildSearchPath,
  clampLimit,
  encodeValue,
  escapeSolrText,
  exactTerm,
  FIELD,
  hasAny,
  not,
  PREDICATE_HASH,
  PREDICATE_URI,
  PRIVATE_INDIVIDUAL,
  RDF_TYPE,
  rdfTypeTerm,
  sortParam,
  textTerm,
} from '../../../lib/registry/solr';

const BASE = 'https://admin.dataportal.se/store';
const TRV = 'http://dataportal.se/organisation/SE2021006297';

// The example URLs of notes §2.4, verbatim.
const EXAMPLE = {
  A: 'https://admin.dataportal.se/store/search?type=solr&query=public:true+AND+rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset+AND+(title:luftkvalitet+OR+description:luftkvalitet+OR+tag.literal:luftkvalitet+OR+all:luftkvalitet)&limit=20&sort=score+desc',
  B: 'https://admin.dataportal.se/store/search?type=solr&query=public:true+AND+(rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset+OR+rdfType:http%5C%3A%2F%2Fentryscape.com%2Fterms%2FIndependentDataService+OR+rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23DatasetSeries)+AND+NOT(metadata.predicate.uri.0f683595:*)+AND+(title:luftkvalitet+OR+description:luftkvalitet+OR+tag.literal:luftkvalitet+OR+all:luftkvalitet)&limit=20&offset=20&sort=score+desc&facetFields=metadata.predicate.uri.3494e2ce,metadata.predicate.uri.0ce6b231,related.metadata.predicate.uri.d14a9e5e,metadata.predicate.uri.9259d4c1,metadata.predicate.literal_s.b5d28d0a,metadata.predicate.uri.ede522fd,metadata.predicate.uri.a8c277a7,metadata.predicate.uri.256bd150,metadata.predicate.uri.957f77a7,metadata.predicate.uri.1300e4b5,metadata.predicate.uri.f7d12d4f,metadata.predicate.uri.23fc4665,metadata.predicate.uri.23fc4665&facetLimit=1000',
  C: 'https://admin.dataportal.se/store/search?type=solr&query=public:true+AND+(resource:https%5C%3A%2F%2Fmetadata.trafikverket.se%2Fstore%2F1%2Fresource%2F735)',
  D: 'https://admin.dataportal.se/store/search?type=solr&query=public:true+AND+rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset+AND+metadata.predicate.uri.9259d4c1:http%5C%3A%2F%2Fdataportal.se%2Forganisation%2FSE2021006297&limit=100&sort=modified+desc',
  E: 'https://admin.dataportal.se/store/search?type=solr&query=public:true+AND+rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset&limit=0&facetFields=metadata.predicate.uri.9259d4c1&facetLimit=1000',
  F: 'https://admin.dataportal.se/store/search?type=solr&query=public:true+AND+rdfType:http%5C%3A%2F%2Fxmlns.com%2Ffoaf%2F0.1%2FAgent+AND+NOT(metadata.predicate.uri.d14a9e5e:http%5C%3A%2F%2Fpurl.org%2Fadms%2Fpublishertype%2FPrivateIndividual%5C(s%5C))&limit=100',
};

describe('md5-8 field names', () => {
  it.each(Object.keys(PREDICATE_HASH) as Array<keyof typeof PREDICATE_HASH>)('%s', (k) => {
    expect(createHash('md5').update(PREDICATE_URI[k]).digest('hex').slice(0, 8)).toBe(PREDICATE_HASH[k]);
  });

  it('exposes the fields the client filters on', () => {
    expect(FIELD.publisher).toBe('metadata.predicate.uri.9259d4c1');
    expect(FIELD.inSeries).toBe('metadata.predicate.uri.0f683595');
  });
});

describe('encoding like EntryScape SolrQuery', () => {
  it.each([
    ['http://www.w3.org/ns/dcat#Dataset', 'http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset'],
    ['http://purl.org/adms/publishertype/PrivateIndividual(s)', 'http%5C%3A%2F%2Fpurl.org%2Fadms%2Fpublishertype%2FPrivateIndividual%5C(s%5C)'],
    ['true', 'true'],
    ['a b', 'a%20b'],
    ['å/ä?ö&=', '%C3%A5%2F%C3%A4%3F%C3%B6%26%3D'],
  ])('encodeValue(%s)', (input, expected) => {
    expect(encodeValue(input)).toBe(expected);
  });

  it('quotes exact values with spaces', () => {
    expect(exactTerm('f', 'a b')).toBe('f:%22a%20b%22');
    expect(exactTerm('f', 'ab')).toBe('f:ab');
  });

  it.each([
    ['+', '\\+'],
    ['-', '\\-'],
    ['&&', '\\&\\&'],
    ['||', '\\|\\|'],
    ['!', '\\!'],
    ['(', '\\('],
    [')', '\\)'],
    ['{', '\\{'],
    ['}', '\\}'],
    ['[', '\\['],
    [']', '\\]'],
    ['^', '\\^'],
    ['"', '\\"'],
    ['~', '\\~'],
    ['*', '\\*'],
    ['?', '\\?'],
    [':', '\\:'],
    ['\\', '\\\\'],
    ['/', '\\/'],
    ['C++ a/b', 'C\\+\\+ a\\/b'],
    ['vanlig text', 'vanlig text'],
  ])('escapeSolrText(%s)', (input, expected) => {
    expect(escapeSolrText(input)).toBe(expected);
  });
});

describe('free text', () => {
  it('one word: the portal’s four-field clause', () => {
    expect(textTerm('luftkvalitet')).toBe('(title:luftkvalitet+OR+description:luftkvalitet+OR+tag.literal:luftkvalitet+OR+all:luftkvalitet)');
  });

  it('several words: AND in ngram fields, a phrase in `all`', () => {
    expect(textTerm('  skatt   kommun ')).toBe(
      '(title:(skatt+AND+kommun)+OR+description:(skatt+AND+kommun)+OR+tag.literal:(skatt+AND+kommun)+OR+all:%22skatt%20kommun%22)',
    );
  });

  it('special characters are escaped, then URL-encoded', () => {
    expect(textTerm('C++')).toBe('(title:C%5C%2B%5C%2B+OR+description:C%5C%2B%5C%2B+OR+tag.literal:C%5C%2B%5C%2B+OR+all:C%5C%2B%5C%2B)');
    expect(textTerm('a:b (c)')).toContain('title:(a%5C%3Ab+AND+%5C(c%5C))');
    // `y*` is escaped, then gets the short-token wildcard; an operator word becomes a plain term.
    expect(textTerm('"x" OR y*')).toContain('title:(%5C%22x%5C%22+AND+or*+AND+y%5C**)');
    expect(textTerm('bilar AND båtar')).toBe(
      '(title:(bilar+AND+and+AND+b%C3%A5tar)+OR+description:(bilar+AND+and+AND+b%C3%A5tar)+OR+tag.literal:(bilar+AND+and+AND+b%C3%A5tar)+OR+all:%22bilar%20and%20b%C3%A5tar%22)',
    );
    expect(textTerm('NOT')).toBe('(title:not+OR+description:not+OR+tag.literal:not+OR+all:not)');
  });

  it('short tokens get a wildcard, long ones are cut to 15 characters (ngram index)', () => {
    expect(textTerm('el bil')).toContain('title:(el*+AND+bil)');
    expect(textTerm('socialförsäkringsbalken')).toContain('title:socialf%C3%B6rs%C3%A4krin+OR+'); // 15 characters
  });

  it.each(['', '  ', 'ab', ' a b'.slice(0, 2), '\t\n'])('rejects %j before any network', (text) => {
    try {
      textTerm(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(RegistryError);
      expect((err as RegistryError).kind).toBe('bad-request');
    }
  });

  it('accepts three characters', () => {
    expect(() => textTerm('moms'.slice(0, 3))).not.toThrow();
  });
});

describe('buildSearchPath', () => {
  it('reproduces example A', () => {
    expect(BASE + buildSearchPath({ terms: [rdfTypeTerm([RDF_TYPE.dataset]), textTerm('luftkvalitet')], limit: 20, sort: 'score desc' })).toBe(EXAMPLE.A);
  });

  it('reproduces example B (three types, series exclusion, page 2, facets)', () => {
    const facets = new URL(EXAMPLE.B).searchParams.get('facetFields')?.split(',') ?? [];
    const path = buildSearchPath({
      terms: [
        rdfTypeTerm([RDF_TYPE.dataset, RDF_TYPE.dataService, RDF_TYPE.series]),
        not(hasAny(FIELD.inSeries)),
        textTerm('luftkvalitet'),
      ],
      limit: 20,
      offset: 20,
      sort: 'score desc',
      facetFields: facets,
      facetLimit: 1000,
    });
    expect(BASE + path).toBe(EXAMPLE.B);
  });

  it('reproduces example C (plus the limit the client always sends)', () => {
    expect(BASE + resourceLookupPath(['https://metadata.trafikverket.se/store/1/resource/735'])).toBe(`${EXAMPLE.C}&limit=100`);
  });

  it('reproduces example D', () => {
    expect(BASE + buildSearchPath({ terms: [rdfTypeTerm([RDF_TYPE.dataset]), exactTerm(FIELD.publisher, TRV)], limit: 100, sort: 'modified desc' })).toBe(EXAMPLE.D);
  });

  it('reproduces example E (publisher facet)', () => {
    expect(BASE + publisherFacetPath()).toBe(EXAMPLE.E);
  });

  it('reproduces example F (organisations without private persons)', () => {
    expect(
      BASE + buildSearchPath({ terms: [rdfTypeTerm([RDF_TYPE.agent]), not(exactTerm(FIELD.publisherType, PRIVATE_INDIVIDUAL))], limit: 100 }),
    ).toBe(EXAMPLE.F);
  });

  it('always starts with public:true', () => {
    expect(buildSearchPath({ terms: [] })).toBe('/search?type=solr&query=public:true&limit=100');
  });

  it.each([
    [undefined, false, 100],
    [0, false, 1],
    [-5, false, 1],
    [1, false, 1],
    [2.7, false, 2],
    [100, false, 100],
    [1000, false, 100],
    [Number.NaN, false, 100],
    [0, true, 0],
  ])('clampLimit(%s, facets=%s) = %s', (limit, allowZero, expected) => {
    expect(clampLimit(limit, allowZero)).toBe(expected);
  });

  it('limit=0 is only sent with facets', () => {
    expect(buildSearchPath({ terms: [], limit: 0 })).toContain('&limit=1');
  });

  it('sort strings', () => {
    expect(sortParam('modified desc')).toBe('modified+desc');
    expect(sortParam('score desc , modified desc')).toBe('score+desc,modified+desc');
    expect(() => sortParam('modified; drop')).toThrow(RegistryError);
    expect(() => sortParam('modified')).toThrow(RegistryError);
  });
});

describe('client query shapes', () => {
  const SKV = 'http://dataportal.se/organisation/SE2021005448';
  const TYPES =
    '(rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset+OR+rdfType:http%5C%3A%2F%2Fentryscape.com%2Fterms%2FIndependentDataService+OR+rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23DatasetSeries)';
  const PUB = 'metadata.predicate.uri.9259d4c1:http%5C%3A%2F%2Fdataportal.se%2Forganisation%2FSE2021005448';
  const NOT_MEMBER = 'NOT(metadata.predicate.uri.0f683595:*)';

  it('publisher items, no text: newest registry change first', () => {
    expect(publisherItemsPath({ publisherUri: SKV })).toBe(
      `/search?type=solr&query=public:true+AND+${TYPES}+AND+${PUB}+AND+${NOT_MEMBER}&limit=100&sort=modified+desc`,
    );
  });

  it('publisher items with text: by score', () => {
    expect(publisherItemsPath({ publisherUri: SKV, query: 'skattesats', offset: 100, limit: 50 })).toBe(
      `/search?type=solr&query=public:true+AND+${TYPES}+AND+${PUB}+AND+${NOT_MEMBER}+AND+(title:skattesats+OR+description:skattesats+OR+tag.literal:skattesats+OR+all:skattesats)&limit=50&offset=100&sort=score+desc`,
    );
  });

  it('publisher items sorted by title, in the UI language', () => {
    expect(publisherItemsPath({ publisherUri: SKV, sort: 'title' })).toMatch(/&sort=title\.sv\+asc$/);
    expect(publisherItemsPath({ publisherUri: SKV, sort: 'title', lang: 'en' })).toMatch(/&sort=title\.en\+asc$/);
    expect(publisherItemsPath({ publisherUri: SKV, sort: 'relevance' })).toMatch(/&sort=modified\+desc$/);
    expect(publisherItemsPath({ publisherUri: SKV, sort: 'modified', query: 'moms' })).toMatch(/&sort=modified\+desc$/);
  });

  it('publisher items of some kinds only', () => {
    expect(publisherItemsPath({ publisherUri: SKV, kinds: ['dataservice'] })).toContain(
      '+AND+rdfType:http%5C%3A%2F%2Fentryscape.com%2Fterms%2FIndependentDataService+AND+',
    );
  });

  it('publisher items limit is clamped to 1..100', () => {
    expect(publisherItemsPath({ publisherUri: SKV, limit: 500 })).toContain('&limit=100');
    expect(publisherItemsPath({ publisherUri: SKV, limit: 0 })).toContain('&limit=1&');
  });

  it('publisher items with short text throws before building', () => {
    expect(() => publisherItemsPath({ publisherUri: SKV, query: 'ab' })).toThrow(RegistryError);
    expect(publisherItemsPath({ publisherUri: SKV, query: '   ' })).toContain('sort=modified+desc');
  });

  it('resource lookup in one batch', () => {
    expect(resourceLookupPath([SKV, TRV])).toBe(
      '/search?type=solr&query=public:true+AND+(resource:http%5C%3A%2F%2Fdataportal.se%2Forganisation%2FSE2021005448+OR+resource:http%5C%3A%2F%2Fdataportal.se%2Forganisation%2FSE2021006297)&limit=100',
    );
  });

  it('publisher search by name', () => {
    expect(publisherSearchPath('Skatteverket')).toBe(
      '/search?type=solr&query=public:true+AND+rdfType:http%5C%3A%2F%2Fxmlns.com%2Ffoaf%2F0.1%2FAgent+AND+NOT(metadata.predicate.uri.d14a9e5e:http%5C%3A%2F%2Fpurl.org%2Fadms%2Fpublishertype%2FPrivateIndividual%5C(s%5C))+AND+title:Skatteverket&limit=20&sort=score+desc',
    );
    expect(publisherSearchPath('Göteborgs stad')).toContain('+AND+title:(G%C3%B6teborgs+AND+stad)&');
  });

  it('publisher search by organisation number', () => {
    expect(publisherSearchPath('202100-5448')).toBe(
      '/search?type=solr&query=public:true+AND+rdfType:http%5C%3A%2F%2Fxmlns.com%2Ffoaf%2F0.1%2FAgent+AND+(resource:http%5C%3A%2F%2Fdataportal.se%2Forganisation%2FSE2021005448+OR+metadata.predicate.literal_s.9e8fc937:2021005448+OR+metadata.predicate.literal_s.9e8fc937:202100-5448)&limit=20',
    );
  });

  it('publisher search with short text throws', () => {
    expect(() => publisherSearchPath('ab')).toThrow(RegistryError);
  });
});

describe('identifiers and links', () => {
  it.each([
    ['2021005448', '2021005448'],
    ['202100-5448', '2021005448'],
    ['SE2021005448', '2021005448'],
    [' se 202100 5448 ', '2021005448'],
    ['20210054', undefined],
    ['SE20210054480', undefined],
  ])('normaliseOrgNumber(%j)', (input, expected) => {
    expect(normaliseOrgNumber(input)).toBe(expected);
  });

  it('publisherUri', () => {
    expect(publisherUri('212000-1355')).toBe('http://dataportal.se/organisation/SE2120001355');
    expect(() => publisherUri('12345')).toThrow(RegistryError);
  });

  it('portal links per kind and language', () => {
    const ref = { contextId: '6', entryId: '68000' };
    expect(portalUrl({ ...ref, kind: 'dataset' }, 'sv')).toBe('https://www.dataportal.se/datasets/6_68000');
    expect(portalUrl({ ...ref, kind: 'dataset' }, 'en')).toBe('https://www.dataportal.se/en/datasets/6_68000');
    expect(portalUrl({ ...ref, kind: 'dataservice' }, 'sv')).toBe('https://www.dataportal.se/dataservice/6_68000');
    expect(portalUrl({ ...ref, kind: 'series' }, 'en')).toBe('https://www.dataportal.se/en/dataset-series/6_68000');
    expect(organisationPortalUrl({ entry: { contextId: '6', entryId: '1' } }, 'sv')).toBe('https://www.dataportal.se/organisations/6_1');
    expect(organisationPortalUrl({ entry: { contextId: '6', entryId: '1' } }, 'en')).toBe('https://www.dataportal.se/en/organisations/6_1');
    expect(organisationPortalUrl({}, 'sv')).toBeUndefined();
  });

  it('nextOffset', () => {
    const page = { total: 150, offset: 0, limit: 100, items: [], skipped: [] };
    expect(nextOffset(page)).toBe(100);
    expect(nextOffset({ ...page, offset: 100 })).toBeUndefined();
    expect(nextOffset({ ...page, total: 100 })).toBeUndefined();
  });
});

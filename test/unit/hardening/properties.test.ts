// Property-based tests: whatever bytes arrive, the parsers give a value or a typed failure,
// never an exception or a hang.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseItemGraph, parseSearchResponse, parsePublishersFromSearch, parseFacet } from '../../../lib/dcat/parse';
import { checkOrgNumber, findOrgNumbers, normaliseOrgNumber, luhnValid } from '../../../lib/detect/orgnr';
import { parseSettings, SETTINGS_VERSION } from '../../../lib/settings';
import { ItemDetail, SearchPage } from '../../../lib/dcat/types';

const term = fc.oneof(
  fc.record({ type: fc.constantFrom('uri', 'literal', 'bnode'), value: fc.string() }),
  fc.record({ type: fc.constant('literal'), value: fc.string(), lang: fc.constantFrom('sv', 'en', 'de', '') }),
  fc.anything(),
);
const PREDICATES = [
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
  'http://purl.org/dc/terms/title',
  'http://purl.org/dc/terms/description',
  'http://purl.org/dc/terms/license',
  'http://purl.org/dc/terms/publisher',
  'http://www.w3.org/ns/dcat#distribution',
  'http://www.w3.org/ns/dcat#contactPoint',
  'http://purl.org/dc/terms/temporal',
  'http://purl.org/dc/terms/accrualPeriodicity',
];
const subject = fc.oneof(fc.constantFrom('https://x.se/d', '_:b1', '_:b2', 'https://x.se/dist'), fc.string());
const graph = fc.dictionary(subject, fc.dictionary(fc.oneof(fc.constantFrom(...PREDICATES), fc.string()), fc.oneof(fc.array(term), fc.anything())));

describe('RDF/JSON parsers never throw', () => {
  it('parseItemGraph: any graph gives an ItemDetail that validates, or a reason', () => {
    fc.assert(
      fc.property(fc.oneof(graph, fc.anything()), (g) => {
        const r = parseItemGraph(g, { contextId: '1', entryId: '2', uri: 'https://x.se/d' });
        if (r.ok) expect(ItemDetail.safeParse(r.item).success).toBe(true);
        else expect(typeof r.reason).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('parseItemGraph terminates on cyclic blank nodes', () => {
    const cyclic = {
      'https://x.se/d': {
        'http://www.w3.org/1999/02/22-rdf-syntax-ns#type': [{ type: 'uri', value: 'http://www.w3.org/ns/dcat#Dataset' }],
        'http://purl.org/dc/terms/temporal': [{ type: 'bnode', value: '_:a' }],
        'http://purl.org/dc/terms/spatial': [{ type: 'bnode', value: '_:a' }],
      },
      '_:a': { 'http://example.org/next': [{ type: 'bnode', value: '_:b' }] },
      '_:b': { 'http://example.org/next': [{ type: 'bnode', value: '_:a' }] },
    };
    expect(parseItemGraph(cyclic, { contextId: '1', entryId: '2', uri: 'https://x.se/d' }).ok).toBe(true);
  });

  it('parseSearchResponse: any envelope gives a valid SearchPage or a reason', () => {
    const child = fc.record({ entryId: fc.oneof(fc.string(), fc.nat()), contextId: fc.oneof(fc.string(), fc.nat()), info: fc.oneof(graph, fc.anything()), metadata: fc.oneof(graph, fc.anything()) });
    const envelope = fc.record({ results: fc.oneof(fc.nat(), fc.anything()), offset: fc.anything(), limit: fc.anything(), resource: fc.oneof(fc.record({ children: fc.array(child, { maxLength: 5 }) }), fc.anything()) });
    fc.assert(
      fc.property(fc.oneof(envelope, fc.anything()), (e) => {
        const r = parseSearchResponse(e);
        if (r.ok) expect(SearchPage.safeParse(r.page).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('publisher and facet parsers accept anything', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(Array.isArray(parsePublishersFromSearch(x).publishers)).toBe(true);
        expect(Array.isArray(parseFacet(x, 'metadata.predicate.uri.9259d4c1'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('organisation numbers', () => {
  it('any string: normalise/check/find never throw, and what they return is well-formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const n = normaliseOrgNumber(s);
        if (n !== undefined) expect(n).toMatch(/^\d{10}$/);
        checkOrgNumber(s);
        for (const f of findOrgNumbers(s)) expect(f.value).toMatch(/^\d{10}$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('exactly one check digit makes any nine digits Luhn-valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const valid = [...'0123456789'].filter((d) => luhnValid(nine + d));
        expect(valid).toHaveLength(1);
      }),
    );
  });

  it('finding numbers in a long text stays fast', () => {
    const text = `${'Organisationsnummer 202100-5448 '.repeat(2000)}${'1'.repeat(100_000)}`;
    const t0 = performance.now();
    findOrgNumbers(text);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('settings', () => {
  it('any stored value gives valid settings', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(parseSettings(x).version).toBe(SETTINGS_VERSION);
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, it, expect } from 'vitest';
import { Graph, langSlot, parseRdfJson } from '../../../lib/dcat/rdfjson';
import { B, L, NS, U, type Term } from './helpers';

const S = 'https://example.se/s';

function graph(json: unknown): Graph {
  const r = parseRdfJson(json);
  if (!r.ok) throw new Error(r.reason);
  return r.graph;
}

function titles(...terms: Term[]): Graph {
  return graph({ [S]: { [NS.title]: terms } });
}

describe('parseRdfJson', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', '{}'],
    ['a number', 3],
  ])('rejects %s as a document', (_name, json) => {
    const r = parseRdfJson(json);
    expect(r.ok).toBe(false);
  });

  it('accepts an empty document', () => {
    expect(graph({}).size).toBe(0);
  });

  it('skips bad subjects, predicates and terms with reasons and keeps the rest', () => {
    const r = parseRdfJson({
      [S]: {
        [NS.title]: [L('Bra', 'sv'), { type: 'literal', value: 12 }, { type: 'iri', value: S }, { value: 'x' }, { type: 'literal', value: 'y', datatype: 5 }],
        [NS.description]: { type: 'literal', value: 'inte en lista' },
      },
      'https://example.se/t': [U(S)],
      '': { [NS.title]: [L('tom')] },
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.graph.literals(S, NS.title)).toEqual(['Bra']);
    expect(r.graph.has('https://example.se/t')).toBe(false);
    expect(r.skipped.map((s) => [s.node, s.reason.replace(/ \(.*/, '')])).toEqual([
      [S, `${NS.title}[1]: invalid term`],
      [S, `${NS.title}[2]: invalid term`],
      [S, `${NS.title}[3]: invalid term`],
      [S, `${NS.title}[4]: invalid term`],
      [S, `${NS.description}: values must be an array, got object`],
      ['https://example.se/t', 'predicates must be an object, got array'],
      ['', 'empty subject'],
    ]);
  });

  it('stores __proto__ as an ordinary subject', () => {
    const g = graph(JSON.parse(`{"__proto__": {"${NS.title}": [{"type":"literal","value":"p"}]}}`));
    expect(g.literals('__proto__', NS.title)).toEqual(['p']);
    expect(g.has('constructor')).toBe(false);
  });
});

describe('Graph.langText', () => {
  it.each<[string, Term[], object]>([
    ['Swedish and English', [L('Vägkategori', 'sv'), L('Road category', 'en')], { sv: 'Vägkategori', en: 'Road category' }],
    ['only English', [L('Road category', 'en')], { en: 'Road category' }],
    ['untagged', [L('Vägkategori')], { any: 'Vägkategori' }],
    ['another language', [L('Straßenkategorie', 'de')], { any: 'Straßenkategorie' }],
    ['untagged beats another language', [L('Straßenkategorie', 'de'), L('Vägkategori')], { any: 'Vägkategori' }],
    ['region subtags and case', [L('Vägkategori', 'SV-se'), L('Road category', 'en-GB')], { sv: 'Vägkategori', en: 'Road category' }],
    ['ISO 639-2 codes', [L('Vägkategori', 'swe'), L('Road category', 'eng')], { sv: 'Vägkategori', en: 'Road category' }],
    ['an empty lang tag as untagged', [L('Vägkategori', '')], { any: 'Vägkategori' }],
    ['first value per language', [L('Ett', 'sv'), L('Två', 'sv')], { sv: 'Ett' }],
    ['blank values ignored', [L('  ', 'sv'), L('Riktig', 'sv')], { sv: 'Riktig' }],
    ['URIs ignored', [U('https://example.se/title')], {}],
    ['nothing', [], {}],
  ])('%s', (_name, terms, expected) => {
    expect(titles(...terms).langText(S, NS.title)).toEqual(expected);
  });

  it('keeps text raw, including markup and surrounding spaces', () => {
    expect(titles(L(' <script>alert(1)</script> &amp; ', 'sv')).langText(S, NS.title)).toEqual({ sv: ' <script>alert(1)</script> &amp; ' });
  });

  it('langSlot maps tags to slots', () => {
    expect([langSlot(undefined), langSlot('sv'), langSlot('en-US'), langSlot('fi')]).toEqual(['any', 'sv', 'en', 'any']);
  });
});

describe('Graph accessors', () => {
  const g = graph({
    [S]: {
      [NS.type]: [U(NS.Dataset), U(NS.ServedBy)],
      [NS.keyword]: [L('a', 'sv'), L('b', 'sv'), L('a', 'sv'), L('c'), L('d', 'en')],
      [NS.spatial]: [U('https://sws.geonames.org/2711537'), B('_:loc'), L('Göteborg')],
      [NS.distribution]: [U('https://example.se/d1'), U('https://example.se/d1')],
    },
    'https://example.se/d1': { [NS.type]: [U(NS.Distribution)] },
  });

  it('reads uris, refs, literals and strings separately', () => {
    expect(g.uris(S, NS.spatial)).toEqual(['https://sws.geonames.org/2711537']);
    expect(g.refs(S, NS.spatial)).toEqual(['https://sws.geonames.org/2711537', '_:loc']);
    expect(g.literals(S, NS.spatial)).toEqual(['Göteborg']);
    expect(g.strings(S, NS.spatial)).toEqual(['https://sws.geonames.org/2711537', 'Göteborg']);
    expect(g.firstUri(S, NS.spatial)).toBe('https://sws.geonames.org/2711537');
    expect(g.firstLiteral(S, NS.title)).toBeUndefined();
  });

  it('deduplicates values', () => {
    expect(g.uris(S, NS.distribution)).toEqual(['https://example.se/d1']);
    expect(g.langList(S, NS.keyword)).toEqual({ sv: ['a', 'b'], en: ['d'], any: ['c'] });
  });

  it('reads types and finds subjects and referrers', () => {
    expect(g.types(S)).toEqual([NS.Dataset, NS.ServedBy]);
    expect(g.hasType(S, NS.DataService)).toBe(false);
    expect(g.subjectsOfType(NS.Distribution)).toEqual(['https://example.se/d1']);
    expect(g.referrers('https://example.se/d1')).toEqual([S]);
    expect(g.referrers('https://example.se/d1', NS.spatial)).toEqual([]);
  });

  it('answers empty for unknown subjects and predicates', () => {
    expect(g.objects('https://nowhere', NS.title)).toEqual([]);
    expect(g.langText(S, 'https://example.se/p')).toEqual({});
    expect(g.predicates('https://nowhere')).toEqual([]);
  });
});

describe('Graph.walk', () => {
  const cyclic = graph({
    '_:a': { 'https://example.se/next': [B('_:b')] },
    '_:b': { 'https://example.se/next': [B('_:c')], 'https://example.se/other': [B('_:a')] },
    '_:c': { 'https://example.se/next': [B('_:a'), B('_:c')] },
  });

  it('visits each node of a cycle once', () => {
    expect(cyclic.walk('_:a')).toEqual(['_:a', '_:b', '_:c']);
  });

  it('follows only the given predicates', () => {
    expect(cyclic.walk('_:b', { predicates: ['https://example.se/other'] })).toEqual(['_:b', '_:a']);
  });

  it('stops at maxDepth', () => {
    expect(cyclic.walk('_:a', { maxDepth: 1 })).toEqual(['_:a', '_:b']);
    expect(cyclic.walk('_:a', { maxDepth: 0 })).toEqual(['_:a']);
  });

  it('ignores nodes that are not in the graph', () => {
    expect(cyclic.walk('_:missing')).toEqual([]);
  });

  it('handles a long chain without recursion', () => {
    const nodes: Record<string, Record<string, Term[]>> = {};
    for (let i = 0; i < 5000; i++) nodes[`_:n${i}`] = { 'https://example.se/next': [B(`_:n${i + 1}`)] };
    expect(graph(nodes).walk('_:n0', { maxDepth: 10_000 })).toHaveLength(5000);
  });
});

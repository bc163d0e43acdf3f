// Hostile registry metadata at the parser level: what a careless or malicious publisher can put into a
// harvested record (huge lists, wrong JSON types where strings belong, no Swedish or English text, bidi
// overrides, zero-width characters, lone surrogates). The parser must stay total and fast, the view objects
// must stay valid for their schemas, and text must come through as the same text (no HTML handling, no
// normalisation): the popup renders it as text.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseItemGraph, parseSearchResponse } from '../../../lib/dcat/parse';
import fc from 'fast-check';
import { parseRdfJson, RdfTerm } from '../../../lib/dcat/rdfjson';
import { ItemDetail, ItemSummary, SearchPage } from '../../../lib/dcat/types';
import { B, L, NS, U, envelope, searchChild, type Term } from './helpers';

type Graph = Record<string, Record<string, unknown[]>>;

const DS = 'https://example.se/dataset/1';
const REF = { contextId: '6', entryId: '1' };

function dataset(props: Record<string, unknown[]>, nodes: Graph = {}): Graph {
  return { [DS]: { [NS.type]: [U(NS.Dataset)], [NS.title]: [L('Test', 'sv')], ...props }, ...nodes };
}

function item(json: unknown): ItemDetail {
  const r = parseItemGraph(json, REF);
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  // The output must survive its own schema again (the cache reads it back through the same schema).
  expect(ItemDetail.safeParse(r.item).success).toBe(true);
  expect(ItemDetail.parse(JSON.parse(JSON.stringify(r.item)))).toEqual(r.item);
  return r.item;
}

const RLO = '\u202E';
const ZWSP = '\u200B';
const BOM = '\uFEFF';
const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

describe('hostile metadata: 10 000 distributions', () => {
  const N = 10_000;
  const dists: Graph = {};
  const refs: Term[] = [];
  for (let i = 0; i < N; i++) {
    const id = `https://example.se/dist/${i}`;
    refs.push(U(id));
    dists[id] = {
      [NS.type]: [U(NS.Distribution)],
      [NS.title]: [L(`Fil ${i}`, 'sv')],
      [NS.downloadURL]: [U(`https://example.se/files/${i}.csv`)],
      [NS.license]: [U('http://creativecommons.org/publicdomain/zero/1.0/')],
      [NS.format]: [L('text/csv')],
    };
  }
  const graph = dataset({ [NS.distribution]: refs }, dists);
  // One small record first: zod's and the JIT's one-off start-up is not what these bounds are about.
  beforeAll(() => {
    const small = dataset({ [NS.distribution]: refs.slice(0, 20) }, dists);
    for (let i = 0; i < 3; i++) parseItemGraph(small, { ...REF, uri: DS });
  });

  it('parses in bounded time (< 1 s) and keeps every distribution; the parser applies no cap', () => {
    const t0 = performance.now();
    const r = parseItemGraph(graph, { ...REF, uri: DS });
    const ms = performance.now() - t0;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ms).toBeLessThan(1000);
    // No cap in the parser: the popup (ItemDetailView, MAX_DISTRIBUTIONS = 50) renders the first 50 and
    // shows the total in the heading. Aggregates are deduplicated, so they stay small.
    expect(r.item.distributions).toHaveLength(N);
    expect(r.item.distributions[N - 1]?.uri).toBe(`https://example.se/dist/${N - 1}`);
    expect(r.item.formats).toEqual(['CSV']);
    expect(r.item.licences).toHaveLength(1);
    expect(r.item.skipped).toEqual([]);
  });

  it('without the URI, finding the main node among 10 001 nodes is bounded too (< 1 s)', () => {
    const t0 = performance.now();
    const r = parseItemGraph(graph, REF);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.ok && r.item.uri).toBe(DS);
  });

  it('10 000 distribution references to nodes not in the graph: each reported once, nothing thrown, < 1 s', () => {
    const t0 = performance.now();
    const r = parseItemGraph(dataset({ [NS.distribution]: refs }), REF);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.item.distributions).toEqual([]);
    expect(r.item.skipped).toHaveLength(N);
    expect(r.item.skipped[0]).toEqual({ node: 'https://example.se/dist/0', reason: 'distribution is not in the graph' });
  });

  it('the same distribution listed 10 000 times counts once', () => {
    const one = 'https://example.se/dist/0';
    const r = item(dataset({ [NS.distribution]: Array.from({ length: N }, () => U(one)) }, { [one]: dists[one] as Graph[string] }));
    expect(r.distributions.map((d) => d.uri)).toEqual([one]);
  });

  it('a search hit with 10 000 distribution references parses in < 1 s (summary reads only the item node)', () => {
    const t0 = performance.now();
    const r = parseSearchResponse(envelope([searchChild('6', '1', DS, dataset({ [NS.distribution]: refs }) as never)]));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.ok && r.page.items.map((i) => i.uri)).toEqual([DS]);
  });
});

// Wrong JSON types where RDF/JSON wants strings. Each term is dropped with a reason; the valid title stays.
const WRONG_TYPES: { name: string; title: unknown[] }[] = [
  { name: 'a number as literal value', title: [{ type: 'literal', value: 42 }] },
  { name: 'an object as literal value', title: [{ type: 'literal', value: { sv: 'x' } }] },
  { name: 'an array as literal value', title: [{ type: 'literal', value: ['a', 'b'] }] },
  { name: 'null as literal value', title: [{ type: 'literal', value: null }] },
  { name: 'a boolean as literal value', title: [{ type: 'literal', value: true }] },
  { name: 'a number as language tag', title: [{ type: 'literal', value: 'x', lang: 7 }] },
  { name: 'an unknown term type', title: [{ type: 'typed-literal', value: 'x' }] },
  { name: 'a bare string instead of a term', title: ['Titel'] },
  { name: 'a bare number instead of a term', title: [12] },
  { name: 'null instead of a term', title: [null] },
  { name: 'a nested array instead of a term', title: [[L('x', 'sv')]] },
];

describe('hostile metadata: wrong types where strings are expected', () => {
  it.each(WRONG_TYPES)('$name: term dropped and reported, the valid value kept', ({ title }) => {
    const d = item(dataset({ [NS.title]: [...title, L('Giltig titel', 'sv')] }));
    expect(d.title).toEqual({ sv: 'Giltig titel' });
    expect(d.skipped.some((s) => s.node === DS && s.reason.startsWith(`${NS.title}[0]: invalid term`))).toBe(true);
  });

  it('a blank node as title (a "bnode literal") is no text: the title is empty, not the node id', () => {
    const d = item(dataset({ [NS.title]: [B('_:b1')], [NS.description]: [B('_:b2')] }, { '_:b1': { [NS.title]: [L('inner')] } }));
    expect(d.title).toEqual({});
    expect(d.description).toEqual({});
  });

  it('a URI as title is no text either', () => {
    expect(item(dataset({ [NS.title]: [U('https://evil.example/')] })).title).toEqual({});
  });

  it('predicate values not an array (a string, an object, a number): dropped and reported', () => {
    for (const bad of ['Titel', { type: 'literal', value: 'x' }, 3]) {
      const d = item({ [DS]: { [NS.type]: [U(NS.Dataset)], [NS.title]: bad, [NS.description]: [L('Beskrivning', 'sv')] } });
      expect(d.title).toEqual({});
      expect(d.description).toEqual({ sv: 'Beskrivning' });
      expect(d.skipped[0]?.reason).toMatch(/values must be an array/);
    }
  });

  it('a distribution, contact point and publisher whose predicates are not an object are skipped, the item still parses', () => {
    const d = item(
      dataset(
        { [NS.distribution]: [U('https://example.se/d')], [NS.contactPoint]: [B('_:c')], [NS.publisher]: [U('https://example.se/p')] },
        { 'https://example.se/d': 'x' as never, '_:c': [] as never, 'https://example.se/p': 5 as never },
      ),
    );
    expect(d.distributions).toEqual([]);
    expect(d.contactPoints).toEqual([]);
    expect(d.publisher).toEqual({ uri: 'https://example.se/p', name: {}, homepages: [] });
    expect(d.skipped.map((s) => s.node)).toEqual(expect.arrayContaining(['https://example.se/d', '_:c', 'https://example.se/p']));
  });

  it('a whole document of the wrong type fails with a reason, never throws', () => {
    for (const bad of [null, 42, 'graph', [dataset({})], true]) {
      const r = parseItemGraph(bad, REF);
      expect(r.ok).toBe(false);
    }
  });

  it('numbers in a search envelope where strings are expected: the hit is skipped with a reason', () => {
    const child = searchChild('6', '1', DS, dataset({}) as never) as Record<string, unknown>;
    const r = parseSearchResponse(envelope([{ ...child, contextId: { id: 6 } }, { ...child, metadata: [1, 2] }, child]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(SearchPage.safeParse(r.page).success).toBe(true);
    expect(r.page.items).toHaveLength(1);
    expect(r.page.skipped).toHaveLength(2);
  });
});

// Languages: which slot a value lands in when there is no Swedish or English.
const LANG_CASES: { name: string; terms: Term[]; want: Record<string, string> }[] = [
  { name: 'only German', terms: [L('Steuersätze', 'de')], want: { any: 'Steuersätze' } },
  { name: 'only Finnish and Northern Sami', terms: [L('Veroprosentit', 'fi'), L('Vearroproseanttat', 'se')], want: { any: 'Veroprosentit' } },
  { name: 'no language tag', terms: [L('Skattesatser')], want: { any: 'Skattesatser' } },
  { name: 'an empty language tag', terms: [{ type: 'literal', value: 'Tom tagg', lang: '' }], want: { any: 'Tom tagg' } },
  { name: 'a whitespace language tag', terms: [{ type: 'literal', value: 'Blank tagg', lang: '   ' }], want: { any: 'Blank tagg' } },
  { name: 'untagged beats a third language', terms: [L('Deutsch', 'de'), L('Otaggad')], want: { any: 'Otaggad' } },
  { name: 'upper-case and region tags', terms: [L('Svenska', 'SV-se'), L('English', 'EN_gb')], want: { sv: 'Svenska', en: 'English' } },
  { name: 'a hostile language tag', terms: [L('Text', '<img src=x onerror=alert(1)>')], want: { any: 'Text' } },
];

describe('hostile metadata: no @sv or @en', () => {
  it.each(LANG_CASES)('$name', ({ terms, want }) => {
    const d = item(dataset({ [NS.title]: terms, [NS.description]: terms, [NS.keyword]: terms }));
    expect(d.title).toEqual(want);
    expect(d.description).toEqual(want);
    // Keywords keep every value of a slot.
    for (const slot of Object.keys(want) as ('sv' | 'en' | 'any')[]) expect(d.keywords[slot]).toContain(want[slot]);
  });
});

// Invisible and bidi characters, lone surrogates and markup: kept exactly, as text.
const TEXTS: { name: string; text: string }[] = [
  { name: 'RTL override', text: `Skatte${RLO}vsc.exe` },
  { name: 'zero-width spaces', text: `Skatt${ZWSP}e${ZWSP}satser` },
  { name: 'byte-order marks inside', text: `Skatt${BOM}esatser` },
  { name: 'a lone high surrogate', text: `Titel ${LONE_HIGH} slut` },
  { name: 'a lone low surrogate', text: `${LONE_LOW}Titel` },
  { name: 'a reversed surrogate pair', text: `a${LONE_LOW}${LONE_HIGH}b` },
  { name: 'markup', text: '<img src=x onerror="alert(1)"><script>alert(2)</script>' },
  { name: 'all of them together', text: `${RLO}${ZWSP}${BOM}${LONE_HIGH}<b>x</b>\u0000\u2066\u2069` },
];

describe('hostile metadata: bidi, zero-width and lone surrogates come through as the same text', () => {
  it.each(TEXTS)('$name in titles, descriptions, contact and publisher names, keywords', ({ text }) => {
    const d = item(
      dataset(
        {
          [NS.title]: [L(text, 'sv')],
          [NS.description]: [L(text, 'en')],
          [NS.keyword]: [L(text, 'sv')],
          [NS.contactPoint]: [B('_:c')],
          [NS.publisher]: [U('https://example.se/p')],
          [NS.distribution]: [U('https://example.se/d')],
        },
        {
          '_:c': { [NS.fn]: [L(text)], [NS.hasEmail]: [U(`mailto:${text}@example.se`)] },
          'https://example.se/p': { [NS.type]: [U(NS.Agent)], [NS.foafName]: [L(text, 'sv')] },
          'https://example.se/d': { [NS.type]: [U(NS.Distribution)], [NS.title]: [L(text)], [NS.description]: [L(text, 'de')] },
        },
      ),
    );
    expect(d.title).toEqual({ sv: text });
    expect(d.description).toEqual({ en: text });
    expect(d.keywords.sv).toEqual([text]);
    expect(d.contactPoints).toEqual([{ name: text, email: `${text}@example.se` }]);
    expect(d.publisher?.name).toEqual({ sv: text });
    expect(d.distributions[0]).toMatchObject({ title: { any: text }, description: { any: text } });
    for (const v of [d.title.sv, d.contactPoints[0]?.name, d.publisher?.name.sv]) expect(typeof v).toBe('string');
  });

  it.each(TEXTS)('$name in a search hit: the summary is valid and keeps the text', ({ text }) => {
    const r = parseSearchResponse(envelope([searchChild('6', '1', DS, dataset({ [NS.title]: [L(text, 'sv')], [NS.description]: [L(text)] }) as never)]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [s] = r.page.items;
    expect(ItemSummary.safeParse(s).success).toBe(true);
    expect(s?.title).toEqual({ sv: text });
    expect(s?.description).toEqual({ any: text });
  });

  it.each([
    ['byte-order marks and spaces', `${BOM} ${BOM}`],
    ['a zero-width space', ZWSP],
    ['zero-width joiners, a word joiner and a soft hyphen', '\u200C\u200D\u2060\u00AD'],
  ])('a title of only %s counts as empty (nothing to see), the next one wins', (_n, blank) => {
    const d = item(dataset({ [NS.title]: [L(blank, 'sv'), L('Riktig titel', 'sv')] }));
    expect(d.title).toEqual({ sv: 'Riktig titel' });
  });

  it('hostile keys: __proto__, constructor and empty predicates are ordinary keys, nothing is polluted', () => {
    const json = JSON.parse(
      JSON.stringify(dataset({})).replace('{', '{"__proto__":{"polluted":[{"type":"literal","value":"yes"}]},"constructor":{"x":[]},'),
    ) as unknown;
    const rdf = parseRdfJson(json);
    expect(rdf.ok && rdf.graph.has('__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(item(json).title).toEqual({ sv: 'Test' });
  });
});

describe('the hand-checked term fast path in parseRdfJson agrees with the RdfTerm schema', () => {
  const termish = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('uri', 'literal', 'bnode', 'typed-literal'), fc.jsonValue()),
        value: fc.oneof(fc.string(), fc.jsonValue()),
        lang: fc.oneof(fc.string(), fc.jsonValue()),
        datatype: fc.oneof(fc.string(), fc.jsonValue()),
        extra: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
  );
  it('same terms kept, same terms dropped, same output for any JSON value', () => {
    fc.assert(
      fc.property(termish, (v) => {
        const r = parseRdfJson({ s: { p: [v] } });
        if (!r.ok) throw new Error(r.reason);
        const strict = RdfTerm.safeParse(v);
        expect(r.graph.objects('s', 'p')).toEqual(strict.success ? [strict.data] : []);
        expect(r.skipped).toHaveLength(strict.success ? 0 : 1);
      }),
      { numRuns: 500 },
    );
  });
});

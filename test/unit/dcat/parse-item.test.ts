import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseItemGraph, parseSearchResponse, type ItemRef } from '../../../lib/dcat/parse';
import { ItemDetail } from '../../../lib/dcat/types';
import { B, L, NS, U, fixture, type Term } from './helpers';

type Graph = Record<string, Record<string, Term[]>>;

function item(json: unknown, ref: ItemRef = { contextId: '6', entryId: '1' }): ItemDetail {
  const r = parseItemGraph(json, ref);
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  return r.item;
}

const DS = 'https://example.se/dataset/1';

/** A minimal dataset graph with the given extra predicates on the dataset and extra nodes. */
function dataset(props: Record<string, Term[]>, nodes: Graph = {}): Graph {
  return { [DS]: { [NS.type]: [U(NS.Dataset)], [NS.title]: [L('Test', 'sv')], ...props }, ...nodes };
}

describe('parseItemGraph: Skatteverket dataset with API, contact and publisher', () => {
  const uri = 'https://skatteverket.entryscape.net/store/9/resource/163';
  const d = item(fixture('dataset-skatteverket-recursive.json'), { contextId: '6', entryId: '68000', uri, registryModified: '2026-09-21T04:02:10.512+02:00' });

  it('finds the main node from the given URI', () => {
    expect(d).toMatchObject({ kind: 'dataset', uri, contextId: '6', entryId: '68000', registryModified: '2026-09-21T04:02:10.512+02:00' });
    expect(d.title).toEqual({ sv: 'Skattesatser per kommun', en: 'Tax rates per municipality' });
  });

  it('resolves distributions in the order published', () => {
    expect(d.distributions.map((x) => x.uri.split('/').pop())).toEqual(['164', '165', '166']);
    const [csv, api, xlsx] = d.distributions;
    expect(csv).toMatchObject({
      format: 'text/csv',
      formatLabel: 'CSV',
      byteSize: 4821344,
      downloadUrls: ['https://skatteverket.entryscape.net/store/9/resource/164.csv'],
      status: { known: true, label: { en: 'Completed' } },
      availability: { known: true },
      modified: '2025-12-18',
    });
    expect(csv?.licence).toMatchObject({ kind: 'cc0', uri: 'https://creativecommons.org/publicdomain/zero/1.0/deed.sv' });
    expect(api?.accessServiceUris).toEqual(['https://skatteverket.entryscape.net/store/9/resource/201']);
    expect(api?.conformsTo).toEqual(['https://skatteverket.entryscape.net/rowstore/dataset/c67b320b-ffee-4876-b073-dd9236cd2a99/openapi.json']);
    // No dcterms:format: the label comes from the download URL's extension, the raw format stays empty.
    expect(xlsx?.format).toBeUndefined();
    expect(xlsx?.formatLabel).toBe('XLSX');
  });

  it('counts one CC0 licence however its URI is spelled (http, https, no slash, deed.sv)', () => {
    expect(d.licences).toHaveLength(1);
    expect(d.licences[0]).toMatchObject({ kind: 'cc0', uri: 'http://creativecommons.org/publicdomain/zero/1.0' });
  });

  it('unions dataset and distribution formats', () => {
    expect(d.formats).toEqual(['CSV', 'JSON', 'XLSX']);
  });

  it('reads the publisher with its organisation number from dcterms:identifier', () => {
    expect(d.publisher).toEqual({
      uri: 'http://dataportal.se/organisation/SE2021005448',
      name: { sv: 'Skatteverket', en: 'Swedish Tax Agency' },
      orgNumber: '2021005448',
      homepages: ['https://www.skatteverket.se'],
      email: 'skatteverket@skatteverket.se',
      type: { uri: 'http://purl.org/adms/publishertype/NationalAuthority', label: { sv: 'Statlig myndighet', en: 'National authority' }, known: true },
    });
  });

  it('reads the contact point with the phone number on a vcard:Voice node', () => {
    expect(d.contactPoints).toEqual([
      {
        uri: 'https://skatteverket.entryscape.net/store/9/resource/12',
        name: 'Skatteverket, enheten för öppna data',
        email: 'oppnadata@skatteverket.se',
        phone: '+46771567567',
        kind: 'organization',
      },
    ]);
  });

  it('reads period, places, pages and specifications', () => {
    expect(d.temporal).toEqual([{ start: '2000-01-01', end: '2026-12-31' }]);
    expect(d.spatial).toEqual([
      { uri: 'https://sws.geonames.org/2661886' },
      { label: { sv: 'Sveriges kommuner', en: 'Swedish municipalities' } },
    ]);
    expect(d.landingPages).toHaveLength(1);
    expect(d.documentation).toHaveLength(2);
    expect(d.conformsTo).toEqual(['https://skatteverket.entryscape.net/store/9/resource/170']);
  });

  it('is an API, with the endpoint and OpenAPI description of the service it is served by', () => {
    expect(d.isApi).toBe(true);
    expect(d.endpointUrls).toEqual(['https://skatteverket.entryscape.net/rowstore/dataset/c67b320b-ffee-4876-b073-dd9236cd2a99']);
    expect(d.endpointDescriptions).toEqual(['https://skatteverket.entryscape.net/rowstore/dataset/c67b320b-ffee-4876-b073-dd9236cd2a99/openapi.json']);
  });

  it('passes the ItemDetail schema and skips nothing', () => {
    expect(ItemDetail.safeParse(d).success).toBe(true);
    expect(d.skipped).toEqual([]);
  });

  it('asks for the URI when dataset and service point at each other', () => {
    const r = parseItemGraph(fixture('dataset-skatteverket-recursive.json'), { contextId: '6', entryId: '68000' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/cannot tell the main node: 2 candidates/);
  });
});

describe('parseItemGraph: Trafikverket data service', () => {
  const d = item(fixture('dataservice-recursive.json'), { contextId: '50', entryId: '5012' });

  it('finds the service without a URI and reads it as an API', () => {
    expect(d).toMatchObject({ kind: 'dataservice', isApi: true, uri: 'https://metadata.trafikverket.se/store/1/resource/186' });
  });

  it('reads endpoint URLs, the OpenAPI description and the served datasets', () => {
    expect(d.endpointUrls).toEqual(['https://api.trafikinfo.trafikverket.se/v2/data.json', 'https://api.trafikinfo.trafikverket.se/v2/data.xml']);
    expect(d.endpointDescriptions).toEqual(['https://api.trafikinfo.trafikverket.se/v2/openapi.json']);
    expect(d.servesDatasets).toEqual(['https://metadata.trafikverket.se/store/1/resource/735', 'https://metadata.trafikverket.se/store/1/resource/741']);
  });

  it('reads the service licence and formats', () => {
    expect(d.licences.map((l) => l.kind)).toEqual(['cc0']);
    expect(d.formats).toEqual(['JSON', 'XML']);
    expect(d.distributions).toEqual([]);
  });

  it('reads a phone given directly as a tel: URI, and no e-mail', () => {
    expect(d.contactPoints).toEqual([
      {
        uri: 'https://metadata.trafikverket.se/store/4/resource/22',
        name: 'Trafikverket, API-support',
        phone: '+46771921921',
        url: 'https://api.trafikinfo.trafikverket.se/Support',
        kind: 'organization',
      },
    ]);
  });

  it('reads a foaf:Organization publisher', () => {
    expect(d.publisher).toMatchObject({ orgNumber: '2021006297', name: { en: 'Swedish Transport Administration' } });
  });
});

describe('parseItemGraph: Göteborg dataset (loose metadata)', () => {
  const d = item(fixture('dataset-goteborg-recursive.json'), { contextId: '66', entryId: '71946' });

  it('finds the dataset rather than the series it belongs to', () => {
    expect(d).toMatchObject({ kind: 'dataset', uri: 'https://catalog.goteborg.se/store/6/resource/20190' });
    expect(d.inSeries).toEqual(['https://catalog.goteborg.se/store/6/resource/20001']);
  });

  it('keeps an untagged title and an English-only description', () => {
    expect(d.title).toEqual({ any: 'Badvattentemperatur' });
    expect(d.description).toEqual({ en: "Water temperature measured at the city's public bathing sites during the bathing season." });
    expect(d.keywords).toEqual({ sv: ['bad', 'badplatser', 'vattentemperatur'], en: [], any: ['Göteborg'] });
  });

  it('labels a legacy cld frequency', () => {
    expect(d.frequency).toEqual({
      uri: 'http://purl.org/cld/freq/daily',
      label: { sv: 'Daglig', en: 'Daily' },
      known: true,
      days: 1,
    });
  });

  it('picks the dcterms:publisher among several agents in the graph', () => {
    expect(d.publisher).toMatchObject({ uri: 'http://dataportal.se/organisation/SE2120001355', orgNumber: '2120001355', name: { sv: 'Göteborgs stad' } });
    expect(d.publisher?.type?.label.en).toBe('Local authority');
  });

  it('reads a contact point without e-mail', () => {
    expect(d.contactPoints).toEqual([
      {
        uri: 'https://catalog.goteborg.se/store/6/resource/3',
        name: 'Göteborgs Stad, Kontaktcenter',
        url: 'https://goteborg.se/wps/portal/start/kommun-och-politik/kontakta-oss',
        kind: 'kind',
      },
    ]);
  });

  it('leaves a distribution without format and without a file extension unlabelled', () => {
    const hist = d.distributions[1];
    expect(hist?.format).toBeUndefined();
    expect(hist?.formatLabel).toBeUndefined();
    expect(d.formats).toEqual(['CSV']);
  });

  it('treats CC BY 4.0 with legalcode, no slash and https as one licence', () => {
    expect(d.licences).toHaveLength(1);
    expect(d.licences[0]?.explanation.sv).toBe('Du får använda, dela och bearbeta data, även kommersiellt, om du anger källan.');
  });

  it('reads schema:startDate and a place name on a nested, cyclic blank node', () => {
    expect(d.temporal).toEqual([{ start: '2015-06-01' }]);
    expect(d.spatial).toEqual([{ label: { sv: 'Göteborgs kommun' } }]);
  });
});

describe('parseItemGraph: own record in the shape of the recorded Försäkringskassan response', () => {
  const d = item(fixture('dataset-forsakringskassan-shape.json'), { contextId: '547', entryId: '28690' });

  it('finds the dataset among distributions, agent, vcard and period nodes', () => {
    expect(d.uri).toBe('https://www.forsakringskassan.se/api/sprstatistikrapportera/public/v1/ass-mottagare-manad/meta.json');
    expect(d.title.sv).toBe('Antal personer som har fått assistansersättning per månad');
  });

  it('reads everything the recorded response carries', () => {
    expect(d).toMatchObject({
      kind: 'dataset',
      isApi: false,
      formats: ['XLSX', 'JSON'],
      accessRights: { known: true, label: { sv: 'Offentlig' } },
      frequency: { known: true, days: 31 },
      temporal: [{ start: '2015' }],
      contactPoints: [{ name: 'Statistikservice', email: 'statistikenheten@forsakringskassan.se', kind: 'organization' }],
      publisher: { orgNumber: '2021005521', homepages: ['https://www.forsakringskassan.se'], email: 'forsakringskassan@forsakringskassan.se' },
    });
    expect(d.distributions.map((x) => [x.formatLabel, x.title.sv])).toEqual([
      ['XLSX', 'Uppdelning: Kommun'],
      ['JSON', 'Uppdelning: Ålder'],
      ['JSON', 'Uppdelning: Kommun'],
    ]);
    expect(d.licences.map((l) => l.label.en)).toEqual(['CC BY 4.0']);
    expect(d.themes.map((t) => t.uri.split('/').pop())).toEqual(['SOCI', 'HEAL', 'GOVE']);
    expect(d.skipped).toEqual([]);
  });
});

describe('parseItemGraph: main node', () => {
  it('falls back to the typed node when the given URI is not in the graph', () => {
    expect(item(dataset({}), { contextId: '1', entryId: '2', uri: 'https://example.se/other' }).uri).toBe(DS);
  });

  it.each([
    ['an empty graph', {}],
    ['a graph with only a distribution and an agent', { 'https://example.se/d': { [NS.type]: [U(NS.Distribution)] }, 'https://example.se/a': { [NS.type]: [U(NS.Agent)] } }],
  ])('fails on %s', (_name, graph) => {
    const r = parseItemGraph(graph, { contextId: '1', entryId: '2', uri: DS });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/no dataset, data service or series/);
  });

  it('fails on two unrelated datasets without a URI', () => {
    const r = parseItemGraph({ ...dataset({}), 'https://example.se/dataset/2': { [NS.type]: [U(NS.Dataset)] } }, { contextId: '1', entryId: '2' });
    expect(r.ok).toBe(false);
  });

  it('fails when the given node is not a dataset, service or series', () => {
    const r = parseItemGraph({ [DS]: { [NS.type]: [U(NS.Agent)] } }, { contextId: '1', entryId: '2', uri: DS });
    expect(r.ok).toBe(false);
  });

  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'Internal Server Error'],
  ])('fails on %s', (_name, json) => {
    expect(parseItemGraph(json, { contextId: '1', entryId: '2' }).ok).toBe(false);
  });

  it('rejects an entry reference that is not path-safe', () => {
    expect(parseItemGraph(dataset({}), { contextId: '1/../x', entryId: '2' }).ok).toBe(false);
  });
});

describe('parseItemGraph: contact points', () => {
  const CP = 'https://example.se/contact';
  const cases: Array<[string, Graph, object]> = [
    ['phone on a node with vcard:hasValue', { [CP]: { [NS.fn]: [L('Support')], [NS.hasTelephone]: [B('_:v')] }, '_:v': { [NS.hasValue]: [U('tel:+4631365000')] } }, { name: 'Support', phone: '+4631365000' }],
    ['phone as a direct tel: URI', { [CP]: { [NS.hasTelephone]: [U('tel:+46-8-123 45 00')] } }, { phone: '+46-8-123 45 00' }],
    ['phone as a literal', { [CP]: { [NS.hasTelephone]: [L('08-123 450 00')] } }, { phone: '08-123 450 00' }],
    ['e-mail as a literal with MAILTO: in capitals', { [CP]: { [NS.hasEmail]: [L('MAILTO:data@example.se')] } }, { email: 'data@example.se' }],
    ['e-mail on a node', { [CP]: { [NS.hasEmail]: [B('_:e')] }, '_:e': { [NS.hasValue]: [U('mailto:data@example.se')] } }, { email: 'data@example.se' }],
    ['no e-mail at all', { [CP]: { [NS.fn]: [L('Kundtjänst', 'sv')] } }, { name: 'Kundtjänst' }],
    ['a cyclic telephone node', { [CP]: { [NS.hasTelephone]: [B('_:a')] }, '_:a': { [NS.hasValue]: [B('_:b')] }, '_:b': { [NS.hasValue]: [B('_:a')] } }, {}],
  ];
  it.each(cases)('%s', (_name, nodes, expected) => {
    const d = item(dataset({ [NS.contactPoint]: [U(CP)] }, nodes));
    expect(d.contactPoints).toEqual([{ uri: CP, ...expected }]);
  });

  it('keeps a contact point URI that is not in the graph, and skips a missing blank node', () => {
    const d = item(dataset({ [NS.contactPoint]: [U(CP), B('_:gone')] }));
    expect(d.contactPoints).toEqual([{ uri: CP }]);
    expect(d.skipped).toEqual([{ node: '_:gone', reason: 'contact point blank node is not in the graph' }]);
  });

  it('keeps a blank-node contact point without a uri', () => {
    const d = item(dataset({ [NS.contactPoint]: [B('_:c')] }, { '_:c': { [NS.fn]: [L('Registrator')], [NS.hasEmail]: [U('mailto:registrator@example.se')] } }));
    expect(d.contactPoints).toEqual([{ name: 'Registrator', email: 'registrator@example.se' }]);
  });
});

describe('parseItemGraph: robustness', () => {
  it('terminates on cyclic blank nodes everywhere', () => {
    const g = dataset(
      {
        [NS.spatial]: [B('_:s1')],
        [NS.temporal]: [B('_:t1')],
        [NS.publisher]: [B('_:p')],
        [NS.license]: [B('_:l')],
        [NS.distribution]: [U(DS)],
      },
      {
        '_:s1': { 'http://www.w3.org/ns/locn#geometry': [B('_:s2')] },
        '_:s2': { 'http://www.w3.org/ns/locn#geometry': [B('_:s1')] },
        '_:t1': { 'http://purl.org/dc/terms/hasPart': [B('_:t1')] },
        '_:p': { 'http://www.w3.org/2002/07/owl#sameAs': [B('_:p')], [NS.foafName]: [L('Myndigheten')] },
        '_:l': { 'http://www.w3.org/2000/01/rdf-schema#seeAlso': [B('_:l')] },
      },
    );
    const d = item(g);
    expect(d.spatial).toEqual([]);
    expect(d.temporal).toEqual([]);
    expect(d.publisher).toMatchObject({ uri: '_:p', name: { any: 'Myndigheten' } });
    expect(d.licences).toEqual([]);
    expect(d.distributions).toEqual([]);
    expect(d.skipped.map((s) => s.reason)).toEqual(['licence _:l has neither a URI nor a label', 'period of time has neither start nor end date']);
  });

  it('keeps a publisher that is not in the graph, with the number from its URI', () => {
    const d = item(dataset({ [NS.publisher]: [U('https://dataportal.se/organisation/SE2321000016-vardgivare')] }));
    expect(d.publisher).toEqual({ uri: 'https://dataportal.se/organisation/SE2321000016-vardgivare', name: {}, orgNumber: '2321000016', homepages: [] });
  });

  it('reports a distribution missing from the graph', () => {
    const d = item(dataset({ [NS.distribution]: [U('https://example.se/dist/9')] }));
    expect(d.distributions).toEqual([]);
    expect(d.skipped).toEqual([{ node: 'https://example.se/dist/9', reason: 'distribution is not in the graph' }]);
  });

  it('reads licences given as names and as blank-node documents', () => {
    const d = item(dataset({ [NS.license]: [L('CC BY 4.0'), B('_:doc'), L('Eget avtal')] }, { '_:doc': { 'http://www.w3.org/2000/01/rdf-schema#label': [L('Open Government Licence', 'en')] } }));
    expect(d.licences.map((l) => [l.kind, l.uri, l.label.en ?? l.label.any])).toEqual([
      ['open', 'http://creativecommons.org/licenses/by/4.0/', 'CC BY 4.0'],
      ['unknown', '', 'Open Government Licence'],
      ['unknown', '', 'Eget avtal'],
    ]);
  });

  it('skips wrongly typed values and keeps the item', () => {
    const g = {
      [DS]: {
        [NS.type]: [U(NS.Dataset)],
        [NS.title]: [{ type: 'literal', value: { sv: 'Fel' } }, { type: 'literal', value: 'Rätt', lang: 'sv' }],
        [NS.description]: [{ type: 'literal', value: 'Beskrivning', lang: 7 }],
        [NS.format]: 'text/csv',
        [NS.keyword]: [null, 'nyckelord', { type: 'text', value: 'x' }],
      },
      'https://example.se/junk': 'not an object',
    };
    const d = item(g);
    expect(d.title).toEqual({ sv: 'Rätt' });
    expect(d.description).toEqual({});
    expect(d.formats).toEqual([]);
    expect(d.skipped.map((x) => x.reason.replace(/ \(.*/, ''))).toEqual([
      `${NS.title}[0]: invalid term`,
      `${NS.description}[0]: invalid term`,
      `${NS.format}: values must be an array, got string`,
      `${NS.keyword}[0]: invalid term`,
      `${NS.keyword}[1]: invalid term`,
      `${NS.keyword}[2]: invalid term`,
      'predicates must be an object, got string',
    ]);
    expect(ItemDetail.safeParse(d).success).toBe(true);
  });

  it('keeps a dataset with no title', () => {
    expect(item({ [DS]: { [NS.type]: [U(NS.Dataset)] } }).title).toEqual({});
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = parseItemGraph(json, { contextId: '1', entryId: '2' });
        expect(typeof r.ok).toBe('boolean');
        expect(parseSearchResponse(json).ok === true || parseSearchResponse(json).ok === false).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on RDF/JSON-shaped garbage', () => {
    const term = fc.record({
      type: fc.constantFrom('uri', 'literal', 'bnode', 'other'),
      value: fc.oneof(fc.constantFrom(DS, '_:a', '_:b', NS.Dataset, 'mailto:x@y.se'), fc.string(), fc.integer()),
      lang: fc.option(fc.constantFrom('sv', 'en', 'de', ''), { nil: undefined }),
    });
    const preds = fc.dictionary(fc.constantFrom(...Object.values(NS)), fc.array(term, { maxLength: 4 }));
    const graph = fc.dictionary(fc.constantFrom(DS, '_:a', '_:b', 'https://example.se/x'), preds);
    fc.assert(
      fc.property(graph, (g) => {
        const r = parseItemGraph(g, { contextId: '1', entryId: '2', uri: DS });
        if (r.ok) expect(ItemDetail.safeParse(r.item).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

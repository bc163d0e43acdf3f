import { describe, it, expect } from 'vitest';
import { orgNumberFromPublisherUri, parsePublisherGraph, parsePublishersFromSearch } from '../../../lib/dcat/parse';
import { Publisher } from '../../../lib/dcat/types';
import { L, NS, U, fixture } from './helpers';

describe('orgNumberFromPublisherUri', () => {
  it.each<[string, string | undefined]>([
    ['http://dataportal.se/organisation/SE2021005448', '2021005448'],
    ['https://dataportal.se/organisation/SE2021005448', '2021005448'],
    ['http://dataportal.se/organisation/SE2021005448/', '2021005448'],
    ['http://dataportal.se/organisation/SE2120001355-kretslopp', '2120001355'],
    ['http://dataportal.se/organisation/se2321000016', '2321000016'],
    ['http://id.kb.se/organisations/SE2021006297', '2021006297'],
    ['http://dataportal.se/organisation/SE202100544', undefined],
    ['http://dataportal.se/organisation/SE20210054481', undefined],
    ['http://dataportal.se/organisation/2021005448', undefined],
    ['https://admin.dataportal.se/store/43/resource/7', undefined],
    ['http://dataportal.se/organisation/SE2021005448/extra', undefined],
    ['SE2021005448', undefined],
    ['', undefined],
  ])('%s → %s', (uri, expected) => {
    expect(orgNumberFromPublisherUri(uri)).toBe(expected);
  });
});

describe('parsePublisherGraph', () => {
  const uri = 'https://admin.dataportal.se/store/43/resource/7';

  it('reads name, identifier, pages, e-mail and type', () => {
    const p = parsePublisherGraph(
      {
        [uri]: {
          [NS.type]: [U(NS.Agent)],
          [NS.foafName]: [L('Region Stockholm', 'sv'), L('Stockholm Region', 'en')],
          [NS.identifier]: [L('232100-0016')],
          'http://xmlns.com/foaf/0.1/homepage': [U('https://www.regionstockholm.se')],
          'http://xmlns.com/foaf/0.1/page': [U('https://www.regionstockholm.se'), U('https://www.sll.se')],
          'http://xmlns.com/foaf/0.1/mbox': [U('mailto:registrator@regionstockholm.se')],
          'http://purl.org/dc/terms/type': [U('http://purl.org/adms/publishertype/RegionalAuthority')],
        },
      },
      uri,
    );
    expect(p).toEqual({
      uri,
      name: { sv: 'Region Stockholm', en: 'Stockholm Region' },
      orgNumber: '2321000016',
      homepages: ['https://www.regionstockholm.se', 'https://www.sll.se'],
      email: 'registrator@regionstockholm.se',
      type: { uri: 'http://purl.org/adms/publishertype/RegionalAuthority', label: { sv: 'Regional myndighet', en: 'Regional authority' }, known: true },
    });
    expect(Publisher.safeParse(p).success).toBe(true);
  });

  it.each<[string, string[], string | undefined]>([
    ['ten digits', ['2321000016'], '2321000016'],
    ['with dash', ['232100-0016'], '2321000016'],
    ['with SE prefix', ['SE2321000016'], '2321000016'],
    ['VAT number', ['SE232100001601'], '2321000016'],
    ['a UUID, then a number', ['46aa1cef-e72c-461a-b379-4578354d14b6', '2321000016'], '2321000016'],
    ['only a UUID', ['46aa1cef-e72c-461a-b379-4578354d14b6'], undefined],
  ])('identifier %s', (_name, ids, expected) => {
    const p = parsePublisherGraph({ [uri]: { [NS.identifier]: ids.map((i) => L(i)) } }, uri);
    expect(p?.orgNumber).toBe(expected);
  });

  it('prefers dcterms:identifier over the URI and falls back to the URI', () => {
    const se = 'http://dataportal.se/organisation/SE2021005448';
    expect(parsePublisherGraph({ [se]: { [NS.identifier]: [L('2021005448')] } }, se)?.orgNumber).toBe('2021005448');
    expect(parsePublisherGraph({ [se]: { [NS.foafName]: [L('Skatteverket', 'sv')] } }, se)?.orgNumber).toBe('2021005448');
  });

  it('returns undefined when the agent is not in the graph or the graph is not RDF/JSON', () => {
    expect(parsePublisherGraph({ 'https://example.se/other': {} }, uri)).toBeUndefined();
    expect(parsePublisherGraph('garbage', uri)).toBeUndefined();
    expect(parsePublisherGraph(null, uri)).toBeUndefined();
  });
});

describe('parsePublishersFromSearch', () => {
  const { publishers, skipped } = parsePublishersFromSearch(fixture('search-agents.json'));

  it('reads each agent with its entry reference', () => {
    expect(publishers.map((p) => [p.uri, p.entry?.contextId, p.entry?.entryId, p.orgNumber])).toEqual([
      ['http://dataportal.se/organisation/SE2021005448', '6', '2', '2021005448'],
      ['http://dataportal.se/organisation/SE2120001355', '66', '1', '2120001355'],
      ['https://admin.dataportal.se/store/43/resource/7', '43', '7', '2321000016'],
      ['https://dataportal.se/organisation/SE2021006297-trv', '50', '3', '2021006297'],
    ]);
  });

  it('reads names, pages, e-mail and types', () => {
    const [skv, gbg, rs, trv] = publishers;
    expect(skv).toMatchObject({ name: { sv: 'Skatteverket', en: 'Swedish Tax Agency' }, email: 'skatteverket@skatteverket.se', type: { known: true } });
    expect(gbg?.homepages).toEqual(['https://goteborg.se', 'https://goteborg.se/wps/portal/start/kommun-och-politik']);
    expect(rs?.name).toEqual({ any: 'Region Stockholm' });
    expect(trv).toMatchObject({ email: 'trafikverket@trafikverket.se', homepages: [] });
    expect(trv?.type).toBeUndefined();
    for (const p of publishers) expect(Publisher.safeParse(p).success).toBe(true);
  });

  it('skips a malformed hit with a reason', () => {
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.node).toBe('77/4');
    expect(skipped[0]?.reason).toMatch(/malformed search hit/);
  });

  it('reports a response that is not a search envelope', () => {
    expect(parsePublishersFromSearch({ error: 'Search failed due to wrong parameters' })).toMatchObject({ publishers: [], skipped: [{ node: 'response' }] });
  });
});

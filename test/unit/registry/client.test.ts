// The registry client against the local stub registry, over real HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, nextOffset, type RegistryClient } from '../../../lib/registry/client';
import { RegistryError } from '../../../lib/registry/errors';
import { createTransport, type TransportOptions } from '../../../lib/registry/transport';
import { buildRegistryData, EXPECTED, extraOrgNumber, ORGS } from '../../support/registry-data';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';

function clientFor(stub: RegistryStub, extra: TransportOptions = {}): RegistryClient {
  return createRegistryClient({
    transport: createTransport({ base: stub.base, sleep: async () => undefined, isOnline: () => true, ...extra }),
  });
}

async function failure(p: Promise<unknown>): Promise<RegistryError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(RegistryError);
    return err as RegistryError;
  }
  throw new Error('expected a rejection');
}

describe('registry client against the stub', () => {
  let stub: RegistryStub;
  let client: RegistryClient;

  beforeAll(async () => {
    stub = await startRegistryStub();
    client = clientFor(stub);
  });
  afterAll(async () => {
    await stub.close();
  });
  afterEach(() => {
    stub.setMode('ok');
    stub.reset();
  });

  it('lists a publisher’s datasets, APIs and series, newest first, without series members', async () => {
    const page = await client.searchPublisherItems({ publisherUri: client.publisherUri(ORGS.skatteverket.orgNumber) });
    expect(page.total).toBe(EXPECTED.skatteverket.listedItems);
    expect(page.items).toHaveLength(EXPECTED.skatteverket.listedItems);
    expect(page.skipped).toEqual([]);
    const titles = page.items.map((i) => i.title.sv);
    expect(titles).toContain('Skattesatser per kommun');
    expect(titles).toContain('Testpersonnummer');
    expect(titles).toContain('Taxeringsutfall');
    expect(titles).not.toContain('Taxeringsutfall 2024');
    expect(page.items.filter((i) => i.kind === 'dataservice')).toHaveLength(EXPECTED.skatteverket.apis);
    expect(page.items.filter((i) => i.kind === 'series')).toHaveLength(1);
    const registryModified = page.items.map((i) => i.registryModified ?? '');
    expect(registryModified).toEqual([...registryModified].sort().reverse());
    expect(new Set(page.items.flatMap((i) => i.licences.map((l) => l.kind)))).toEqual(new Set(['cc0', 'open', 'restrictive']));
    expect(page.items.find((i) => i.title.sv?.startsWith('Inkomstskatt'))?.licences).toEqual([]);
    expect(stub.requests).toHaveLength(1);
  });

  it('pages past 100: Trafikverket’s 150 datasets in two requests', async () => {
    const publisherUri = client.publisherUri(ORGS.trafikverket.orgNumber);
    const first = await client.searchPublisherItems({ publisherUri });
    expect(first).toMatchObject({ total: 150, offset: 0, limit: 100 });
    expect(first.items).toHaveLength(100);
    const offset = nextOffset(first);
    expect(offset).toBe(100);
    const second = await client.searchPublisherItems({ publisherUri, ...(offset !== undefined && { offset }) });
    expect(second).toMatchObject({ total: 150, offset: 100 });
    expect(second.items).toHaveLength(50);
    expect(nextOffset(second)).toBeUndefined();
    const ids = new Set([...first.items, ...second.items].map((i) => `${i.contextId}/${i.entryId}`));
    expect(ids.size).toBe(150);
    expect(stub.requests.map((u) => u.searchParams.get('offset'))).toEqual([null, '100']);
  });

  it('searches a publisher’s items by text (all words must match)', async () => {
    const page = await client.searchPublisherItems({ publisherUri: client.publisherUri(ORGS.skatteverket.orgNumber), query: 'skatt kommun' });
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBeLessThan(EXPECTED.skatteverket.listedItems);
    expect(page.items[0]?.title.sv).toBe('Skattesatser per kommun');
    const one = await client.searchPublisherItems({ publisherUri: client.publisherUri(ORGS.skatteverket.orgNumber), query: 'testpersonnummer' });
    expect(one.items.map((i) => i.title.sv).sort()).toEqual(['Testpersonnummer', 'Testpersonnummer API']);
  });

  it('refuses text under 3 characters without a request', async () => {
    const err = await failure(client.searchPublisherItems({ publisherUri: client.publisherUri(ORGS.skatteverket.orgNumber), query: 'sk' }));
    expect(err.kind).toBe('bad-request');
    expect(stub.requests).toHaveLength(0);
  });

  it('filters by kind and sorts by title', async () => {
    const apis = await client.searchPublisherItems({ publisherUri: client.publisherUri(ORGS.skatteverket.orgNumber), kinds: ['dataservice'], sort: 'title' });
    expect(apis.items.map((i) => i.title.sv)).toEqual(['Skattesatser API', 'Skattetabeller API', 'Testpersonnummer API']);
  });

  it('a publisher with no datasets has an empty first page', async () => {
    const page = await client.searchPublisherItems({ publisherUri: client.publisherUri(ORGS.regionStockholm.orgNumber) });
    expect(page).toMatchObject({ total: 0, items: [] });
  });

  it('fetches one item with distributions, publisher and contact point', async () => {
    const item = await client.getItem({ contextId: '6', entryId: '68000' });
    expect(item.title).toEqual({ sv: 'Skattesatser per kommun', en: 'Tax rates per municipality' });
    expect(item.kind).toBe('dataset');
    expect(item.isApi).toBe(true);
    expect(item.distributions).toHaveLength(2);
    expect(item.publisher).toMatchObject({ name: { sv: 'Skatteverket' }, orgNumber: '2021005448', homepages: ['https://www.skatteverket.se'] });
    expect(item.contactPoints[0]).toMatchObject({ name: 'Skatteverket, öppna data', email: 'oppnadata@skatteverket.se' });
    expect(stub.requests.map((u) => u.pathname + u.search)).toEqual(['/store/6/metadata/68000?recursive=dcat']);
    expect(client.portalUrl(item, 'sv')).toBe('https://www.dataportal.se/datasets/6_68000');
  });

  it('fetches a data service with its endpoint', async () => {
    const item = await client.getItem({ contextId: '66', entryId: '71950' });
    expect(item.kind).toBe('dataservice');
    expect(item.endpointUrls).toEqual(['https://data.goteborg.se/parking/v2']);
    expect(item.endpointDescriptions).toEqual(['https://data.goteborg.se/parking/v2/openapi.json']);
    expect(client.portalUrl(item, 'en')).toBe('https://www.dataportal.se/en/dataservice/66_71950');
  });

  it('an unknown entry is a bad-request with status 404', async () => {
    const err = await failure(client.getItem({ contextId: '6', entryId: '999999' }));
    expect(err).toMatchObject({ kind: 'bad-request', status: 404 });
  });

  it('refuses ids that are not path-safe', async () => {
    expect((await failure(client.getItem({ contextId: '../6', entryId: '1' }))).kind).toBe('bad-request');
    expect(stub.requests).toHaveLength(0);
  });

  it('searches publishers by name, hiding private persons', async () => {
    const found = await client.searchPublishers('skatt');
    expect(found.map((p) => p.name.sv)).toEqual(['Skatteverket']);
    const region = await client.searchPublishers('Region Stockholm');
    expect(region.map((p) => p.orgNumber)).toEqual(['2321000016']);
    expect(client.organisationPortalUrl(region[0] ?? {}, 'sv')).toBe('https://www.dataportal.se/organisations/700_1');
  });

  it('searches publishers by organisation number, merging duplicate agent entries', async () => {
    const trv = await client.searchPublishers('202100-6297');
    expect(trv).toHaveLength(1);
    expect(trv[0]).toMatchObject({ name: { sv: 'Trafikverket', en: 'Swedish Transport Administration' }, homepages: ['https://www.trafikverket.se'] });
    const gbg = await client.searchPublishers('SE2120001355');
    expect(gbg.map((p) => p.name.sv)).toEqual(['Göteborgs stad']);
  });

  it('maps registry failures to error kinds', async () => {
    const publisherUri = client.publisherUri(ORGS.goteborg.orgNumber);
    stub.setMode('500');
    expect(await failure(client.searchPublisherItems({ publisherUri }))).toMatchObject({ kind: 'server', status: 500 });
    expect(stub.requests).toHaveLength(3);
    stub.setMode('html');
    expect((await failure(client.searchPublisherItems({ publisherUri }))).kind).toBe('malformed');
    stub.setMode('429');
    // A client of its own: after a 429 with Retry-After, a transport sends nothing for 120 s.
    expect(await failure(clientFor(stub).searchPublisherItems({ publisherUri }))).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    stub.setMode('down');
    expect((await failure(client.searchPublisherItems({ publisherUri }))).kind).toBe('offline');
  });
});

describe('listPublishers', () => {
  it('one facet request, then agent lookups 20 at a time, at most 2 in flight', async () => {
    const stub = await startRegistryStub({ latencyMs: 15, data: buildRegistryData({ extraPublishers: 45, orphanPublishers: 2 }) });
    try {
      const client = clientFor(stub);
      const publishers = await client.listPublishers();
      // 4 of the default organisations publish datasets (Region Stockholm has none), plus 45 + 2.
      expect(publishers).toHaveLength(4 + 45 + 2);
      const [facet, ...lookups] = stub.requests;
      expect(facet?.searchParams.get('facetFields')).toBe('metadata.predicate.uri.9259d4c1');
      expect(facet?.searchParams.get('limit')).toBe('0');
      expect(lookups).toHaveLength(3);
      const perBatch = lookups.map((u) => (u.searchParams.get('query')?.match(/resource:/g) ?? []).length);
      expect(perBatch).toEqual([20, 20, 11]);
      expect(lookups.every((u) => u.searchParams.get('limit') === '100')).toBe(true);
      expect(stub.maxInFlight).toBeLessThanOrEqual(2);
      expect(stub.maxInFlight).toBe(2);

      const byOrg = new Map(publishers.map((p) => [p.orgNumber, p]));
      expect(byOrg.get('2021006297')).toMatchObject({ name: { sv: 'Trafikverket' }, datasetCount: 150 });
      expect(byOrg.get('2021005448')).toMatchObject({ name: { sv: 'Skatteverket' }, datasetCount: EXPECTED.skatteverket.datasetsInFacet, entry: { contextId: '6', entryId: '1' } });
      expect(byOrg.get(extraOrgNumber(1000))).toMatchObject({ name: { sv: 'Myndighet nummer 1000' }, datasetCount: 1 });
      // No agent entry: still listed, with the number from the URI and no name.
      expect(byOrg.get(extraOrgNumber(2000))).toMatchObject({ uri: `http://dataportal.se/organisation/SE${extraOrgNumber(2000)}`, name: {}, datasetCount: 1 });
      expect(publishers[0]?.orgNumber).toBe('2021006297'); // facet order: most datasets first
    } finally {
      await stub.close();
    }
  });

  it('a facet answer without facetFields is malformed', async () => {
    const transport = createTransport({ base: 'https://registry.test/store', fetch: (async () => new Response('{"results":0}')) as typeof fetch });
    const err = await failure(createRegistryClient({ transport }).listPublishers());
    expect(err.kind).toBe('malformed');
  });
});

describe('load on the registry', () => {
  it('ten different searches at once: the stub never sees more than 2', async () => {
    const stub = await startRegistryStub({ latencyMs: 10 });
    try {
      const client = clientFor(stub);
      const publisherUri = client.publisherUri(ORGS.trafikverket.orgNumber);
      const pages = await Promise.all(Array.from({ length: 10 }, (_, i) => client.searchPublisherItems({ publisherUri, offset: i * 10, limit: 10 })));
      expect(pages.every((p) => p.items.length === 10)).toBe(true);
      expect(stub.requests).toHaveLength(10);
      expect(stub.maxInFlight).toBe(2);
    } finally {
      await stub.close();
    }
  });

  it('identical concurrent calls make one request', async () => {
    const stub = await startRegistryStub({ latencyMs: 10 });
    try {
      const client = clientFor(stub);
      await Promise.all([client.getItem({ contextId: '547', entryId: '28672' }), client.getItem({ contextId: '547', entryId: '28672' })]);
      expect(stub.requests).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });
});

// Matching against the local registry stub with the real client and transport: the organisation's
// catalogue first, then the search by host; what is sent to the registry; the request bounds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../lib/registry/client';
import { createTransport } from '../../../lib/registry/transport';
import { MemoryCache } from '../../../lib/storage/memory-cache';
import { createPageMatcher } from '../../../lib/pagedata/registry';
import { matchFindings } from '../../../lib/pagedata/match';
import type { Finding, FindingMatch } from '../../../lib/pagedata/types';
import { LICENCE, ORGS } from '../../support/registry-data';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { loadPage } from './helpers';

let stub: RegistryStub;
beforeAll(async () => {
  stub = await startRegistryStub();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => stub.reset());

function matcher() {
  const transport = createTransport({ base: stub.base });
  const client = createRegistryClient({ transport, cache: new MemoryCache() });
  return { client, transport, matcher: createPageMatcher(client) };
}

const get = (ms: FindingMatch[], id: string) => ms.find((m) => m.id === id);

describe('agency page, organisation known (Skatteverket)', () => {
  const { findings } = loadPage('agency');

  it('matches the chart API to the data service, the CSV to its dataset, and marks the rest', async () => {
    const { matcher: m, transport } = matcher();
    const r = await m.match(findings.findings, { publisherUri: ORGS.skatteverket.uri });
    const api = get(r.matches, 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser');
    expect(api).toMatchObject({ status: 'documented', role: 'endpoint', exact: true, item: { kind: 'dataservice', title: { sv: 'Skattesatser API' } } });
    expect(api?.licence?.uri).toBe(LICENCE.cc0);
    expect(api?.docs).toBe('https://skatteverket.entryscape.net/rowstore/dataset/skattesatser/swagger');
    expect(api?.item?.portalUrl.sv).toMatch(/^https:\/\/www\.dataportal\.se\/dataservice\/6_/);

    const csv = get(r.matches, 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser.csv');
    expect(csv).toMatchObject({ status: 'documented', role: 'download', item: { kind: 'dataset', title: { sv: 'Skattesatser per kommun' } } });
    expect(csv?.licence?.kind).toBe('cc0');
    // The OpenAPI document is the data service's endpoint description.
    expect(get(r.matches, 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser/swagger')).toMatchObject({ status: 'documented', role: 'docs' });

    // The XLSX on the agency's own host: searched by host, not found.
    for (const id of ['https://www.skatteverket.se/download/18.1234/1700000000/inkomststatistik-2025.xlsx', 'https://www.skatteverket.se/api/statistik/v1/inkomster/{n}']) {
      expect(get(r.matches, id)?.status).toBe('undocumented');
    }
    expect(r.searchedHosts).toEqual(expect.arrayContaining(['skatteverket.se']));
    expect(transport.stats().maxInFlight).toBeLessThanOrEqual(2);
  });

  it('never sends a path, query or the page URL; host searches name only hosts', async () => {
    const { matcher: m } = matcher();
    await m.match(findings.findings, { publisherUri: ORGS.skatteverket.uri });
    const sent = stub.requests.map((u) => decodeURIComponent(u.href)).join('\n');
    for (const s of ['inkomststatistik', 'statistik/skattesatser', '/api/statistik', '_offset', 'kommun=0180', 'skattetabeller-2026', 'nyheter']) {
      expect(sent, s).not.toContain(s);
    }
    // Bounded: the organisation's first page, ≤ 12 details, ≤ 2 host searches, 1 parent search.
    expect(stub.requests.length).toBeLessThanOrEqual(1 + 12 + 2 + 1);
  });

  it('answers again from caches without new registry requests', async () => {
    const { matcher: m } = matcher();
    await m.match(findings.findings, { publisherUri: ORGS.skatteverket.uri });
    const n = stub.requests.length;
    await m.match(findings.findings, { publisherUri: ORGS.skatteverket.uri });
    expect(stub.requests.length).toBe(n);
  });
});

describe('municipal map page, no organisation known: search by host', () => {
  const { findings } = loadPage('map');

  it('finds the Göteborg entries through their hosts', async () => {
    const { matcher: m } = matcher();
    const r = await m.match(findings.findings);
    expect(get(r.matches, 'https://data.goteborg.se/parking/v2/spaces/{id}')).toMatchObject({
      status: 'documented',
      role: 'endpoint',
      exact: false,
      item: { kind: 'dataservice', title: { sv: 'Parkerings-API' } },
      docs: 'https://data.goteborg.se/parking/v2/openapi.json',
    });
    expect(get(r.matches, 'https://data.goteborg.se/badvatten/v1/temperatures')).toMatchObject({ status: 'documented', item: { kind: 'dataset' } });
    expect(get(r.matches, 'https://data.goteborg.se/befolkning.xlsx')).toMatchObject({ status: 'documented', role: 'download' });
    expect(get(r.matches, 'https://data.goteborg.se/parking/v2/openapi.json')).toMatchObject({ status: 'documented', role: 'docs' });
    expect(get(r.matches, 'https://goteborg.se/data/forskolor.geojson')?.status).toBe('undocumented');
    expect(get(r.matches, 'https://geodata.goteborg.se/geoserver/ows')?.status).toBe('undocumented');
    expect(r.searchedHosts).toHaveLength(4);
  });

  it('does not name hosts outside the public sector, and says "unknown" for them', async () => {
    const { matcher: m } = matcher();
    const foreign: Finding = {
      id: 'https://api.example.com/v1/x',
      kind: 'api',
      url: 'https://api.example.com/v1/x',
      requests: 1,
      variants: 1,
      params: [],
      sources: ['request'],
      sameSite: false,
    };
    const r = await m.match([foreign]);
    expect(r.matches).toEqual([{ id: foreign.id, status: 'unknown' }]);
    expect(stub.requests).toHaveLength(0);
  });

  it('reports a registry failure as unknown, not as "not in the catalogue"', async () => {
    const { matcher: m } = matcher();
    stub.setMode('500');
    try {
      const r = await m.match(findings.findings.slice(0, 3));
      expect(r.error).toBe('server');
      expect(new Set(r.matches.map((x) => x.status))).toEqual(new Set(['unknown']));
    } finally {
      stub.setMode('ok');
    }
  });
});

describe('matchFindings (pure)', () => {
  const item = (title: string, kind: 'dataset' | 'dataservice' = 'dataset') => ({
    kind,
    contextId: '1',
    entryId: title,
    title: { sv: title },
    licences: [],
    isApi: kind === 'dataservice',
    portalUrl: { sv: 's', en: 'e' },
  });
  const f = (url: string, kind: Finding['kind'] = 'api', pattern?: string): Finding => ({
    id: pattern ?? url,
    kind,
    url,
    ...(pattern && { pattern }),
    requests: 1,
    variants: 1,
    params: [],
    sources: ['request'],
    sameSite: true,
  });

  it('prefers exact over base, longer bases over shorter, and never treats a host or a download URL as a base', () => {
    const cat = [
      { url: 'https://x.se/', role: 'access' as const, item: item('homepage') },
      { url: 'https://x.se/api', role: 'endpoint' as const, item: item('root', 'dataservice') },
      { url: 'https://x.se/api/v1/stats', role: 'endpoint' as const, item: item('stats', 'dataservice') },
      { url: 'https://x.se/files/a.csv', role: 'download' as const, item: item('files') },
    ];
    const m = matchFindings(
      [
        f('https://www.x.se/api/v1/stats/2024?x=1', 'api', 'https://www.x.se/api/v1/stats/{n}'),
        f('http://x.se/api/other'),
        f('https://x.se/files/a.csv', 'file'),
        f('https://x.se/files/a.csv/extra', 'file'),
        f('https://x.se/page', 'file'),
      ],
      cat,
    );
    expect(m.get('https://www.x.se/api/v1/stats/{n}')?.item?.entryId).toBe('stats');
    expect(m.get('http://x.se/api/other')?.item?.entryId).toBe('root');
    expect(m.get('https://x.se/files/a.csv')).toMatchObject({ exact: true, role: 'download' });
    expect(m.has('https://x.se/files/a.csv/extra')).toBe(false);
    expect(m.has('https://x.se/page')).toBe(false);
  });
});

// The stub registry itself: it must refuse what the real EntryStore refuses, or client bugs hide.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NS, ORGS } from '../../support/registry-data';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';

let stub: RegistryStub;
beforeAll(async () => {
  stub = await startRegistryStub();
});
afterAll(async () => {
  await stub.close();
});
afterEach(() => {
  stub.setMode('ok');
  stub.reset();
});

async function get(pathAndQuery: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(stub.url + pathAndQuery);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML stays text
  }
  return { status: res.status, body, headers: res.headers };
}

const DATASET = 'rdfType:http%5C%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset';

describe('stub search', () => {
  it('answers with the EntryStore envelope', async () => {
    const r = await get(`/store/search?type=solr&query=public:true+AND+${DATASET}&limit=2`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ offset: 0, limit: 2, results: expect.any(Number), resource: { children: expect.any(Array) }, facetFields: [] });
    const child = (r.body as { resource: { children: Array<Record<string, unknown>> } }).resource.children[0];
    expect(Object.keys(child ?? {}).sort()).toEqual(['contextId', 'entryId', 'info', 'metadata', 'relations', 'rights']);
  });

  it('serves the same store without the /store prefix', async () => {
    expect((await get(`/search?type=solr&query=public:true+AND+${DATASET}&limit=1`)).status).toBe(200);
  });

  it.each([
    ['unknown field', 'public:true+AND+nosuchfield:x'],
    ['unbalanced parenthesis', 'public:true+AND+(title:abc'],
    ['dangling operator', 'public:true+AND+'],
    ['bare word', 'public:true+AND+skatt'],
    ['unterminated phrase', 'public:true+AND+all:%22abc'],
  ])('400 for a query it cannot parse (%s)', async (_name, query) => {
    const r = await get(`/store/search?type=solr&query=${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: 'Search failed due to wrong parameters' });
  });

  it('400 "Query too short" under 3 characters', async () => {
    const r = await get('/store/search?type=solr&query=ab');
    expect(r).toMatchObject({ status: 400, body: { error: 'Query too short' } });
  });

  it('400 for an unknown sort field or a missing type', async () => {
    expect((await get(`/store/search?type=solr&query=public:true&sort=color+asc`)).status).toBe(400);
    expect((await get(`/store/search?query=public:true`)).status).toBe(400);
  });

  it('caps the page at 100 and defaults to 50', async () => {
    const big = await get(`/store/search?type=solr&query=public:true+AND+${DATASET}&limit=1000`);
    expect(big.body).toMatchObject({ limit: 100 });
    const def = await get(`/store/search?type=solr&query=public:true+AND+${DATASET}`);
    expect(def.body).toMatchObject({ limit: 50 });
  });

  it('facets count over all hits, not the page', async () => {
    const r = await get(`/store/search?type=solr&query=public:true+AND+${DATASET}&limit=0&facetFields=metadata.predicate.uri.9259d4c1&facetLimit=2`);
    const body = r.body as { resource: { children: unknown[] }; facetFields: Array<{ name: string; valueCount: number; values: Array<{ name: string; count: number }> }> };
    expect(body.resource.children).toEqual([]);
    expect(body.facetFields[0]?.values).toEqual([
      { name: ORGS.trafikverket.uri, count: 150 },
      { name: ORGS.skatteverket.uri, count: 11 },
    ]);
    expect(body.facetFields[0]?.valueCount).toBe(4);
  });

  it('records every request', async () => {
    await get('/store/search?type=solr&query=public:true');
    await get('/store/6/metadata/68000');
    expect(stub.requests.map((u) => u.pathname)).toEqual(['/store/search', '/store/6/metadata/68000']);
  });
});

describe('stub metadata', () => {
  it('recursive=dcat adds distributions, publisher and contact point to the graph', async () => {
    const r = await get('/store/547/metadata/28672?recursive=dcat');
    const graph = r.body as Record<string, Record<string, unknown>>;
    const types = Object.values(graph).flatMap((n) => ((n[NS.rdfType] as Array<{ value: string }> | undefined) ?? []).map((t) => t.value));
    expect(types.filter((t) => t === NS.dcatDistribution)).toHaveLength(3);
    expect(types).toContain(NS.foafAgent);
    expect(types).toContain(NS.vcardOrganization);
    expect(graph[ORGS.forsakringskassan.uri]).toBeDefined();
  });

  it('without recursive only the entry’s own graph', async () => {
    const graph = (await get('/store/547/metadata/28672')).body as Record<string, unknown>;
    expect(graph[ORGS.forsakringskassan.uri]).toBeUndefined();
  });

  it('404 for an unknown entry', async () => {
    expect((await get('/store/547/metadata/99')).status).toBe(404);
  });
});

describe('stub modes', () => {
  it('500', async () => {
    stub.setMode('500');
    expect((await get('/store/search?type=solr&query=public:true')).status).toBe(500);
  });

  it('429 with Retry-After', async () => {
    stub.setMode('429', { retryAfter: '7' });
    const r = await get('/store/search?type=solr&query=public:true');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
  });

  it('html with 200', async () => {
    stub.setMode('html');
    const r = await get('/store/search?type=solr&query=public:true');
    expect(r.status).toBe(200);
    expect(String(r.body)).toMatch(/^<!DOCTYPE html>/);
  });

  it('down drops the connection', async () => {
    stub.setMode('down');
    await expect(fetch(`${stub.url}/store/search?type=solr&query=public:true`)).rejects.toThrow(TypeError);
    expect(stub.requests).toHaveLength(1);
  });
});

describe('stub over https', () => {
  it('serves TLS with the given key and certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'insyn-stub-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
      const tls = await startRegistryStub({ https: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) } });
      try {
        expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const status = await new Promise<number>((resolve, reject) => {
          httpsRequest(`${tls.base}/search?type=solr&query=public:true`, { rejectUnauthorized: false }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on('error', reject)
            .end();
        });
        expect(status).toBe(200);
      } finally {
        await tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The background's page-data handlers over the message dispatcher: the collector's answer is
// validated strictly (URLs only), findings come back extracted, matching runs against the registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackground } from '../../../lib/background/service';
import { createDispatcher, PROTOCOL } from '../../../lib/messages';
import { createRegistryClient } from '../../../lib/registry/client';
import { createTransport } from '../../../lib/registry/transport';
import { ORGS } from '../../support/registry-data';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { fakeDeps } from '../background/fakes';
import { loadPage } from './helpers';

const OWN = 'insyn-test';
const page = loadPage('agency');
let stub: RegistryStub;
beforeAll(async () => {
  stub = await startRegistryStub();
});
afterAll(async () => stub.close());

function setup(collect: (tabId: number) => Promise<unknown>) {
  const injected: number[] = [];
  const client = createRegistryClient({ transport: createTransport({ base: stub.base }) });
  const deps = fakeDeps({
    client,
    collectPageData: async (tabId) => {
      injected.push(tabId);
      return collect(tabId);
    },
  });
  const bg = createBackground(deps);
  return { dispatch: createDispatcher(bg.handlers, OWN), deps, injected };
}

describe('page-data', () => {
  it('collects in the asked tab only when asked, and returns the findings', async () => {
    const { dispatch, deps, injected } = setup(async () => page.urls);
    await deps.tabs.set(7, { url: page.url, updatedAt: 0 });
    expect(injected).toEqual([]);
    const reply = await dispatch({ type: 'page-data', payload: { tabId: 7 } }, { id: OWN });
    expect(reply.ok).toBe(true);
    const data = PROTOCOL['page-data'].res.parse((reply as { data: unknown }).data);
    expect(injected).toEqual([7]);
    expect(data.findings.map((f) => f.id)).toContain('https://skatteverket.entryscape.net/rowstore/dataset/skattesatser');
    expect(data.findings.find((f) => f.id.includes('/api/statistik/'))?.sameSite).toBe(true);
  });

  it('refuses a collector answer that carries anything but URLs', async () => {
    for (const bad of [
      { ...page.urls, title: 'Skattesatser och inkomststatistik' },
      { ...page.urls, links: ['Personnummer 19121212-1212'] },
      { ...page.urls, requests: [{ url: 'https://x.se/api', count: 1, body: '{"a":1}' }] },
      'document.body.innerText',
    ]) {
      const { dispatch } = setup(async () => bad);
      const reply = await dispatch({ type: 'page-data', payload: { tabId: 1 } }, { id: OWN });
      expect(reply).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
    }
  });

  it('is refused from another extension', async () => {
    const { dispatch, injected } = setup(async () => page.urls);
    expect(await dispatch({ type: 'page-data', payload: { tabId: 1 } }, { id: 'other' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(injected).toEqual([]);
  });
});

describe('page-match', () => {
  it('matches the findings in the organisation catalogue and by host', async () => {
    const { dispatch } = setup(async () => page.urls);
    const reply = await dispatch({ type: 'page-match', payload: { findings: page.findings.findings, publisherUri: ORGS.skatteverket.uri } }, { id: OWN });
    expect(reply.ok).toBe(true);
    const data = PROTOCOL['page-match'].res.parse((reply as { data: unknown }).data);
    const api = data.matches.find((m) => m.id === 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser');
    expect(api).toMatchObject({ status: 'documented', item: { kind: 'dataservice' }, licence: { kind: 'cc0' } });
    expect(data.matches.filter((m) => m.status === 'undocumented').length).toBeGreaterThan(0);
  });
});

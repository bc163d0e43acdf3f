// Hostile metadata from the registry renders as inert text: no script runs, only http(s)/mailto
// links are clickable, a 1 MB description and thousands of distributions do not hang the popup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, type World } from './harness';
import { buildRegistryData, NS, ORGS, type RdfGraph } from '../support/registry-data';

const XSS_TITLE = '<img src=x onerror="window.__pwned=1">Skattedata\u202Eevil\u200B';
const DS = 'https://www.skatteverket.se/hostile/dataset';

function hostileData() {
  const data = buildRegistryData();
  const u = (value: string) => ({ type: 'uri' as const, value });
  const l = (value: string, lang?: string) => (lang ? { type: 'literal' as const, value, lang } : { type: 'literal' as const, value });
  const graph: RdfGraph = {
    [DS]: {
      [NS.rdfType]: [u('http://www.w3.org/ns/dcat#Dataset')],
      [NS.dctTitle]: [l(XSS_TITLE, 'sv')],
      'http://purl.org/dc/terms/description': [l(`<script>window.__pwned=2</script>${'lång text '.repeat(100_000)}`, 'sv')],
      'http://purl.org/dc/terms/publisher': [u(ORGS.skatteverket.uri)],
      'http://www.w3.org/ns/dcat#landingPage': [u('javascript:window.__pwned=3')],
      'http://xmlns.com/foaf/0.1/page': [u('data:text/html,<script>alert(1)</script>')],
      'http://www.w3.org/ns/dcat#contactPoint': [u('https://www.skatteverket.se/hostile/contact')],
      'http://purl.org/dc/terms/modified': [{ type: 'literal', value: '2026-01-01', datatype: 'http://www.w3.org/2001/XMLSchema#date' }],
      'http://www.w3.org/ns/dcat#distribution': Array.from({ length: 3000 }, (_, i) => u(`https://www.skatteverket.se/hostile/d${i}`)),
    },
    'https://www.skatteverket.se/hostile/contact': {
      [NS.rdfType]: [u('http://www.w3.org/2006/vcard/ns#Organization')],
      'http://www.w3.org/2006/vcard/ns#fn': [l('<b onmouseover=alert(1)>Kontakt</b>')],
      'http://www.w3.org/2006/vcard/ns#hasEmail': [u('javascript:alert(1)')],
      'http://www.w3.org/2006/vcard/ns#hasURL': [u('javascript:window.__pwned=4')],
    },
  };
  for (let i = 0; i < 3000; i++) {
    graph[`https://www.skatteverket.se/hostile/d${i}`] = {
      [NS.rdfType]: [u('http://www.w3.org/ns/dcat#Distribution')],
      'http://www.w3.org/ns/dcat#accessURL': [u(i === 0 ? 'javascript:window.__pwned=5' : `https://www.skatteverket.se/hostile/file${i}.csv`)],
      'http://purl.org/dc/terms/format': [l('text/csv')],
    };
  }
  data.entries.push({
    contextId: ORGS.skatteverket.contextId,
    entryId: '9999',
    resourceUri: DS,
    graph,
    created: '2025-01-01T00:00:00.000Z',
    // Newest, so it is first in the default sort.
    modified: '2026-11-21T00:00:00.000Z',
    public: true,
  });
  return data;
}

describe('hostile registry data', () => {
  let w: World;
  before(async () => {
    w = await startWorld({ data: hostileData() });
  });
  after(async () => w?.close());

  it('renders hostile titles, descriptions and URLs as inert text', async () => {
    const site = await w.h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
    const popup = await w.h.openPopup(site);
    const row = popup.getByTestId('item-row').filter({ hasText: 'Skattedata' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /<img src=x onerror/);
    const t0 = Date.now();
    await row.click();
    await popup.getByTestId('detail').waitFor();
    const renderMs = Date.now() - t0;
    assert.ok(renderMs < 10_000, `detail rendered in ${renderMs} ms`);
    assert.equal(await popup.locator('#main img, #main script, [onerror], [onmouseover]').count(), 0, 'no element came from metadata');
    assert.equal(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    const hrefs = await popup.locator('#main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const h of hrefs) assert.match(h, /^(https?:|mailto:)/, h);
    assert.ok((await popup.getByText('javascript:window.__pwned=3').count()) > 0, 'the unsafe URL is shown as text');
    assert.ok((await popup.getByTestId('distribution').count()) <= 50, 'distributions are capped');
    await popup.close();
  });
});

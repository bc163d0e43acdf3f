// Foundation: the built extension loads in real Chromium, its service worker answers, the
// popup and options render in Swedish and English, and no request leaves for any host but the
// local fixtures and the (stubbed) registry.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, makeCert, startSites, REGISTRY_HOST, SITE_HOSTS, type Harness, type SiteServer } from './harness';

describe('foundation', () => {
  let dir: string;
  let sites: SiteServer;
  let h: Harness;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'insyn-cert-'));
    const tls = await makeCert(dir);
    sites = await startSites(tls);
    h = await launch({ sitesPort: sites.port, locale: 'sv-SE' });
  });

  after(async () => {
    await h?.close();
    await sites?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the service worker with a valid extension id', async () => {
    assert.match(h.extensionId, /^[a-p]{32}$/);
    assert.match(h.sw.url(), /\/background\.js$/);
  });

  it('answers a typed ping from an extension page', async () => {
    const page = await h.openOptions();
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', payload: {} }));
    assert.deepEqual(reply, { ok: true, data: { version: '0.1.0' } });
    const bad = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'nonsense' }));
    assert.equal(bad.ok, false);
    assert.equal(bad.error.kind, 'bad-message');
    await page.close();
  });

  it('renders the popup in Swedish by default (browser in Swedish) and in English when chosen', async () => {
    const site = await h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
    let popup = await h.openPopup(site);
    await popup.getByRole('heading', { name: 'Insyn' }).waitFor();
    assert.equal(await popup.locator('html').getAttribute('lang'), 'sv');
    assert.ok(await popup.getByText('Öppna data bakom offentliga webbplatser').isVisible());
    await popup.close();

    const options = await h.openOptions();
    await options.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await options.getByRole('heading', { name: 'Language' }).waitFor();
    await options.close();

    popup = await h.openPopup(site);
    await popup.getByText('The open data behind public-sector websites').waitFor();
    assert.equal(await popup.locator('html').getAttribute('lang'), 'en');
    await popup.close();
    await h.seedStorage({ 'insyn.settings': { version: 1, lang: 'auto', pausedHosts: [], extraOrigins: [] } });
    await site.close();
  });

  it('sends no request to any host but the fixtures and the registry', async () => {
    const allowed = new Set<string>([...SITE_HOSTS, REGISTRY_HOST]);
    const offenders = h.requests
      .map((u) => new URL(u))
      .filter((u) => (u.protocol === 'http:' || u.protocol === 'https:') && !allowed.has(u.hostname));
    assert.deepEqual(offenders.map(String), []);
    assert.ok(h.requests.some((u) => u.startsWith('https://www.skatteverket.se/')), 'the fixture page was requested');
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error: { kind: string } }> } };

// Where the browser connects during a whole visit: an agency page → its badge → the popup's list →
// a dataset → a report draft → "On this page" → "My reports". Two independent records:
// * every request Playwright sees from the web page, the service worker and the extension pages,
//   with who made it;
// * a sink that every hostname other than the fixtures and the registry resolves to
//   (host-resolver rules), which records the TLS server name or Host header of every connection
//   any part of the browser opens, including requests Playwright does not see.
// The only host the extension contacts is the registry, admin.dataportal.se; the sink hears
// nothing but Chromium's own Google services. A control at the end shows the sink does hear a
// request to an unknown host.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { badgeOf, eventually, REGISTRY_HOST, SITE_HOSTS, startWorld, type World } from './harness';
import { EXPECTED } from '../support/registry-data';

/**
 * Chromium itself (not Insyn) connects to Google's browser services: a bare Chromium 156 with no
 * extension, launched the same way, was measured contacting update.googleapis.com,
 * accounts.google.com and clients2.google.com within seconds. The sink may hear these; any
 * request the extension made to them would show up in Playwright's record, which is checked
 * separately.
 */
const CHROMIUM_OWN = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)$/;

interface Seen {
  url: URL;
  by: 'web page' | 'service worker' | 'extension page';
}

describe('network: a full visit contacts the registry and nothing else', () => {
  let w: World;
  const seen: Seen[] = [];
  before(async () => {
    w = await startWorld({ locale: 'sv-SE', sink: true });
    w.h.context.on('request', (r) => {
      const url = new URL(r.url());
      if (r.serviceWorker()) return void seen.push({ url, by: 'service worker' });
      let from = '';
      try {
        from = r.frame().url();
      } catch {
        // A request without a frame (e.g. a worker of the page) counts as the page's.
      }
      seen.push({ url, by: from.startsWith('chrome-extension:') || url.protocol === 'chrome-extension:' ? 'extension page' : 'web page' });
    });
  });
  after(async () => w?.close());

  it('page → badge → list → detail → report draft → "On this page" → "My reports"', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.skatteverket.se/statistik/');
    // The page itself calls Skatteverket's API and links a CSV: "On this page" has something to show.
    await page.waitForFunction(() => document.body.dataset.loaded !== undefined);
    const badge = await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.skatteverket.listedItems));
    assert.equal(badge.text, String(EXPECTED.skatteverket.listedItems));

    const popup = await w.h.openPopup(page);
    await popup.getByTestId('item-row').filter({ hasText: 'Skattesatser per kommun' }).click();
    await popup.getByTestId('detail').waitFor();
    await popup.getByRole('button', { name: 'Rapportera fel i data' }).click();
    await popup.getByTestId('report-form').waitFor();
    await popup.getByLabel('Beskriv problemet').fill('Skattesatsen för Åre är fel.');
    await popup.getByTestId('draft-status').filter({ hasText: 'Utkastet är sparat.' }).waitFor();

    await popup.getByRole('tab', { name: 'På sidan' }).click();
    await popup.getByTestId('finding').first().waitFor();
    // Every finding looked up (none left "checking").
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="finding"][data-status="checking"]').length === 0);
    await popup.getByRole('tab', { name: 'Mina rapporter' }).click();
    await popup.getByTestId('report-drafts').filter({ hasText: 'Skattesatser per kommun' }).waitFor();
    await popup.close();
    await page.close();

    const hostsBy = (by: Seen['by']) =>
      [...new Set(seen.filter((s) => s.by === by && /^https?:$/.test(s.url.protocol)).map((s) => s.url.hostname))].sort();
    const fromExtension = [...new Set([...hostsBy('service worker'), ...hostsBy('extension page')])].sort();
    assert.deepEqual(fromExtension, [REGISTRY_HOST], 'the extension contacted the registry and nothing else');
    const fixtures = new Set<string>(SITE_HOSTS);
    assert.deepEqual(hostsBy('web page').filter((h) => !fixtures.has(h)), [], 'the page stayed on fixture hosts');
    assert.ok(w.registry.requests.length > 0, 'the registry was asked');
    assert.deepEqual(
      w.sink!.hosts.filter((h) => !CHROMIUM_OWN.test(h)),
      [],
      'no connection to any other host, from any part of the browser (but Chromium\'s own Google services)',
    );
    const all = [...new Set(seen.map((s) => s.url).filter((u) => /^https?:$/.test(u.protocol)).map((u) => u.hostname))];
    console.log(
      `# http(s) requests seen: ${['web page', 'service worker', 'extension page'].map((by) => `${seen.filter((s) => s.by === by && /^https?:$/.test(s.url.protocol)).length} by the ${by}`).join(', ')}; ${w.registry.requests.length} answered by the registry; hosts: ${all.sort().join(', ')}; sink heard: ${[...new Set(w.sink!.hosts)].sort().join(', ') || 'nothing'}`,
    );
  });

  it('control: the sink does hear connections to unknown hosts', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.example.com/');
    // From the page: HTTPS, so the sink reads the TLS server name.
    await page.evaluate(() => fetch('https://tracker.example.net/pixel', { mode: 'no-cors' }).catch(() => undefined));
    const hosts = await eventually(async () => [...w.sink!.hosts], (h) => h.includes('tracker.example.net'), 5000);
    assert.ok(hosts.includes('tracker.example.net'), `TLS server name recorded: ${hosts.join(', ')}`);
    await page.close();
    // Plain HTTP (a secure page may not fetch it; here straight from the test): the Host header.
    await new Promise<void>((resolve, reject) => {
      const socket = connect(w.sink!.port, '127.0.0.1', () => socket.write('GET /beacon HTTP/1.1\r\nHost: plain.example.org\r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    assert.ok(w.sink!.hosts.includes('plain.example.org'), 'HTTP Host recorded');
  });
});

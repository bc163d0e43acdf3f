// Data health in the real popup: a score and band on every row, the organisation's health summary,
// "worst first", the detail's quality card, and the link check on demand against a local server
// answering 200, 404 and never (timeout) for distribution URLs; a broken link opens a report draft
// prefilled with the evidence. No link is requested before the user clicks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { launch, makeCert, seriousA11yViolations, startSites, type Harness, type SiteServer } from './harness';
import { startRegistryStub, type RegistryStub } from '../support/registry-stub';
import { buildRegistryData, EXPECTED, NS, ORGS } from '../support/registry-data';



const OK = '/download/folkbokforing-lan.xlsx';
const GONE = '/download/moms-bransch.csv';
const SLOW = '/download/agd-statistik.csv';

/** Distribution URLs on a mapped host: 200, 404, and one that never answers. */
function distributionRoutes(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'https://x');
  if (url.pathname === OK) {
    res.writeHead(req.method === 'GET' && req.headers.range ? 206 : 200, { 'content-type': 'application/octet-stream' }).end(req.method === 'HEAD' ? undefined : 'x');
    return true;
  }
  if (url.pathname === GONE) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(req.method === 'HEAD' ? undefined : 'not found');
    return true;
  }
  if (url.pathname === SLOW) {
    // Never answers; dropped after the extension has long given up, so the server can close.
    setTimeout(() => res.destroy(), 30_000).unref();
    return true;
  }
  return false;
}

/** The stub's data, with "Folkbokföringsstatistik per län" given the other two datasets' files as well. */
function registryData() {
  const data = buildRegistryData();
  const ctx = ORGS.skatteverket.contextId;
  const node = (entryId: string) => {
    const e = data.entries.find((x) => x.contextId === ctx && x.entryId === entryId);
    assert.ok(e, `entry ${entryId}`);
    return e.graph[e.resourceUri] as Record<string, { type: 'uri'; value: string }[]>;
  };
  const folk = node('68002');
  const more = [...(node('68003')[NS.dcatDistributionP] ?? []), ...(node('68004')[NS.dcatDistributionP] ?? [])];
  folk[NS.dcatDistributionP] = [...(folk[NS.dcatDistributionP] ?? []), ...more];
  return data;
}

describe('data health', () => {
  let dir: string;
  let sites: SiteServer;
  let registry: RegistryStub;
  let h: Harness;
  let site: Page;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'insyn-q-'));
    const tls = await makeCert(dir);
    sites = await startSites(tls, distributionRoutes);
    registry = await startRegistryStub({ https: tls, data: registryData() });
    h = await launch({ sitesPort: sites.port, registryPort: registry.port, locale: 'sv-SE' });
    site = await h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
  });
  after(async () => {
    await h?.close();
    await registry?.close();
    await sites?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows a score on every row, the health summary, and sorts worst first', async () => {
    const popup = await h.openPopup(site);
    await popup.getByTestId('item-row').first().waitFor();
    const rows = EXPECTED.skatteverket.listedItems;
    assert.equal(await popup.getByTestId('item-row').count(), rows);
    assert.equal(await popup.locator('[data-testid="item-row"] [data-testid="score"]').count(), rows, 'a score badge on every row');
    // A list row is an estimate (≈) with its band in words.
    assert.match((await popup.getByTestId('score').first().textContent()) ?? '', /^≈ (Utmärkt|Bra|Tillräcklig|Dålig) \d+ %$/);

    const health = popup.getByTestId('health');
    await health.locator('summary').click();
    assert.match((await popup.getByTestId('health-open').textContent()) ?? '', new RegExp(`^\\d+ av ${rows} har öppen licens$`));
    assert.match((await popup.getByTestId('health-cc0').textContent()) ?? '', /^\d+ av \d+ har CC0$/);
    assert.match((await popup.getByTestId('health-fresh').textContent()) ?? '', /uppdaterade enligt sin frekvens \(\d+ försenade\)/);
    assert.match((await popup.getByTestId('health-contact').textContent()) ?? '', /Kontaktpunkter syns inte i listan/);
    assert.ok((await popup.getByTestId('health-gaps').locator('li').count()) > 0);
    assert.deepEqual(await seriousA11yViolations(popup), []);
    if (process.env.INSYN_SHOTS) await popup.screenshot({ path: path.join(process.env.INSYN_SHOTS, 'quality-list.png'), fullPage: true });

    await popup.getByRole('combobox', { name: 'Sortera' }).selectOption('worst');
    await popup.waitForFunction(() => {
      const r = [...document.querySelectorAll('[data-testid="item-row"] [data-testid="score"]')].map((e) => Number((e as HTMLElement).dataset.ratio));
      return r.length > 1 && r.every((v, i) => i === 0 || (r[i - 1] as number) <= v);
    });
    // Licence missing is among the worst; the best-documented dataset comes last.
    const ratios = await popup.locator('[data-testid="item-row"] [data-testid="score"]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.ratio)));
    assert.ok((ratios[0] as number) < (ratios[ratios.length - 1] as number));
    await popup.close();
  });

  it('checks links only on the click: 200 answers, 404 and a timeout do not, and a broken link opens a prefilled report', async () => {
    const popup = await h.openPopup(site);
    await popup.getByTestId('item-row').filter({ hasText: 'Folkbokföringsstatistik per län' }).click();
    const card = popup.getByTestId('quality');
    await card.waitFor();
    assert.match((await popup.getByTestId('quality-summary').textContent()) ?? '', /^Uppskattat betyg: (Utmärkt|Bra|Tillräcklig|Dålig) – \d+ av 325 bedömda poäng/);
    assert.match((await popup.getByTestId('quality-gaps').textContent()) ?? '', /ingen tidsperiod/);
    assert.equal(sites.requests.filter((r) => r.includes('/download/')).length, 0, 'no link is requested before the click');

    await card.getByRole('button', { name: 'Kontrollera länkarna (3)' }).click();
    const results = popup.getByTestId('link-result');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="link-result"]').length === 3, undefined, { timeout: 30_000 });
    const state = async (p: string) => {
      const li = results.filter({ has: popup.locator(`a[href$="${p}"]`) });
      return { state: await li.getAttribute('data-state'), text: (await li.textContent()) ?? '' };
    };
    const ok = await state(OK);
    assert.equal(ok.state, 'ok');
    assert.match(ok.text, /Svarar \(200\)/);
    const gone = await state(GONE);
    assert.equal(gone.state, 'broken');
    assert.match(gone.text, /Svarar inte: HTTP 404/);
    const slow = await state(SLOW);
    assert.equal(slow.state, 'broken');
    assert.match(slow.text, /Svarar inte: svarar inte i tid/);
    // HEAD first; the 404 was asked again with a ranged GET; the hanging one only once.
    assert.equal(sites.requests.filter((r) => r.endsWith(GONE)).length, 2);
    assert.equal(sites.requests.filter((r) => r.endsWith(SLOW)).length, 1);

    // Every indicator is now judged: the band is final, and the broken links are named.
    assert.match((await popup.getByTestId('quality-summary').textContent()) ?? '', /^Betyg: (Utmärkt|Bra|Tillräcklig|Dålig) – \d+ av 405 poäng$/);
    assert.match((await popup.getByTestId('quality-gaps').textContent()) ?? '', /åtkomstlänken svarar inte på 2 av 3 distributioner \(HTTP 404, svarar inte i tid\)/);

    await card.locator('details summary').click();
    assert.equal(await popup.getByTestId('quality-dimensions').locator('tbody tr').count(), 5);
    assert.deepEqual(await seriousA11yViolations(popup), []);
    if (process.env.INSYN_SHOTS) await popup.screenshot({ path: path.join(process.env.INSYN_SHOTS, 'quality-detail.png'), fullPage: true });

    await results.filter({ has: popup.locator(`a[href$="${GONE}"]`) }).getByRole('button', { name: 'Rapportera trasig länk' }).click();
    await popup.getByTestId('report-form').waitFor();
    assert.equal(await popup.locator('#r-category').inputValue(), 'broken-link');
    const desc = await popup.locator('#r-desc').inputValue();
    assert.match(desc, new RegExp(`https://www\\.skatteverket\\.se${GONE.replace(/\./g, '\\.')} fungerar inte: HTTP 404\\. Kontrollerad \\d{4}-\\d{2}-\\d{2} med Insyn\\.`));
    assert.equal(await popup.locator('#r-where').inputValue(), `https://www.skatteverket.se${GONE}`);
    await popup.close();
  });

  it('a second check within 24 hours is answered from the cache', async () => {
    const before = sites.requests.filter((r) => r.includes('/download/')).length;
    const popup = await h.openPopup(site);
    await popup.getByTestId('item-row').filter({ hasText: 'Folkbokföringsstatistik per län' }).click();
    await popup.getByTestId('quality').getByRole('button', { name: 'Kontrollera länkarna (3)' }).click();
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="link-result"]').length === 3, undefined, { timeout: 5_000 });
    assert.equal(sites.requests.filter((r) => r.includes('/download/')).length, before, 'no new request');
    await popup.close();
  });
});

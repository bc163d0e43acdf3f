// The popup on a known agency's page: organisation, counts, list with licence and frequency
// labels, detail with contact point and distributions, search and the APIs-only filter, the
// offline state with cached data, English, and an axe-core accessibility check.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { eventually, seriousA11yViolations, startWorld, type World } from './harness';
import { EXPECTED } from '../support/registry-data';




describe('popup', () => {
  let w: World;
  let site: Page;
  before(async () => {
    w = await startWorld({ locale: 'sv-SE' });
    site = await w.h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
  });
  after(async () => w?.close());

  it('shows the organisation, counts, licence and frequency labels', async () => {
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('org-name').filter({ hasText: 'Skatteverket' }).waitFor();
    assert.equal(await popup.getByTestId('org-number').textContent(), '202100-5448');
    await popup.getByTestId('item-row').first().waitFor();
    assert.equal(await popup.getByTestId('item-row').count(), EXPECTED.skatteverket.listedItems);
    const counts = await popup.getByTestId('counts').textContent();
    const datasets = EXPECTED.skatteverket.listedItems - EXPECTED.skatteverket.apis;
    assert.match(counts ?? '', new RegExp(`${datasets} datamängder · ${EXPECTED.skatteverket.apis} API:er`));
    const row = popup.getByTestId('item-row').filter({ hasText: 'Skattesatser per kommun' });
    assert.match((await row.textContent()) ?? '', /API/);
    assert.ok((await popup.locator('[data-licence="cc0"]').count()) > 0, 'a CC0 badge');
    assert.ok((await popup.locator('[data-licence="missing"]').count()) > 0, 'a missing-licence badge');
    assert.match((await popup.locator('.item-meta').allTextContents()).join(' '), /Uppdatering: årlig · senast \d{4}-\d{2}-\d{2}/);
    assert.ok((await popup.getByTestId('overdue').count()) > 0, 'an overdue dataset is marked');
    assert.deepEqual((await seriousA11yViolations(popup)), []);
    await popup.close();
  });

  it('search and the APIs-only filter narrow the list', async () => {
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('item-row').first().waitFor();
    await popup.getByLabel('Bara API:er').check();
    // APIs themselves plus datasets served through one: fewer than all, at least the APIs, each marked.
    await popup.waitForFunction((n) => document.querySelectorAll('[data-testid="item-row"]').length < n, EXPECTED.skatteverket.listedItems);
    const apiRows = await popup.getByTestId('item-row').allTextContents();
    assert.ok(apiRows.length >= EXPECTED.skatteverket.apis);
    assert.ok(apiRows.every((r) => /API/.test(r)));
    await popup.getByLabel('Bara API:er').uncheck();
    await popup.getByRole('searchbox', { name: 'Sök i organisationens data' }).fill('testpersonnummer');
    // The dataset and its API both match.
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="item-row"]').length === 2);
    for (const row of await popup.getByTestId('item-row').allTextContents()) assert.match(row, /Testpersonnummer/);
    await popup.close();
  });

  it('opens a detail view with contact point, distributions and a curl line', async () => {
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('item-row').filter({ hasText: 'Skattesatser per kommun' }).click();
    const detail = popup.getByTestId('detail');
    await detail.waitFor();
    assert.equal(await popup.evaluate(() => document.activeElement?.id), 'detail-title', 'focus moves to the detail heading');
    assert.match((await popup.getByTestId('contact').textContent()) ?? '', /oppnadata@skatteverket\.se/);
    assert.ok((await popup.getByTestId('distribution').count()) >= 2);
    assert.match((await popup.getByTestId('curl').first().textContent()) ?? '', /^curl -sSL 'https:\/\//);
    assert.ok(await popup.getByRole('link', { name: 'Öppna på dataportal.se' }).isVisible());
    assert.deepEqual((await seriousA11yViolations(popup)), []);
    await popup.getByRole('button', { name: /Tillbaka/ }).click();
    await popup.getByTestId('item-row').first().waitFor();
    const focused = await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);
    assert.equal(focused, 'item-row', 'focus returns to the row');
    await popup.close();
  });

  it('shows cached data with its age when the registry stops answering', async () => {
    // Age every cache entry by 7 hours (past the 6 h TTL) through the service worker.
    await w.h.extEval(async () => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('insyn');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction('cache', 'readwrite');
        const store = tx.objectStore('cache');
        const req = store.openCursor();
        req.onsuccess = () => {
          const c = req.result;
          if (!c) return;
          c.update({ ...c.value, storedAt: c.value.storedAt - 7 * 3600_000 });
          c.continue();
        };
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    }, undefined);
    // Hours later the worker has long been stopped (MV3 stops it after 30 s idle): its memory of
    // recent reads (lib/storage/hot-cache.ts) is gone, as here.
    const cdp = await w.h.context.newCDPSession(site);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    w.registry.setMode('down');
    try {
      const popup = await w.h.openPopup(site);
      await popup.getByTestId('item-row').first().waitFor();
      const notice = popup.getByTestId('offline');
      await notice.waitFor({ timeout: 30_000 });
      assert.match((await notice.textContent()) ?? '', /sparad data från 7 tim sedan/);
      assert.equal(await popup.getByTestId('item-row').count(), EXPECTED.skatteverket.listedItems, 'cached rows stay visible');
      await popup.close();
    } finally {
      w.registry.setMode('ok');
    }
  });

  it('a warm popup shows the organisation and its list in its very first render (the background\'s snapshot)', async () => {
    const tabId = await w.h.tabIdOf(site);
    // The background keeps its last answer for the tab in storage.session once the badge is set.
    await eventually(
      () => w.h.extEval((id: number) => (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(`snap:${id}`), tabId),
      (got) => Object.keys(got).length > 0,
    );
    const popup = await w.h.context.newPage();
    // Records what #app holds when something is first put into it.
    await popup.addInitScript(() => {
      const w = window as unknown as { __first?: string };
      new MutationObserver((_m, obs) => {
        const app = document.getElementById('app');
        if (!app?.firstChild) return;
        w.__first = [app.querySelector('[data-testid="org-name"]') ? 'org' : '', app.querySelector('[data-testid="item-row"]') ? 'rows' : ''].join(',');
        obs.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    await popup.goto(`chrome-extension://${w.h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByTestId('item-row').first().waitFor();
    assert.equal(await popup.evaluate(() => (window as unknown as { __first?: string }).__first), 'org,rows');
    await popup.close();
  });

  it('renders in English when chosen in the options, and the options page is accessible', async () => {
    const options = await w.h.openOptions();
    await options.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await options.getByRole('heading', { name: 'Language' }).waitFor();
    assert.deepEqual((await seriousA11yViolations(options)), []);
    await options.close();
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('item-row').first().waitFor();
    assert.match((await popup.getByTestId('counts').textContent()) ?? '', /datasets · \d+ APIs/);
    assert.ok(await popup.getByRole('button', { name: 'Wrong organisation?' }).isVisible());
    // Metadata in the UI language when the publisher gave it.
    await popup.getByTestId('item-row').filter({ hasText: 'Tax rates per municipality' }).click();
    await popup.getByRole('heading', { name: 'Contact point' }).waitFor();
    assert.deepEqual((await seriousA11yViolations(popup)), []);
    await popup.close();
    await w.h.seedStorage({ 'insyn.settings': { version: 1, lang: 'auto', pausedHosts: [], extraOrigins: [] } });
  });
});

describe('privacy on the wire', () => {
  it('never sends the page address to the registry, and contacts no other host', async () => {
    const w = await startWorld();
    try {
      const page = await w.h.context.newPage();
      await page.goto('https://www.skatteverket.se/privat?personnummer=191212121212#x');
      const popup = await w.h.openPopup(page);
      await popup.getByTestId('item-row').first().waitFor();
      await popup.close();
      assert.ok(w.registry.requests.length > 0, 'the registry was asked');
      for (const u of w.registry.requests.map(String)) {
        assert.doesNotMatch(decodeURIComponent(u), /www\.skatteverket\.se|privat|personnummer|191212/, u);
      }
      const hosts = new Set(w.h.requests.map((u) => new URL(u)).filter((u) => /^https?:$/.test(u.protocol)).map((u) => u.hostname));
      assert.deepEqual([...hosts].sort(), ['admin.dataportal.se', 'www.skatteverket.se']);
    } finally {
      await w.close();
    }
  });
});

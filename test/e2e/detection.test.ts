// Detection end to end: the detector and the background's resolution put the right dataset count
// on the toolbar badge of a known agency and of a municipality, nothing on a commercial site, and
// a correction made in the popup changes the badge on reload.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badgeOf, eventually, startWorld, type World } from './harness';
import { EXPECTED } from '../support/registry-data';

describe('detection and badge', () => {
  let w: World;
  before(async () => {
    w = await startWorld();
  });
  after(async () => w?.close());

  it('shows the agency badge count from the stubbed registry', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.skatteverket.se/');
    const badge = await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.skatteverket.listedItems));
    assert.equal(badge.text, String(EXPECTED.skatteverket.listedItems));
    // Headless Chromium reports en-US as the service worker's UI language whatever the locale.
    assert.match(badge.title, /Skatteverket|Swedish Tax Agency/);
    await page.close();
  });

  it('shows the municipality badge count (hostname alone, no org number on the page)', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://goteborg.se/');
    const badge = await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.goteborg.listedItems));
    assert.equal(badge.text, String(EXPECTED.goteborg.listedItems));
    assert.match(badge.title, /Göteborg|Gothenburg/);
    await page.close();
  });

  it('gives a commercial .se page no badge, and its detector sends no message', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.handelsbolaget-exempel.se/');
    await page.waitForTimeout(500);
    const badge = await badgeOf(w.h, page);
    assert.equal(badge.text, '');
    const tabId = await w.h.tabIdOf(page);
    const stored = await w.h.extEval(async (id: number) => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { signals?: unknown }>> } } } }).chrome;
      return (await c.storage.session.get(`tab:${id}`))[`tab:${id}`];
    }, tabId);
    assert.ok(stored, 'the tab was seen (hostname resolution)');
    assert.equal(stored.signals, undefined, 'no signals message arrived from the detector');
    await page.close();
  });

  it('does not run the detector outside the public-sector hosts', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.example.com/');
    await page.waitForTimeout(300);
    assert.equal((await badgeOf(w.h, page)).text, '');
    await page.close();
  });

  it('a correction made in the popup changes the badge on reload', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.skatteverket.se/privat');
    await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.skatteverket.listedItems));
    const popup = await w.h.openPopup(page);
    await popup.getByRole('button', { name: 'Fel organisation?' }).click();
    await popup.getByLabel('Sök organisation (namn eller org.nr)').fill('Göteborg');
    await popup.getByRole('button', { name: /Välj: Göteborgs stad/ }).click();
    await popup.getByTestId('org-name').filter({ hasText: 'Göteborgs stad' }).waitFor();
    await popup.close();
    await page.reload();
    const badge = await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.goteborg.listedItems));
    assert.equal(badge.text, String(EXPECTED.goteborg.listedItems));
    await page.close();
    // Leave no correction behind for the next test.
    await w.h.extEval(() => chrome.runtime.sendMessage({ type: 'clear-corrections', payload: {} }), undefined);
  });

  it('keeps working after the service worker is stopped', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.skatteverket.se/');
    await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.skatteverket.listedItems));
    const tabId = await w.h.tabIdOf(page);
    const cdp = await w.h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // A message wakes the worker again: the popup still knows the page (tab state in storage.session).
    const popup = await w.h.openPopup(page, tabId);
    await popup.getByTestId('org-name').filter({ hasText: 'Skatteverket' }).waitFor();
    await popup.getByTestId('item-row').first().waitFor();
    await popup.close();
    // And a new navigation gets its badge from the restarted worker.
    const other = await w.h.context.newPage();
    await other.goto('https://goteborg.se/');
    const badge = await eventually(() => badgeOf(w.h, other), (b) => b.text === String(EXPECTED.goteborg.listedItems));
    assert.equal(badge.text, String(EXPECTED.goteborg.listedItems));
    await page.close();
    await other.close();
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

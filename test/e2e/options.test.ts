// Options: remembered corrections can be seen and cleared, the cache shows its size and can be
// emptied, and pausing Insyn on a site from the popup removes the badge until resumed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badgeOf, eventually, startWorld, type World } from './harness';
import { EXPECTED } from '../support/registry-data';

describe('options', () => {
  let w: World;
  before(async () => {
    w = await startWorld();
  });
  after(async () => w?.close());

  it('lists a correction made in the popup and clears it', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.lansstyrelsen.se/stockholm/');
    const popup = await w.h.openPopup(page);
    // Länsstyrelsen is no publisher in the stub: recognised by its org number, with no datasets.
    await popup.getByTestId('no-datasets').waitFor();
    assert.match((await popup.getByTestId('no-datasets').textContent()) ?? '', /Organisationen med org\.nr 202100-2163 har inte publicerat/);
    await popup.getByRole('button', { name: 'Fel organisation?' }).click();
    await popup.getByLabel(/Sök organisation/).fill('Skatteverket');
    await popup.getByRole('radio', { name: /Gäller bara/ }).check();
    await popup.getByRole('button', { name: /Välj: Skatteverket/ }).click();
    await popup.getByTestId('org-name').filter({ hasText: 'Skatteverket' }).waitFor();
    await popup.close();

    const options = await w.h.openOptions();
    const list = options.getByTestId('corrections');
    await list.waitFor();
    assert.match((await list.textContent()) ?? '', /lansstyrelsen\.se\/stockholm → Skatteverket/);
    await options.getByRole('button', { name: 'Rensa alla' }).click();
    await options.getByText('Inga rättelser sparade.').waitFor();
    await options.close();
    await page.close();
  });

  it('shows the cache size and empties it', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://www.skatteverket.se/');
    await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.skatteverket.listedItems));
    const options = await w.h.openOptions();
    const stats = options.getByTestId('cache-stats');
    await stats.waitFor();
    assert.match((await stats.textContent()) ?? '', /^[1-9]\d* sparade svar/);
    const snapshots = () =>
      w.h.extEval(async () => {
        const all = await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(null);
        return Object.keys(all).filter((k) => k.startsWith('snap:')).length;
      }, undefined);
    assert.ok((await eventually(snapshots, (n) => n > 0)) > 0, 'the popup snapshot of the tab is kept');
    await options.getByRole('button', { name: 'Töm' }).click();
    await options.getByText(/^0 sparade svar/).waitFor();
    // The popups' snapshots hold cached data too: emptied with the rest.
    assert.equal(await snapshots(), 0);
    await options.close();
    await page.close();
  });

  it('pausing on a site removes its badge; resuming in the options brings it back', async () => {
    const page = await w.h.context.newPage();
    await page.goto('https://goteborg.se/');
    await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.goteborg.listedItems));
    const popup = await w.h.openPopup(page);
    await popup.getByRole('button', { name: 'Pausa Insyn på goteborg.se' }).click();
    await popup.getByTestId('paused').waitFor();
    await popup.close();
    assert.equal((await eventually(() => badgeOf(w.h, page), (b) => b.text === '')).text, '');

    const options = await w.h.openOptions();
    await options.getByRole('button', { name: 'Återuppta: goteborg.se' }).click();
    await options.getByText('Insyn är inte pausad någonstans.').waitFor();
    await options.close();
    await page.reload();
    // The badge may first show the directory's dataset count (facet), then the listed items.
    assert.equal((await eventually(() => badgeOf(w.h, page), (b) => b.text === String(EXPECTED.goteborg.listedItems))).text, String(EXPECTED.goteborg.listedItems));
    await page.close();
  });
});

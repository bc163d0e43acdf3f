// A browser restart with a report draft open: on a persistent profile, the user sends one report,
// starts a second one (typing into the form, not sending), and quits the browser with the popup
// still open. After starting the browser again on the same profile the draft text and the history
// are there, and the agency page gets its badge back (from the cache in the profile: the registry
// is unreachable meanwhile).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { badgeOf, eventually, interceptOpen, startWorld, type Harness, type World } from './harness';
import { EXPECTED } from '../support/registry-data';

const SENT_DATASET = 'Skattesatser per kommun';
const DRAFT_DATASET = 'Testpersonnummer';
const DRAFT_TEXT = 'Tabell 32 för 2026 saknar kolumn 6.\nGäller både PDF och CSV – rad 14–19.';
const REF = /INSYN-\d{8}-[2-9A-HJKMNP-Z]{4}/;
const BADGE = String(EXPECTED.skatteverket.listedItems);


async function openReportForm(h: Harness, site: Page, dataset: string): Promise<Page> {
  const popup = await h.openPopup(site);
  // The dataset, not the API of the same name ("Testpersonnummer API").
  await popup.getByTestId('item-row').filter({ hasText: dataset }).filter({ hasNotText: `${dataset} API` }).click();
  await popup.getByTestId('detail').waitFor();
  await popup.getByRole('button', { name: 'Rapportera fel i data' }).click();
  await popup.getByTestId('report-form').waitFor();
  return popup;
}

describe('browser restart with a report draft open', () => {
  let profile: string;
  let w: World;
  before(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'insyn-profile-'));
    w = await startWorld({ locale: 'sv-SE', userDataDir: profile });
  });
  after(async () => {
    await w?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('keeps the draft text and the history, and the badge comes back', async () => {
    await interceptOpen(w.h.context);
    let site = await w.h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
    await eventually(() => badgeOf(w.h, site), (b) => b.text === BADGE);

    // One report sent.
    const first = await openReportForm(w.h, site, SENT_DATASET);
    await first.getByLabel('Beskriv problemet').fill('Åre har fel skattesats för 2025.');
    await first.getByRole('button', { name: 'Öppna i e-postprogrammet' }).click();
    const notice = first.getByTestId('report-sent-notice');
    await notice.waitFor();
    const ref = REF.exec((await notice.textContent()) ?? '')?.[0];
    assert.ok(ref, 'the sent report has a reference');
    await first.close();

    // A second one typed, not sent; the popup stays open while the browser quits.
    const draft = await openReportForm(w.h, site, DRAFT_DATASET);
    await draft.getByLabel('Vad är fel?').selectOption({ label: 'Fel eller inaktuella värden' });
    await draft.getByLabel('Beskriv problemet').fill(DRAFT_TEXT);
    await draft.getByTestId('draft-status').filter({ hasText: 'Utkastet är sparat.' }).waitFor();

    const t0 = Date.now();
    const h = await w.restart();
    const restartMs = Date.now() - t0;
    assert.equal(h.userDataDir, profile);

    // The agency page gets its badge back, even with the registry unreachable: from the cache
    // kept in the profile.
    w.registry.setMode('down');
    try {
      site = await h.context.newPage();
      await site.goto('https://www.skatteverket.se/');
      const badge = await eventually(() => badgeOf(h, site), (b) => b.text === BADGE);
      assert.equal(badge.text, BADGE);
    } finally {
      w.registry.setMode('ok');
    }

    // "My reports": the sent report and the unsent draft.
    const reports = await h.openPopup(site);
    await reports.getByRole('tab', { name: 'Mina rapporter' }).click();
    await reports.getByTestId('report-drafts').filter({ hasText: DRAFT_DATASET }).waitFor();
    const item = reports.getByTestId('report-item');
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.equal(await item.getByTestId('report-ref').textContent(), ref);
    assert.equal(await item.getAttribute('data-status'), 'sent');
    await reports.close();

    // The draft reopens from its dataset with the text as typed.
    const again = await openReportForm(h, site, DRAFT_DATASET);
    await again.getByTestId('draft-restored').waitFor();
    assert.equal(await again.getByLabel('Beskriv problemet').inputValue(), DRAFT_TEXT);
    assert.equal(await again.getByLabel('Vad är fel?').inputValue(), 'wrong-values');
    await again.close();
    console.log(`# browser restart took ${restartMs} ms`);
  });

  it('keeps an edit typed just before the browser quits (inside the autosave delay)', async () => {
    let site = await w.h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
    const form = await openReportForm(w.h, site, DRAFT_DATASET);
    await form.getByTestId('draft-restored').waitFor();
    // The last keystrokes, then quit at once: no time for the 300 ms autosave.
    await form.getByLabel('Beskriv problemet').press('End');
    await form.getByLabel('Beskriv problemet').pressSequentially(' Sista raden.', { delay: 0 });
    const h = await w.restart();
    site = await h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
    const again = await openReportForm(h, site, DRAFT_DATASET);
    await again.getByTestId('draft-restored').waitFor();
    assert.equal(await again.getByLabel('Beskriv problemet').inputValue(), `${DRAFT_TEXT} Sista raden.`);
    await again.close();
  });
});

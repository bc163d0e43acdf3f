// Reporting a data error from the popup: the form opens from a dataset with its contact point as
// recipient, the draft survives closing the popup, "send" opens a mailto: with the right recipient,
// subject and body (window.open is intercepted: nothing leaves the browser), the report is kept in
// "My reports" with status "sent", the dataset says "you reported this on …", statuses change,
// and export produces CSV and JSON files with it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { interceptOpen, seriousA11yViolations, startWorld, type World } from './harness';



const DESCRIPTION = 'Skattesatsen för Åre är fel för 2025.\nDen ska vara 34,06 % – inte 43,06 %.';
const WHERE = 'rad 2045, kolumn "kommunalskatt"';
const REF = /INSYN-\d{8}-[2-9A-HJKMNP-Z]{4}/;

function parseMailto(url: string) {
  const m = /^mailto:([^?]*)\?subject=([^&]*)&body=(.*)$/.exec(url);
  assert.ok(m, `a mailto: with subject and body: ${url}`);
  return { raw: url, to: decodeURIComponent(m[1]!), subject: decodeURIComponent(m[2]!), body: decodeURIComponent(m[3]!) };
}

describe('report a data error', () => {
  let w: World;
  let site: Page;
  before(async () => {
    w = await startWorld({ locale: 'sv-SE' });
    // Record what the popup opens instead of handing mailto: to the system.
    await interceptOpen(w.h.context);
    await w.h.context.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:') return;
      // The clipboard too, with a switch to make it refuse (a failing send path).
      const copied: string[] = [];
      const win = window as unknown as { __copied: string[]; __failClipboard?: boolean };
      win.__copied = copied;
      // navigator.clipboard is the same object every time: replace its method.
      navigator.clipboard.writeText = async (text: string) => {
        if (win.__failClipboard) throw new Error('clipboard refused');
        copied.push(text);
      };
    });
    site = await w.h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
  });
  after(async () => w?.close());

  async function openReportForm(): Promise<Page> {
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('item-row').filter({ hasText: 'Skattesatser per kommun' }).click();
    await popup.getByTestId('detail').waitFor();
    await popup.getByRole('button', { name: 'Rapportera fel i data' }).click();
    await popup.getByTestId('report-form').waitFor();
    return popup;
  }

  it('opens the form with the contact point as recipient, and keeps the draft after the popup closes', async () => {
    const popup = await openReportForm();
    assert.equal(await popup.evaluate(() => document.activeElement?.id), 'report-h', 'focus moves to the form heading');
    const recipient = popup.getByLabel('Mottagare', { exact: true });
    assert.match((await recipient.locator('option:checked').textContent()) ?? '', /oppnadata@skatteverket\.se/);
    assert.match((await popup.getByTestId('report-why').textContent()) ?? '', /står som kontaktpunkt för datamängden på dataportal\.se/);
    await popup.getByLabel('Vad är fel?').selectOption({ label: 'Fel eller inaktuella värden' });
    await popup.getByLabel('Beskriv problemet').fill(DESCRIPTION);
    await popup.getByLabel('Var? Rad, kolumn eller länk (valfritt)').fill(WHERE);
    await popup.getByLabel('Ditt namn (valfritt)').fill('Åsa Öberg');
    await popup.getByTestId('draft-status').filter({ hasText: 'Utkastet är sparat.' }).waitFor();
    assert.deepEqual((await seriousA11yViolations(popup)), []);
    await popup.close();

    // Reopened from the dataset: every field is back.
    const again = await openReportForm();
    await again.getByTestId('draft-restored').waitFor();
    assert.equal(await again.getByLabel('Beskriv problemet').inputValue(), DESCRIPTION);
    assert.equal(await again.getByLabel('Var? Rad, kolumn eller länk (valfritt)').inputValue(), WHERE);
    assert.equal(await again.getByLabel('Ditt namn (valfritt)').inputValue(), 'Åsa Öberg');
    await again.close();

    // And listed as an unsent draft under "My reports".
    const popup3 = await w.h.openPopup(site);
    await popup3.getByRole('tab', { name: 'Mina rapporter' }).click();
    await popup3.getByTestId('report-drafts').filter({ hasText: 'Skattesatser per kommun' }).waitFor();
    assert.match((await popup3.getByTestId('report-history').textContent()) ?? '', /Du har inte rapporterat något ännu/);
    await popup3.close();
  });

  it('"send" opens a mailto: with recipient, subject and body, and keeps the report as "sent"', async () => {
    const popup = await openReportForm();
    await popup.getByTestId('draft-restored').waitFor();
    await popup.getByRole('button', { name: 'Öppna i e-postprogrammet' }).click();
    await popup.getByTestId('report-sent-notice').waitFor();
    const opened = await popup.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    assert.equal(opened.length, 1);
    const mail = parseMailto(opened[0]!);
    assert.equal(mail.to, 'oppnadata@skatteverket.se');
    assert.match(mail.subject, /^Synpunkt på öppna data: Fel eller inaktuella värden – Skattesatser per kommun \(INSYN-\d{8}-\w{4}\)$/);
    assert.ok(mail.raw.includes('%0D%0A'), 'line breaks as CRLF');
    assert.ok(!/[^D]%0A/.test(mail.raw.replace(/%0D%0A/g, '')), 'no bare LF');
    assert.ok(mail.raw.includes('%C3%85re'), 'Å as UTF-8');
    assert.ok(mail.body.includes(DESCRIPTION.replace('\n', '\r\n')), 'the description, line breaks kept');
    assert.ok(mail.body.includes(`Var: ${WHERE}`));
    assert.match(mail.body, /På dataportal\.se: https:\/\/www\.dataportal\.se\/datasets\/\S+/);
    const ref = REF.exec(mail.subject)![0];
    assert.ok(mail.body.includes(`Referens: ${ref}`));
    assert.ok(mail.body.includes('Åsa Öberg'));
    assert.match((await popup.getByTestId('report-sent-notice').textContent()) ?? '', new RegExp(`Skickad.*${ref}`));

    // Back on the dataset: "you reported this on …".
    await popup.getByRole('button', { name: /Tillbaka/ }).click();
    await popup.getByTestId('detail').waitFor();
    const note = popup.getByTestId('reported-note');
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', /Du rapporterade det här \d{4}-\d{2}-\d{2} \(Skickad\)/);
    await popup.close();

    // The history lists it with status "sent"; the draft is gone.
    const history = await w.h.openPopup(site);
    await history.getByRole('tab', { name: 'Mina rapporter' }).click();
    const item = history.getByTestId('report-item');
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.equal(await item.getAttribute('data-status'), 'sent');
    assert.equal(await item.getByTestId('report-ref').textContent(), ref);
    assert.equal(await history.getByLabel(`Status för ${ref}`).inputValue(), 'sent');
    assert.equal(await history.getByTestId('report-drafts').count(), 0, 'the sent draft is gone');
    assert.deepEqual((await seriousA11yViolations(history)), []);

    // Export: CSV and JSON files with the report.
    const [csvDl] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Exportera CSV' }).click()]);
    assert.match(csvDl.suggestedFilename(), /^insyn-reports-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await csvDl.path())!, 'utf8');
    assert.ok(csv.startsWith('\uFEFFreference,sent,status'));
    assert.match(csv, new RegExp(`^${ref},\\d{4}-\\d{2}-\\d{2},Skickad,.*Skattesatser per kommun.*oppnadata@skatteverket\\.se,mailto,`, 'm'));
    const [jsonDl] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Exportera JSON' }).click()]);
    const file = JSON.parse(await readFile((await jsonDl.path())!, 'utf8'));
    assert.equal(file.format, 'insyn-reports');
    assert.equal(file.reports.length, 1);
    assert.equal(file.reports[0].id, ref);
    assert.equal(file.reports[0].status, 'sent');
    assert.equal(file.reports[0].recipient.address, 'oppnadata@skatteverket.se');

    // The user updates the status; it is kept.
    await history.getByLabel(`Status för ${ref}`).selectOption('answered');
    await history.waitForFunction(() => document.querySelector('[data-testid="report-item"]')?.getAttribute('data-status') === 'answered');
    await history.close();
    const reopened = await w.h.openPopup(site);
    await reopened.getByRole('tab', { name: 'Mina rapporter' }).click();
    await reopened.getByTestId('report-item').first().waitFor();
    assert.equal(await reopened.getByTestId('report-item').getAttribute('data-status'), 'answered');
    await reopened.close();
  });

  it('"a dataset is missing" from the organisation header goes to the publisher', async () => {
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('org-name').waitFor();
    await popup.getByRole('button', { name: 'Saknas en datamängd?' }).click();
    await popup.getByTestId('report-form').waitFor();
    assert.equal(await popup.getByLabel('Vad är fel?').inputValue(), 'missing-dataset');
    const why = (await popup.getByTestId('report-why').textContent()) ?? '';
    assert.match(why, /utgivare|webbplats/);
    await popup.getByRole('button', { name: /Tillbaka/ }).click();
    await popup.getByTestId('item-row').first().waitFor();
    await popup.close();
  });

  it('a long report on one file: a failed send keeps the draft; then mailto with the text on the clipboard', async () => {
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('item-row').filter({ hasText: 'Skattesatser per kommun' }).click();
    await popup.getByTestId('detail').waitFor();
    await popup.getByRole('button', { name: 'Rapportera problem med filen: Skattesatser (CSV)' }).click();
    await popup.getByTestId('report-form').waitFor();
    assert.match((await popup.getByTestId('report-form').textContent()) ?? '', /Fil: Skattesatser \(CSV\)/);
    assert.equal(await popup.getByLabel('Vad är fel?').inputValue(), 'broken-link');
    const long = `Nedladdningen bryts efter 1 MB. ${'Detaljer om felet, åäö. '.repeat(120)}`;
    await popup.getByLabel('Beskriv problemet').fill(long);
    await popup.getByTestId('draft-status').filter({ hasText: 'Utkastet är sparat.' }).waitFor();
    await popup.evaluate(() => ((window as unknown as { __failClipboard: boolean }).__failClipboard = true));
    await popup.getByRole('button', { name: 'Öppna i e-postprogrammet' }).click();
    const alert = popup.getByRole('alert').filter({ hasText: 'Utkastet finns kvar' });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /clipboard refused/);
    assert.deepEqual(await popup.evaluate(() => (window as unknown as { __opened: string[] }).__opened), [], 'nothing opened');
    await popup.close();

    const again = await w.h.openPopup(site);
    await again.getByTestId('item-row').filter({ hasText: 'Skattesatser per kommun' }).click();
    await again.getByRole('button', { name: 'Rapportera problem med filen: Skattesatser (CSV)' }).click();
    await again.getByTestId('draft-restored').waitFor();
    assert.equal(await again.getByLabel('Beskriv problemet').inputValue(), long, 'the draft survived the failed send');
    await again.getByRole('button', { name: 'Öppna i e-postprogrammet' }).click();
    await again.getByTestId('report-sent-notice').waitFor();
    const { opened, copied } = await again.evaluate(() => {
      const x = window as unknown as { __opened: string[]; __copied: string[] };
      return { opened: x.__opened, copied: x.__copied };
    });
    assert.equal(opened.length, 1);
    assert.ok(opened[0]!.length <= 1800, `mailto within the limit (${opened[0]!.length})`);
    const mail = parseMailto(opened[0]!);
    assert.equal(mail.to, 'oppnadata@skatteverket.se');
    assert.match(mail.subject, /Trasig länk eller nedladdning – Skattesatser per kommun/);
    assert.match(mail.body, /kopierats till urklipp/);
    assert.equal(copied.length, 1);
    assert.ok(copied[0]!.includes(long.trim()), 'the whole text is on the clipboard');
    assert.ok(copied[0]!.includes('Distribution: Skattesatser (CSV)'));
    assert.match((await again.getByTestId('report-sent').textContent()) ?? '', /för lång för en e-postlänk/);
    await again.close();
  });

  it('reminds about a report with no answer after the configured days (imported), and the option turns it off', async () => {
    const popup = await w.h.openPopup(site);
    await popup.getByTestId('org-name').waitFor();
    const old = Date.now() - 20 * 86_400_000;
    const res = await popup.evaluate(async (sentAt: number) => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      return c.runtime.sendMessage({
        type: 'reports-import',
        payload: {
          reports: [
            {
              id: 'INSYN-20250101-ABCD',
              targetKey: '6_1',
              target: { kind: 'dataset', contextId: '6', entryId: '1', title: 'Gammal rapport' },
              category: 'stale',
              lang: 'sv',
              recipient: { kind: 'contact-email', address: 'oppnadata@skatteverket.se' },
              channel: 'eml',
              subject: 's',
              body: 'b',
              createdAt: sentAt,
              sentAt,
              status: 'sent',
              statusAt: sentAt,
            },
          ],
        },
      });
    }, old);
    assert.deepEqual(res, { ok: true, data: { added: 1, updated: 0, unchanged: 0 } });
    await popup.close();
    const again = await w.h.openPopup(site);
    const reminder = again.getByTestId('report-reminder-top');
    await reminder.waitFor();
    assert.match((await reminder.textContent()) ?? '', /Inget svar efter 14 dagar på 1 rapport/);
    await again.close();

    const options = await w.h.openOptions();
    await options.getByLabel('Påminn om obesvarade rapporter efter antal dagar (0 = aldrig)').fill('30');
    await options.getByTestId('report-list').waitFor();
    assert.ok((await options.getByTestId('report-item').count()) >= 2, 'the history is in the options page too');
    await options.close();
    const third = await w.h.openPopup(site);
    await third.getByTestId('org-name').waitFor();
    await third.getByRole('tab', { name: 'Mina rapporter' }).waitFor();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await third.getByTestId('report-reminder-top').count(), 0, 'no reminder before 30 days');
    await third.close();
  });

  it('the popup never reached any host but the registry and the fixture site', async () => {
    const hosts = new Set(w.h.requests.map((u) => new URL(u)).filter((u) => /^https?:$/.test(u.protocol)).map((u) => u.hostname));
    assert.deepEqual([...hosts].sort(), ['admin.dataportal.se', 'www.skatteverket.se']);
  });
});

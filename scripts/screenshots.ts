// `npm run screenshots`: renders the popup's list and detail views in Swedish and English against
// the local registry stub and fixture sites, into .screenshots/ (git-ignored). With --docs it also
// refreshes the small PNGs README shows (docs/).
import { mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { startWorld, ROOT } from '../test/e2e/harness';

const OUT = path.join(ROOT, '.screenshots');
const DOCS = path.join(ROOT, 'docs');
const docs = process.argv.includes('--docs');
await mkdir(OUT, { recursive: true });

for (const locale of ['sv-SE', 'en-GB']) {
  const lang = locale.slice(0, 2);
  const w = await startWorld({ locale });
  try {
    await w.h.seedStorage({ 'insyn.settings': { version: 1, lang, pausedHosts: [], extraOrigins: [] } });
    const site = await w.h.context.newPage();
    await site.goto('https://www.skatteverket.se/');
    const popup = await w.h.openPopup(site);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByTestId('item-row').first().waitFor();
    const list = path.join(OUT, `popup-list-${lang}.png`);
    await popup.screenshot({ path: list });
    await popup.getByTestId('item-row').nth(0).click();
    await popup.getByTestId('detail').waitFor();
    await popup.getByTestId('contact').waitFor();
    const detail = path.join(OUT, `popup-detail-${lang}.png`);
    await popup.screenshot({ path: detail });
    console.log(`wrote ${path.relative(ROOT, list)}, ${path.relative(ROOT, detail)}`);
    // README shows the list in Swedish and the detail in English.
    if (docs) {
      await mkdir(DOCS, { recursive: true });
      if (lang === 'sv') await copyFile(list, path.join(DOCS, 'popup-list-sv.png'));
      else await copyFile(detail, path.join(DOCS, 'popup-detail-en.png'));
    }
  } finally {
    await w.close();
  }
}

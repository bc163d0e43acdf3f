// Renders assets/icon.svg to public/icon/{16,32,48,128}.png with the same Chromium the tests use.
// Run after changing the SVG: `node scripts/icons.mjs`. The PNGs are committed.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { findChromium } from './ensure-browser.mjs';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
console.log('icons written to public/icon/');

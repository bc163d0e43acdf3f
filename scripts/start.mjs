#!/usr/bin/env node
// `npm start`: build the extension (Chrome and Firefox, with store zips), then open Chromium with
// it loaded on a fresh profile. Without a display (a server, CI) it only builds and says where
// the unpacked extension and zips are and how to load them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './ensure-browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wxt = path.join(root, 'node_modules', '.bin', 'wxt');
for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
  const r = spawnSync(wxt, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const chromeDir = path.join(root, '.output', 'chrome-mv3');
const zips = readdirSync(path.join(root, '.output')).filter((f) => f.endsWith('.zip'));
console.log(`
Built:
  Chrome/Edge (unpacked): ${chromeDir}
  Firefox (unpacked):     ${path.join(root, '.output', 'firefox-mv2')}
  Store zips:             ${zips.map((z) => path.join('.output', z)).join(', ')}

Load it by hand:
  Chromium/Chrome/Edge: open chrome://extensions, turn on Developer mode, "Load unpacked", pick ${chromeDir}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on", pick .output/firefox-mv3/manifest.json
`);

const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromium = findChromium();
if (!hasDisplay || process.env.CI) {
  console.log('No display found, so no browser was opened.');
  process.exit(0);
}
if (!chromium) {
  console.log('No Chromium found (Debian: apt-get install chromium); load the extension by hand as above.');
  process.exit(0);
}
const profile = mkdtempSync(path.join(tmpdir(), 'insyn-profile-'));
console.log(`Opening ${chromium} with Insyn on a fresh profile (${profile})…`);
spawn(chromium, [`--user-data-dir=${profile}`, `--disable-extensions-except=${chromeDir}`, `--load-extension=${chromeDir}`, '--no-first-run', 'https://www.skatteverket.se/'], {
  stdio: 'ignore',
  detached: true,
}).unref();

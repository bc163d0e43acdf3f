#!/usr/bin/env node
// `npm run size`: raw and gzip size of each bundle of the built Chrome extension and of the
// store zip, against the budgets in DESIGN.md. `--check` exits non-zero when one is broken.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.output', 'chrome-mv3');
if (!existsSync(out)) {
  console.error('No build in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(out);

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const group = (rel) =>
  rel.startsWith('content-scripts/') ? 'content (detector)' :
  rel === 'background.js' ? 'background' :
  /^chunks\/popup|^popup\.html/.test(rel) ? 'popup' :
  /^chunks\/options|^options\.html/.test(rel) ? 'options' :
  /^chunks\//.test(rel) ? 'shared and on-demand chunks (popup+options)' :
  /\.css$/.test(rel) ? 'styles' : 'static (icons, locales, manifest)';

const groups = new Map();
for (const f of files) {
  const rel = path.relative(out, f);
  const buf = readFileSync(f);
  const g = groups.get(group(rel)) ?? { raw: 0, gzip: 0, files: [] };
  g.raw += buf.length;
  g.gzip += gz(buf);
  g.files.push(rel);
  groups.set(group(rel), g);
}

// The store zip is what users download; measure a fresh one.
let zipBytes;
try {
  execFileSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['zip'], { cwd: root, stdio: 'ignore' });
  const zips = readdirSync(path.join(root, '.output')).filter((f) => f.endsWith('-chrome.zip'));
  if (zips.length) zipBytes = statSync(path.join(root, '.output', zips[0])).size;
} catch {
  // reported below as unknown
}

const BUDGETS = { 'content (detector)': 6 * 1024 };
const ZIP_BUDGET = 250 * 1024;
let broken = 0;
console.log('| bundle | raw | gzip -9 | budget | ok |');
console.log('|---|---|---|---|---|');
for (const [name, g] of [...groups].sort()) {
  const budget = BUDGETS[name];
  const ok = budget === undefined || g.gzip <= budget;
  if (!ok) broken += 1;
  console.log(`| ${name} | ${kb(g.raw)} | ${kb(g.gzip)} | ${budget ? `≤ ${kb(budget)} gzip` : ''} | ${budget ? (ok ? 'yes' : 'NO') : ''} |`);
}

// What the popup loads before its first content: popup.html's module script, its modulepreloads
// and stylesheet. Our own guard for the warm-popup time budget (DESIGN: first content ≤ 100 ms):
// most of that time is loading script, so the first load stays small and free of zod (the
// schemas load with the views that need them; the background validates messages).
const FIRST_LOAD_BUDGET = 45 * 1024;
const html = readFileSync(path.join(out, 'popup.html'), 'utf8');
const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let firstRaw = 0;
let firstGzip = 0;
const withZod = [];
for (const rel of refs) {
  const buf = readFileSync(path.join(out, rel));
  firstRaw += buf.length;
  firstGzip += gz(buf);
  // zod's classes carry their names even minified (`$ZodType`, `ZodError`).
  if (/\$ZodType|ZodError/.test(buf.toString('utf8'))) withZod.push(rel);
}
const firstOk = refs.length > 0 && firstGzip <= FIRST_LOAD_BUDGET && withZod.length === 0;
if (!firstOk) broken += 1;
console.log(
  `| popup first load (${refs.length} files${withZod.length ? `; zod in ${withZod.join(', ')}` : ', no zod'}) | ${kb(firstRaw)} | ${kb(firstGzip)} | ≤ ${kb(FIRST_LOAD_BUDGET)} gzip, no zod | ${firstOk ? 'yes' : 'NO'} |`,
);
const zipOk = zipBytes !== undefined && zipBytes <= ZIP_BUDGET;
if (!zipOk) broken += 1;
console.log(`| store zip (chrome) | ${zipBytes === undefined ? 'unknown' : kb(zipBytes)} | | ≤ ${kb(ZIP_BUDGET)} | ${zipOk ? 'yes' : 'NO'} |`);
if (process.argv.includes('--check') && broken) {
  console.error(`${broken} size budget(s) broken`);
  process.exit(1);
}

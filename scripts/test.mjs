#!/usr/bin/env node
// `npm test`: everything, in the order that fails fastest: typecheck, unit tests, builds
// (Chrome and Firefox) with the Firefox lint, the Firefox smoke test in headless Firefox ESR,
// then E2E in real Chromium. Prints one closing line `N passed, N failed` summing unit, Firefox
// and E2E tests; a failed step that is not a test (typecheck, build, lint) counts as one
// failure. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit`, `npm test -- e2e` or `npm test -- firefox`
const want = (step) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, opts = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  console.log(`  ${label} ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function step(label, cmd, args) {
  if (!run(label, cmd, args)) {
    failed += 1;
    failures.push(label);
    return false;
  }
  return true;
}

const npx = (bin, ...args) => [path.join(root, 'node_modules', '.bin', bin), args];

if (want('typecheck')) step('typecheck', ...npx('tsc', '--noEmit'));

if (want('unit')) {
  const out = path.join(tmp, 'vitest.json');
  const ok = run('unit', ...npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`));
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (!ok && r.numFailedTests === 0) failed += 1; // e.g. a suite that failed to load
    if (!ok) failures.push('unit');
  } else if (!ok) {
    failed += 1;
    failures.push('unit');
  }
}

/** Runs node:test files (spec on screen, TAP to a file) and adds their counts to the totals. */
function nodeTests(label, dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join(dir, f));
  const tap = path.join(tmp, `${label}.tap`);
  const ok = run(label, process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const num = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [])[1] ?? 0);
  passed += num('pass');
  failed += num('fail') + num('cancelled');
  if (!ok && num('fail') + num('cancelled') === 0) failed += 1;
  if (!ok) failures.push(label);
}

let built = true;
if (want('build') || want('e2e')) {
  built = step('build chrome', ...npx('wxt', 'build')) && built;
}
let builtFirefox = true;
if (want('build') || want('e2e') || want('firefox')) {
  // The E2E manifest test reads the Firefox build too.
  builtFirefox = step('build firefox', ...npx('wxt', 'build', '-b', 'firefox'));
  if (builtFirefox && want('build')) {
    step('web-ext lint', ...npx('web-ext', 'lint', '-s', '.output/firefox-mv3', '--no-input', '--no-config-discovery'));
  }
}
if (want('build')) step('bundle size budget', 'node', ['scripts/size.mjs', '--check']);

// The Firefox build in headless Firefox ESR (test/firefox/). Fails, with what to install, when
// firefox-esr or certutil (libnss3-tools) is missing.
if (want('firefox') && builtFirefox) nodeTests('firefox', path.join(root, 'test', 'firefox'));

if (want('e2e') && built) {
  if (!run('browser', 'node', ['scripts/ensure-browser.mjs'])) {
    failed += 1;
    failures.push('browser');
  } else {
    nodeTests('e2e', path.join(root, 'test', 'e2e'));
  }
}

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);

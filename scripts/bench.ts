#!/usr/bin/env node
// `npm run bench` (= `npm run build && node --import tsx scripts/bench.ts`): what Insyn costs a page
// and how fast it answers, against the budgets in DESIGN.md, on local fixtures only (generated pages
// on a local HTTPS server, the registry stub, Debian Chromium; `MAP * ~NOTFOUND` keeps everything
// off the network). Prints a Markdown report (progress goes to stderr), writes .bench/report.md and
// .bench/report.json, and exits 1 when a budget is broken (unless --no-fail).
//
//   node --import tsx scripts/bench.ts [--runs N] [--quick] [--latency MS] [--cold-runs N]
//                                      [--tabs N] [--bodies N] [--only page,answer,registry,size] [--no-fail]
//
// --bodies: how many bodies the registry-load tabs are spread over (default 5: the stub's named
// bodies; more adds the stub's generated "Myndighet nummer N" publishers). BENCH_DEBUG=1 logs every load.
// Not part of `npm test`: timings are noisy on shared machines.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeCert } from '../test/e2e/harness.ts';
import { buildRegistryData, extraOrgNumber, ORGS } from '../test/support/registry-data.ts';
import { findChromium } from './ensure-browser.mjs';
import { removeTempDirsSync, startSiteServer, startTimedRegistry, tempDirs, writeBaselineExtension } from './bench/env.ts';
import { formatOrg, generatePage, type PageSpec } from './bench/pages.ts';
import { measurePageCost } from './bench/page-cost.ts';
import { measureAnswer } from './bench/answer.ts';
import { measureRegistryLoad } from './bench/registry-load.ts';
import { budgetRows, failures, parseSizeTable, renderReport, type BenchResults, type PageInfo, type PageKey } from './bench/report.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, '.output', 'chrome-mv3');
const OUT = path.join(ROOT, '.bench');

interface Args {
  runs: number;
  coldRuns: number;
  latencyMs: number;
  tabs: number;
  bodies: number;
  fail: boolean;
  only: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { runs: 20, coldRuns: 3, latencyMs: 150, tabs: 30, bodies: 5, fail: true, only: new Set(['page', 'answer', 'registry', 'size']) };
  const num = (i: number, name: string): number => {
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v) || v < 0) throw new Error(`${name} needs a number`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') {
      a.runs = 5;
      a.coldRuns = 1;
    } else if (arg === '--runs') a.runs = Math.max(1, Math.round(num(i++, arg)));
    else if (arg === '--cold-runs') a.coldRuns = Math.max(1, Math.round(num(i++, arg)));
    else if (arg === '--latency') a.latencyMs = num(i++, arg);
    else if (arg === '--tabs') a.tabs = Math.max(1, Math.round(num(i++, arg)));
    else if (arg === '--bodies') a.bodies = Math.max(1, Math.round(num(i++, arg)));
    else if (arg === '--no-fail') a.fail = false;
    else if (arg === '--only') a.only = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (arg === '--help' || arg === '-h') {
      const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
      console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return a;
}

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
}

const SHOP_LINKS = '<li><a href="/kopvillkor">Köpvillkor</a></li><li><a href="/integritet">Integritetspolicy</a></li><li><a href="/kakor">Kakor</a></li>';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const errors: string[] = [];
  if (!existsSync(path.join(BUILD, 'manifest.json'))) {
    console.error('No build in .output/chrome-mv3: run `npm run build` (or `npm run bench`, which builds first).');
    return 2;
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'insyn-bench-'));
  tempDirs.add(tmp);
  // Interrupted: Playwright kills its browsers on exit; the profiles and the snapshot go too.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      removeTempDirsSync();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
      chromium: (() => {
        try {
          return execFileSync(findChromium() ?? 'chromium', ['--version'], { encoding: 'utf8' }).trim();
        } catch {
          return 'Chromium (version unknown)';
        }
      })(),
      node: process.versions.node,
      runs: args.runs,
      latencyMs: args.latencyMs,
    },
    skipped: (['page', 'answer', 'registry', 'size'] as const).filter((x) => !args.only.has(x)),
    errors,
  };
  const sites = await startSiteServer(await makeCert(tmp));
  const extraBodies = Math.max(0, args.bodies - 5);
  const registry = await startTimedRegistry(await makeCert(tmp), args.latencyMs, extraBodies ? buildRegistryData({ extraPublishers: extraBodies }) : undefined);
  try {
    // 4. Size first: size.mjs runs `wxt zip`, which rebuilds .output/chrome-mv3; the browser parts then
    // measure exactly the build whose size is reported.
    if (args.only.has('size')) {
      log('size: node scripts/size.mjs');
      try {
        const table = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'size.mjs')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        results.size = { table, ...parseSizeTable(table) };
      } catch (e) {
        const err = e as { stdout?: string; message: string };
        if (err.stdout) results.size = { table: err.stdout, ...parseSizeTable(err.stdout) };
        else errors.push(`size: ${err.message}`);
      }
    }
    // The extension under test: a snapshot of the build, so a concurrent rebuild cannot change it mid-run.
    const insynDir = path.join(tmp, 'insyn-ext');
    await cp(BUILD, insynDir, { recursive: true });
    const detector = path.join(insynDir, 'content-scripts', 'detector.js');
    results.meta.build = existsSync(detector) ? `detector.js sha256 ${fileHash(detector)}` : 'no detector.js';
    const baselineDir = await writeBaselineExtension(path.join(tmp, 'baseline-ext'));

    // Pages.
    const specs: Record<PageKey, PageSpec & { label: string }> = {
      public: {
        label: 'large public-sector page',
        host: 'www.skatteverket.se',
        site: 'Skatteverket',
        footer: `Skatteverket · Organisationsnummer: ${formatOrg(ORGS.skatteverket.orgNumber)}`,
        elements: 15_000,
        head: '<meta property="og:site_name" content="Skatteverket">',
        seed: 1,
      },
      commercial: {
        label: 'commercial .se page',
        host: 'www.handelsbolaget-exempel.se',
        site: 'Exempel Handel AB',
        footer: 'Exempel Handel AB · Org.nr 556036-0793 · Kundtjänst 08-123 45 67',
        aboutLinks: SHOP_LINKS,
        elements: 3_000,
        seed: 2,
      },
      outside: {
        label: 'page outside .se',
        host: 'www.example.com',
        site: 'Example Corp',
        footer: 'Example Corp · Company no. 556036-0793',
        aboutLinks: '<li><a href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/cookies">Cookies</a></li>',
        elements: 3_000,
        lang: 'en',
        seed: 3,
      },
    };
    const pages: PageInfo[] = [];
    for (const key of ['public', 'commercial', 'outside'] as const) {
      const spec = specs[key];
      const g = generatePage(spec);
      sites.set(spec.host, '/', g.html);
      pages.push({ key, label: spec.label, host: spec.host, bytes: g.bytes, elements: g.elements });
    }
    // The stub's bodies (test/support/registry-data.ts); extra ones are its generated publishers n = 1000….
    const bodies: Array<{ name: string; orgNumber: string; homepage: string }> = [
      ORGS.skatteverket,
      ORGS.goteborg,
      ORGS.trafikverket,
      ORGS.regionStockholm,
      ORGS.forsakringskassan,
      ...Array.from({ length: extraBodies }, (_, i) => ({
        name: `Myndighet nummer ${1000 + i}`,
        orgNumber: extraOrgNumber(1000 + i),
        homepage: `https://myndighet${1000 + i}.example.se`,
      })),
    ].slice(0, args.bodies);
    const bodyUrls: string[] = [];
    for (const [i, org] of bodies.entries()) {
      const host = new URL(org.homepage).hostname;
      const g = generatePage({
        host,
        site: org.name,
        footer: `${org.name} · Organisationsnummer: ${formatOrg(org.orgNumber)}`,
        elements: 400,
        seed: 10 + i,
      });
      sites.set(host, '/om-oss', g.html);
      bodyUrls.push(`https://${host}/om-oss`);
    }
    const hosts = [...new Set([...pages.map((p) => p.host), ...bodyUrls.map((u) => new URL(u).hostname)])];

    if (args.only.has('page')) {
      log(`page cost: ${args.runs} loads × ${pages.length} pages × 3 variants`);
      try {
        results.pageCost = await measurePageCost({ runs: args.runs, pages, insynDir, baselineDir, sites, hosts, registryPort: registry.port, log, errors });
      } catch (e) {
        errors.push(`page cost: ${(e as Error).stack ?? e}`);
      }
    }
    if (args.only.has('answer')) {
      log('answer speed: badge, popup warm and cold');
      try {
        results.answer = await measureAnswer({
          runs: args.runs,
          coldRuns: args.coldRuns,
          insynDir,
          baselineDir,
          sites,
          hosts,
          registry,
          latencyMs: args.latencyMs,
          bodyUrl: bodyUrls[0] as string,
          log,
          errors,
        });
      } catch (e) {
        errors.push(`answer speed: ${(e as Error).stack ?? e}`);
      }
    }
    if (args.only.has('registry')) {
      log(`registry load: ${args.tabs} tabs of ${bodyUrls.length} bodies`);
      try {
        results.registry = await measureRegistryLoad({ tabs: args.tabs, bodyUrls, insynDir, sites, hosts, registry, latencyMs: args.latencyMs, log, errors });
      } catch (e) {
        errors.push(`registry load: ${(e as Error).stack ?? e}`);
      }
    }
    results.runMaxInFlight = registry.runMaxInFlight;
    const now = path.join(BUILD, 'content-scripts', 'detector.js');
    if (existsSync(now) && existsSync(detector) && fileHash(now) !== fileHash(detector)) {
      log('note: .output/chrome-mv3 was rebuilt during the run; the numbers are for the snapshot taken at the start.');
    }
  } finally {
    await registry.close();
    await sites.close();
    await rm(tmp, { recursive: true, force: true });
    tempDirs.delete(tmp);
  }

  results.meta.durationS = (performance.now() - started) / 1000;
  // Sections left out with `--only` (for development) show as skipped, not failed.
  const rows = budgetRows(results);
  const report = renderReport(results);
  await mkdir(OUT, { recursive: true });
  await writeFile(path.join(OUT, 'report.md'), report);
  await writeFile(path.join(OUT, 'report.json'), `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
  process.stdout.write(report);
  const broken = failures(rows);
  log(`\n${broken.length} budget(s) broken; report in .bench/report.md and .bench/report.json (${results.meta.durationS.toFixed(0)} s)`);
  return broken.length && args.fail ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error && err.message.startsWith('unknown argument') ? err.message : err);
    process.exit(2);
  },
);

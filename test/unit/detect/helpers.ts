// Shared test setup for lib/detect: a parsed-DOM helper (linkedom, the same parser the CLI uses for saved
// pages) and a small publisher directory with real org numbers from the public registers.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Publisher } from '../../../lib/dcat/types.ts';
import { collectSignals, type CollectLimits } from '../../../lib/detect/collect.ts';
import { buildDirectory, type DirectoryExtra } from '../../../lib/detect/directory.ts';
import { resolve, type Correction, type Resolution } from '../../../lib/detect/resolve.ts';
import type { Signals } from '../../../lib/detect/signals.ts';

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8');
}

export function loc(url: string): { href: string; hostname: string; pathname: string } {
  const u = new URL(url);
  return { href: u.href, hostname: u.hostname, pathname: u.pathname };
}

/** A page with the given head/footer parts around some body text. */
export function page(parts: { head?: string; body?: string; footer?: string }): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Sida</title>${parts.head ?? ''}</head>
<body><header><nav><a href="/">Start</a></nav></header><main>${parts.body ?? '<p>Innehåll.</p>'}</main>
${parts.footer === undefined ? '' : `<footer>${parts.footer}</footer>`}</body></html>`;
}

const NATIONAL = { uri: 'http://purl.org/adms/publishertype/NationalAuthority', label: { en: 'National authority' }, known: true };
const LOCAL = { uri: 'http://purl.org/adms/publishertype/LocalAuthority', label: { en: 'Local authority' }, known: true };
const COMPANY = { uri: 'http://purl.org/adms/publishertype/Company', label: { en: 'Company' }, known: true };

function pub(org: string, name: string, homepages: string[], datasetCount?: number, extra: Partial<Publisher> = {}): Publisher {
  return {
    uri: `http://dataportal.se/organisation/SE${org}`,
    name: { sv: name },
    orgNumber: org,
    homepages,
    ...(datasetCount === undefined ? {} : { datasetCount }),
    ...extra,
  };
}

export const P = {
  skatteverket: pub('2021005448', 'Skatteverket', ['https://www.skatteverket.se/'], 12, { type: NATIONAL }),
  digg: pub('2021006883', 'Myndigheten för digital förvaltning', ['https://www.digg.se'], 40, { type: NATIONAL }),
  scb: pub('2021000837', 'Statistiska centralbyrån', ['https://www.scb.se/'], 4315),
  stockholm: pub('2120000142', 'Stockholms stad', ['https://start.stockholm/', 'http://www.stockholm.se'], 250, { type: LOCAL }),
  goteborg: pub('2120001355', 'Göteborgs Stad', ['https://goteborg.se/wps/portal/start'], 180),
  regionStockholm: pub('2321000016', 'Region Stockholm', ['https://www.regionstockholm.se/'], 15),
  kiruna: pub('2120002783', 'Kiruna kommun', ['https://www.kiruna.se/'], 3),
  uppsala: pub('2120003005', 'Uppsala kommun', ['https://www.uppsala.se/'], 0),
  lstStockholm: pub('2021002247', 'Länsstyrelsen i Stockholms län', ['https://www.lansstyrelsen.se/stockholm'], 60),
  lstSkane: pub('2021002346', 'Länsstyrelsen i Skåne län', ['https://www.lansstyrelsen.se/skane/'], 45),
  domstolsverket: pub('2021002742', 'Domstolsverket', ['https://www.domstol.se/'], 2),
  // A court publishing under its own URI but Domstolsverket's org number (all courts share 202100-2742).
  goteborgsTingsratt: {
    uri: 'http://dataportal.se/organisation/SE2021002742-goteborgs-tingsratt',
    name: { sv: 'Göteborgs tingsrätt' },
    orgNumber: '2021002742',
    homepages: ['https://www.domstol.se/goteborgs-tingsratt/'],
    datasetCount: 1,
  } satisfies Publisher,
  kolada: pub('2220000315', 'Rådet för främjande av kommunala analyser - Kolada', ['https://www.kolada.se/'], 5920),
  // A company that publishes on dataportal.se (fictional name, Luhn-valid 5-series number).
  energibolag: pub('5569001232', 'Exempel Energi AB', ['https://www.exempelenergi.se/'], 4, { type: COMPANY }),
};

export const PUBLISHERS: Publisher[] = Object.values(P);

export const EXTRA: DirectoryExtra[] = [
  // Bodies known from another source (e.g. harvest sources) without a dataportal publisher.
  { host: 'kammarkollegiet.se', orgNumber: '202100-0829' },
  { host: 'www.kammarkollegiet.se', pathPrefix: '/alkoholsortimentsnamnden', orgNumber: '202100-5943' },
];

export const DIRECTORY = buildDirectory(PUBLISHERS, EXTRA);
export const BY_URI: Record<string, Publisher> = Object.fromEntries(PUBLISHERS.map((p) => [p.uri, p]));

export interface Run {
  signals: Signals;
  resolution: Resolution;
}

/** The whole path the extension takes: collect on the page, then resolve in the background. */
export function run(html: string, url: string, opts: { correction?: Correction; limits?: Partial<CollectLimits> } = {}): Run {
  const signals = collectSignals(parse(html), loc(url), opts.limits);
  const resolution = resolve({ url, signals, directory: DIRECTORY, publishersByUri: BY_URI, correction: opts.correction });
  return { signals, resolution };
}

export const codes = (rs: { code: string }[]) => rs.map((r) => r.code);

const ARRAY_METHODS = ['map', 'forEach', 'filter', 'some', 'indexOf', 'push', 'join'] as const;

/**
 * Run `fn` in a "hostile page" realm: JSON.parse returns a forged organisation, and the common Array
 * methods throw when lib/detect itself calls them. linkedom (standing in for the browser's native DOM)
 * still uses them, hence the caller check. In a real browser the content script's isolated world is not
 * affected at all; this guards the shared-realm case and the CLI. Everything is restored afterwards.
 */
export function withHostileRealm<T>(fn: () => T): T {
  const proto = Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved: Record<string, (...args: unknown[]) => unknown> = {};
  const savedParse = JSON.parse;
  for (const name of ARRAY_METHODS) {
    const orig = proto[name];
    saved[name] = orig;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const caller = (new Error().stack ?? '').split('\n')[2] ?? '';
      if (caller.includes('lib/detect/')) throw new Error(`hostile ${name}`);
      return orig.apply(this, args);
    };
  }
  JSON.parse = () => ({ '@type': 'GovernmentOrganization', taxID: '556123-4567', name: 'Fake' });
  try {
    return fn();
  } finally {
    for (const name of ARRAY_METHODS) proto[name] = saved[name];
    JSON.parse = savedParse;
  }
}

const FORGED = 'Org.nr 559876-5432';

/**
 * A harder "hostile page" realm on top of withHostileRealm: fetch and MutationObserver throw when used,
 * JSON.stringify forges, and String.prototype.match / replace answer with a forged
 * company number when lib/detect calls them (other callers, linkedom included, get the real ones). A page
 * sharing the realm could do exactly this; the detector must neither throw nor report the forgery.
 */
export function withHostileGlobals<T>(fn: () => T): T {
  const g = globalThis as unknown as Record<string, unknown>;
  const str = String.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved = { fetch: g.fetch, MutationObserver: g.MutationObserver, stringify: JSON.stringify };
  const savedStr: Record<string, (...args: unknown[]) => unknown> = {};
  const forged: Record<string, unknown> = { match: [FORGED], replace: FORGED };
  const hadMO = 'MutationObserver' in g;
  g.fetch = () => {
    throw new Error('hostile fetch');
  };
  g.MutationObserver = class {
    constructor() {
      throw new Error('hostile MutationObserver');
    }
  };
  JSON.stringify = () => '{"@type":"GovernmentOrganization","taxID":"559876-5432"}';
  for (const name of Object.keys(forged)) {
    const orig = str[name] as (...args: unknown[]) => unknown;
    savedStr[name] = orig;
    str[name] = function (this: unknown, ...args: unknown[]) {
      const caller = (new Error().stack ?? '').split('\n')[2] ?? '';
      if (caller.includes('lib/detect/')) return forged[name];
      return orig.apply(this, args);
    };
  }
  try {
    return withHostileRealm(fn);
  } finally {
    g.fetch = saved.fetch;
    if (hadMO) g.MutationObserver = saved.MutationObserver;
    else delete g.MutationObserver;
    JSON.stringify = saved.stringify;
    for (const name of Object.keys(savedStr)) str[name] = savedStr[name] as (...args: unknown[]) => unknown;
  }
}

// Hostname → publisher index, built from the publishers' homepages on dataportal.se (foaf:homepage/page).
// Serialisable (plain records) so the background can cache it and rebuild nothing after a worker restart.
import type { Publisher } from '../dcat/types.ts';
import { normaliseOrgNumber, orgNumberFromPublisherUri } from './orgnr.ts';

export interface DirectoryEntry {
  publisherUri: string;
  /** Lowercased, decoded, no trailing slash, e.g. `/stockholm`. Absent: the whole host. */
  pathPrefix?: string;
  /** Ten digits when known (from the publisher or the extra row). */
  orgNumber?: string;
}

export interface Directory {
  /** Host without `www.`, lowercased → entries, longest path prefix first. */
  byHost: Record<string, DirectoryEntry[]>;
  /** Ten-digit org number → publisher URI. */
  byOrg: Record<string, string>;
}

/** A hostname for a body from another source (e.g. a harvest source `http://<org>.se/datasets/dcat`). */
export interface DirectoryExtra {
  host: string;
  pathPrefix?: string;
  orgNumber: string;
}

export interface HostMatch extends DirectoryEntry {
  /** The directory key that matched (the page host or a parent domain of it). */
  host: string;
  /** Matched through a parent domain (`kommun.kiruna.se` → `kiruna.se`). */
  parent: boolean;
  /**
   * The page is outside the entry's path prefix, and the entry is the only one on that host. Weak: a
   * shared host (`lansstyrelsen.se`) may list only the bodies that publish, so the page may well belong to
   * another one.
   */
  outsidePrefix: boolean;
}

export interface HostLookup {
  match?: HostMatch;
  /**
   * Other entries on the same host that fit equally well (same prefix), or, when there is no match on a
   * shared host, all entries of that host: candidates the user can pick from.
   */
  candidates: HostMatch[];
}

/**
 * Registrable-domain guard. Never match a parent that anyone can register under: the TLDs themselves (single
 * labels are never tried), Sweden's second-level public suffixes (Public Suffix List, `se` section), and a
 * few hosting platforms whose subdomains belong to unrelated customers.
 */
const PUBLIC_SUFFIXES = new Set([
  'a.se', 'ac.se', 'b.se', 'bd.se', 'brand.se', 'c.se', 'd.se', 'e.se', 'f.se', 'fh.se', 'fhsk.se', 'fhv.se',
  'g.se', 'h.se', 'i.se', 'k.se', 'komforb.se', 'kommunalforbund.se', 'komvux.se', 'l.se', 'lanbib.se', 'm.se',
  'n.se', 'naturbruk.se', 'o.se', 'org.se', 'p.se', 'parti.se', 'pp.se', 'press.se', 'r.se', 's.se', 't.se',
  'tm.se', 'u.se', 'w.se', 'x.se', 'y.se', 'z.se',
  'co.uk', 'org.uk', 'gov.uk', 'com.au',
  'github.io', 'gitlab.io', 'netlify.app', 'pages.dev', 'vercel.app', 'azurewebsites.net', 'cloudfront.net',
  'herokuapp.com', 'blogspot.com', 'wordpress.com', 'wixsite.com', 'sharepoint.com', 'entryscape.net',
]);

/** Trailing path segments that say "start page", not "this part of the site belongs to someone else". */
const LANDING_SEGMENTS = new Set(['sv', 'se', 'en', 'sv-se', 'en-gb', 'en-us', 'start', 'startsida', 'hem', 'home']);
const INDEX_FILE = /^(index|default|start|startsida|home)\.[a-z0-9]+$/;

export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.startsWith('www.')) h = h.slice(4);
  return h;
}

function decodeLower(path: string): string {
  let p = path;
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep as is
  }
  return p.toLowerCase();
}

/**
 * Host and path prefix of a homepage URL. The prefix keeps what scopes a body on a shared host
 * (`lansstyrelsen.se/stockholm`, `domstol.se/goteborgs-tingsratt/`) and drops what only names a landing page:
 * language segments, `start`, index files. A Sitevision page file (`…/namnd.4.1a2b.html`) is kept, so the
 * entry then covers exactly that page.
 */
export function homepageKey(homepage: string): { host: string; pathPrefix?: string } | undefined {
  const raw = homepage.trim();
  // A scheme other than http(s) (`mailto:`, `ftp:`) is no homepage; a bare `www.x.se` gets `http://`.
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(raw);
  if (scheme && !/^https?$/i.test(scheme[1])) return undefined;
  let u: URL;
  try {
    u = new URL(scheme ? raw : 'http://' + raw);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username) return undefined;
  const host = normaliseHost(u.hostname);
  if (!host || host.indexOf('.') < 0) return undefined;
  const segs = decodeLower(u.pathname).split('/').filter((x) => x !== '');
  while (segs.length > 0) {
    const last = segs[segs.length - 1];
    if (LANDING_SEGMENTS.has(last) || INDEX_FILE.test(last)) segs.pop();
    else break;
  }
  return segs.length ? { host, pathPrefix: '/' + segs.join('/') } : { host };
}

/** The canonical dataportal URI for an org number (used for bodies known only from `extra`). */
export function publisherUriFor(orgNumber: string): string {
  return 'http://dataportal.se/organisation/SE' + orgNumber;
}

function publisherOrg(p: Publisher): string | undefined {
  return (p.orgNumber ? normaliseOrgNumber(p.orgNumber) : undefined) ?? orgNumberFromPublisherUri(p.uri);
}

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/**
 * Build the index. Several publishers may share an org number (the courts all use Domstolsverket's
 * 202100-2742; Gotland is municipality and region under one number): byOrg then keeps the publisher whose
 * URI is exactly `…/SE<orgnr>` (no suffix), else the smallest URI, so the result does not depend on input order.
 */
export function buildDirectory(publishers: readonly Publisher[], extra: readonly DirectoryExtra[] = []): Directory {
  const byHost: Record<string, DirectoryEntry[]> = {};
  const byOrg: Record<string, string> = {};
  const add = (key: { host: string; pathPrefix?: string }, entry: DirectoryEntry) => {
    const list = hasOwn(byHost, key.host) ? byHost[key.host] : (byHost[key.host] = []);
    for (const e of list) if (e.publisherUri === entry.publisherUri && e.pathPrefix === entry.pathPrefix) return;
    list.push(entry);
  };
  const setOrg = (org: string, uri: string) => {
    const cur = hasOwn(byOrg, org) ? byOrg[org] : undefined;
    const canonical = publisherUriFor(org);
    if (cur === undefined || (cur !== canonical && (uri === canonical || uri < cur))) byOrg[org] = uri;
  };

  for (const p of publishers) {
    const org = publisherOrg(p);
    if (org) setOrg(org, p.uri);
    for (const hp of p.homepages) {
      const key = homepageKey(hp);
      if (!key) continue;
      const entry: DirectoryEntry = { publisherUri: p.uri };
      if (key.pathPrefix) entry.pathPrefix = key.pathPrefix;
      if (org) entry.orgNumber = org;
      add(key, entry);
    }
  }
  for (const x of extra) {
    const org = normaliseOrgNumber(x.orgNumber);
    const host = normaliseHost(x.host);
    if (!org || !host) continue;
    const uri = hasOwn(byOrg, org) ? byOrg[org] : publisherUriFor(org);
    if (!hasOwn(byOrg, org)) byOrg[org] = uri;
    const prefixKey = x.pathPrefix ? homepageKey(host + x.pathPrefix) : { host };
    const entry: DirectoryEntry = { publisherUri: uri, orgNumber: org };
    if (prefixKey?.pathPrefix) entry.pathPrefix = prefixKey.pathPrefix;
    add({ host }, entry);
  }
  // Deterministic order: longest prefix first, then URI.
  for (const host of Object.keys(byHost)) {
    byHost[host].sort(
      (a, b) =>
        (b.pathPrefix?.length ?? 0) - (a.pathPrefix?.length ?? 0) ||
        (a.publisherUri < b.publisherUri ? -1 : a.publisherUri > b.publisherUri ? 1 : 0),
    );
  }
  return { byHost, byOrg };
}

/** `/stockholm` covers `/stockholm` and `/stockholm/…`, not `/stockholms-lan`. */
function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

/**
 * Find the publisher whose homepage covers `hostname` + `path`. Tries the exact host, then parent domains
 * (never a public suffix), and stops at the first host the directory knows. On that host the longest
 * matching path prefix wins; an entry without prefix covers the whole host.
 *
 * Shared host, page under none of the prefixes, no whole-host entry: no match, all entries returned as
 * candidates (the bodies on `lansstyrelsen.se` are disjoint, so guessing one would often be wrong). A
 * host with a single, prefixed entry still matches, flagged `outsidePrefix`, because a publisher's
 * homepage is often a landing page deep in its own site (`goteborg.se/wps/portal/start`).
 */
export function lookupHost(dir: Directory, hostname: string, path: string): HostLookup {
  const host = normaliseHost(hostname);
  const p = decodeLower(path || '/');
  const labels = host.split('.');
  for (let i = 0; labels.length - i >= 2; i++) {
    const key = labels.slice(i).join('.');
    if (i > 0 && PUBLIC_SUFFIXES.has(key)) break;
    if (!hasOwn(dir.byHost, key)) continue;
    const entries = dir.byHost[key];
    if (!Array.isArray(entries) || entries.length === 0) continue;
    const parent = i > 0;
    const asMatch = (e: DirectoryEntry, outsidePrefix = false): HostMatch => ({ ...e, host: key, parent, outsidePrefix });
    let best: DirectoryEntry | undefined;
    for (const e of entries) {
      const fits = e.pathPrefix === undefined || underPrefix(p, e.pathPrefix);
      if (fits && (!best || (e.pathPrefix?.length ?? 0) > (best.pathPrefix?.length ?? 0))) best = e;
    }
    if (best) {
      const b = best;
      const candidates = entries
        .filter((e) => e !== b && e.pathPrefix === b.pathPrefix && e.publisherUri !== b.publisherUri)
        .map((e) => asMatch(e));
      return { match: asMatch(b), candidates };
    }
    const distinct: DirectoryEntry[] = [];
    for (const e of entries) if (!distinct.some((d) => d.publisherUri === e.publisherUri)) distinct.push(e);
    if (distinct.length === 1) return { match: asMatch(distinct[0], true), candidates: [] };
    return { candidates: distinct.map((e) => asMatch(e)) };
  }
  return { candidates: [] };
}

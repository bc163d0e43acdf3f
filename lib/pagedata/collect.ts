// Collects the URLs of data behind a page: links to data files, APIs, map services, OpenAPI
// documents, feeds and DCAT catalogues, and the fetch/XHR requests the page itself made (resource
// timing entries: names only). The only DOM code in lib/pagedata: it runs in the page-data script,
// injected through activeTab when the user opens the popup (never on page load), and in tests / the
// CLI on a parsed document (linkedom).
//
// Privacy: it returns URLs and counts, nothing else: no link text, no page text, no headers, no
// bodies, no timings. Tracking parameters are removed and analytics / beacon URLs dropped here,
// in the page, so they never reach the extension.
//
// Bounded: at most `maxLinks` elements and `maxEntries` resource entries are looked at, and at most
// `maxKept` URLs of each list are returned. Plain for loops, every step guarded, never throws.
import { cleanUrl } from './urls';
import { classifyUrl, type UrlHint } from './classify';

export interface PageDataLimits {
  /** Anchors, areas and link elements examined. */
  maxLinks: number;
  /** Resource timing entries examined. */
  maxEntries: number;
  /** URLs kept per list. */
  maxKept: number;
}

export const PAGE_DATA_LIMITS: PageDataLimits = { maxLinks: 5000, maxEntries: 3000, maxKept: 1000 };

/** What the page-data script hands to the extension: URLs (and request counts) only. */
export interface PageUrls {
  /** Links that look like data, APIs, map services, OpenAPI documents or catalogues. */
  links: string[];
  /** `<link rel="alternate">` feeds. */
  feeds: string[];
  /** `<link rel="service-desc|describedby">` API descriptions. */
  apiDocs: string[];
  /** fetch / XHR requests the page made, deduplicated, with how often each URL was requested. */
  requests: { url: string; count: number }[];
  /** How many elements and entries were looked at, and whether a limit cut the reading short. */
  seen: { links: number; entries: number; truncated: boolean };
}

/** The part of a PerformanceResourceTiming entry we read. */
export interface ResourceEntryLike {
  name: string;
  initiatorType: string;
}

/**
 * Cheap test on the raw attribute before parsing a URL: most links on a page are to other pages,
 * and parsing 10 000 of them would be the whole cost. False positives are fine (the classifier
 * decides); false negatives must not happen for anything classifyUrl accepts.
 */
const MAYBE_DATA =
  /\.(csv|tsv|json|geojson|topojson|jsonld|ndjson|xml|xlsx|xls|ods|zip|rdf|ttl|nt|n3|owl|shp|gpkg|kml|kmz|gml|gpx|parquet|sqlite|px|sdmx|dbf|txt|rss|atom|ya?ml)(\?|#|$)|api|rest|graphql|odata|rowstore|webservice|\/v\d|wms|wfs|wmts|wcs|csw|ows|arcgis|mapserver|featureserver|collections|dcat|psidata|swagger|openapi|redoc|rapidoc|scalar|rss|atom|feed|gtfs|format=|[?&]f=|output|[?&]type=|getcapabilities/i;

const FEED_TYPE = /rss|atom|feed\+json/i;
const DATA_TYPE = /json|rdf|turtle|csv|xml|n-triples|n3/i;

interface Acc {
  lim: PageDataLimits;
  seenUrl: Record<string, 1>;
  out: PageUrls;
}

function keep(acc: Acc, list: string[], raw: string, base: string, hint: UrlHint): void {
  if (list.length >= acc.lim.maxKept) {
    acc.out.seen.truncated = true;
    return;
  }
  const u = cleanUrl(raw, base);
  if (!u) return;
  const href = u.href;
  const key = hint + ' ' + href;
  if (acc.seenUrl[key]) return;
  if (!classifyUrl(u, hint)) return;
  acc.seenUrl[key] = 1;
  list[list.length] = href;
}

function readLinks(acc: Acc, doc: Document, base: string): void {
  const els = doc.querySelectorAll('a[href], area[href], link[href]');
  const n = els.length;
  if (n > acc.lim.maxLinks) acc.out.seen.truncated = true;
  for (let i = 0; i < n && i < acc.lim.maxLinks; i++) {
    try {
      const el = els[i] as Element;
      acc.out.seen.links++;
      const raw = el.getAttribute('href');
      if (!raw) continue;
      const c = raw.charCodeAt(0);
      if (c === 35 /* # */) continue;
      if (el.tagName.toUpperCase() === 'LINK') {
        const rel = ' ' + (el.getAttribute('rel') || '').toLowerCase() + ' ';
        const type = el.getAttribute('type') || '';
        if (rel.indexOf(' alternate ') >= 0 && FEED_TYPE.test(type)) keep(acc, acc.out.feeds, raw, base, 'feed');
        else if (rel.indexOf(' service-desc ') >= 0 || (rel.indexOf(' describedby ') >= 0 && /json|yaml|openapi/i.test(type))) {
          keep(acc, acc.out.apiDocs, raw, base, 'apidoc');
        } else if ((rel.indexOf(' alternate ') >= 0 && DATA_TYPE.test(type)) || rel.indexOf(' dcat ') >= 0 || MAYBE_DATA.test(raw)) {
          if (rel.indexOf(' stylesheet ') < 0 && rel.indexOf(' icon ') < 0 && rel.indexOf('preload') < 0 && rel.indexOf(' preconnect ') < 0) {
            keep(acc, acc.out.links, raw, base, 'link');
          }
        }
        continue;
      }
      if (!MAYBE_DATA.test(raw)) continue;
      keep(acc, acc.out.links, raw, base, 'link');
    } catch {
      // one broken element does not stop the rest
    }
  }
}

function readEntries(acc: Acc, entries: ArrayLike<ResourceEntryLike>, base: string): void {
  const n = entries.length;
  // The newest entries matter most on a long-lived page: read from the end.
  const start = n > acc.lim.maxEntries ? n - acc.lim.maxEntries : 0;
  if (start > 0) acc.out.seen.truncated = true;
  const index: Record<string, number> = Object.create(null) as Record<string, number>;
  const list = acc.out.requests;
  for (let i = start; i < n; i++) {
    try {
      const e = entries[i] as ResourceEntryLike;
      acc.out.seen.entries++;
      const type = e.initiatorType;
      if (type !== 'fetch' && type !== 'xmlhttprequest') continue;
      const u = cleanUrl(String(e.name), base);
      if (!u || !classifyUrl(u, 'request')) continue;
      const href = u.href;
      const at = index[href];
      if (at !== undefined) {
        (list[at] as { count: number }).count++;
        continue;
      }
      if (list.length >= acc.lim.maxKept) {
        acc.out.seen.truncated = true;
        continue;
      }
      index[href] = list.length;
      list[list.length] = { url: href, count: 1 };
    } catch {
      // skip this entry
    }
  }
}

/** Reads the page's data URLs. `entries` are `performance.getEntriesByType('resource')` in the browser. */
export function collectPageUrls(
  doc: Document,
  pageUrl: string,
  entries: ArrayLike<ResourceEntryLike>,
  limits: PageDataLimits = PAGE_DATA_LIMITS,
): PageUrls {
  const out: PageUrls = { links: [], feeds: [], apiDocs: [], requests: [], seen: { links: 0, entries: 0, truncated: false } };
  const acc: Acc = { lim: limits, seenUrl: Object.create(null) as Record<string, 1>, out };
  let base = pageUrl;
  try {
    const b = doc.querySelector('base[href]')?.getAttribute('href');
    if (b) base = new URL(b, pageUrl).href;
  } catch {
    // keep the page URL as base
  }
  try {
    readLinks(acc, doc, base);
  } catch {
    // a hostile document: return what we have
  }
  try {
    readEntries(acc, entries, pageUrl);
  } catch {
    // no resource timing
  }
  return out;
}

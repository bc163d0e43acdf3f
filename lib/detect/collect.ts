// Reads cheap public-body signals from a document. The only DOM code in lib/detect: it runs in the
// detector content script on a live `Document`, and in tests / the CLI on a parsed one (linkedom).
//
// Budget (DESIGN.md): ≤ 2 ms on a page without signals, ≤ 5 ms otherwise, ≤ 6 kB gzip. Hence:
// * bounded reads only: <head> meta and JSON-LD, the last few footer-like regions (text capped), a few
//   address blocks, and links matched by attribute selectors (capped). Never the whole body's text, and
//   never innerText (it forces layout).
// * robust against hostile pages: plain for loops over NodeLists (no Array.prototype methods that a page
//   could have replaced in a shared realm), JSON.parse captured at load time, every step in try/catch,
//   never throws. In the browser content scripts run in an isolated world, so this is defence in depth.
// * no zod: it would blow the size budget; the background validates the message instead.
import { findOrgNumbers, normaliseOrgNumber, orgNumberFromPublisherUri } from './orgnr.ts';
import type { JsonLdOrg, LinkKind, LinkSignal, OrgNumberSignal, OrgNumberWhere, Signals } from './signals.ts';

export interface CollectLimits {
  /** JSON-LD scripts read (the first N). */
  maxJsonLdScripts: number;
  /** A JSON-LD script longer than this is skipped, not cut (a cut JSON would not parse anyway). */
  maxJsonLdChars: number;
  /** Footer-like regions read: the last N in document order. */
  maxRegions: number;
  /** Text read per region. */
  maxRegionChars: number;
  /** Nodes visited per region, so a region of 100 000 empty spans stays cheap. */
  maxRegionNodes: number;
  /** Anchors examined, in total. */
  maxLinks: number;
  /** Org numbers kept, in total. */
  maxOrgNumbers: number;
}

export const DEFAULT_LIMITS: CollectLimits = {
  maxJsonLdScripts: 5,
  maxJsonLdChars: 100_000,
  maxRegions: 3,
  maxRegionChars: 20_000,
  maxRegionNodes: 3_000,
  maxLinks: 200,
  maxOrgNumbers: 10,
};

export interface PageLocation {
  href: string;
  hostname: string;
  pathname: string;
}

// Captured once: a page that later replaces JSON.parse (shared realm, tests) cannot reach us.
const jsonParse = JSON.parse;
const isArray = Array.isArray;

const FOOTER_SELECTOR = 'footer, [role="contentinfo"], #footer, .footer';
const CONTACT_SELECTOR = 'address, #kontakt, #contact';
const LINK_SELECTOR =
  'a[href*="tillganglighet"], a[href*="tillg%C3%A4nglighet"], a[href*="tillg%c3%a4nglighet"], a[href*="datasets/dcat"], a[href*="psidata"], a[href*="dataportal.se/organisation"], ' +
  'a[href*="tdosanmalan"], link[href*="datasets/dcat"]';
/** Subtrees whose text is not visible page text. */
const SKIP_TAGS = ' SCRIPT STYLE TEMPLATE NOSCRIPT SVG IFRAME OBJECT CANVAS ';
const MAX_STR = 200;

function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t ? (t.length > MAX_STR ? t.slice(0, MAX_STR) : t) : undefined;
  }
  if (typeof v === 'number' && isFinite(v)) return String(v);
  if (v && typeof v === 'object') {
    if (isArray(v)) return v.length ? str(v[0]) : undefined;
    const o = v as Record<string, unknown>;
    // JSON-LD value objects, schema.org PropertyValue, node references.
    return str(o['@value']) ?? str(o['value']) ?? str(o['@id']);
  }
  return undefined;
}

/** Hidden by markup (not by stylesheet: computing styles would cost layout). */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * Visible-ish text of a region: a pointer walk (no recursion, no arrays), skipping scripts, templates and
 * hidden subtrees, with a space between text nodes so `<dt>Org.nr</dt><dd>…</dd>` stays separable.
 */
function regionText(root: Element, maxChars: number, maxNodes: number): string {
  let text = '';
  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node && visited < maxNodes && text.length < maxChars) {
    visited++;
    let descend = false;
    if (node.nodeType === 3) {
      const v = node.nodeValue;
      if (v) text += v + ' ';
    } else if (node.nodeType === 1) {
      const el = node as Element;
      descend = SKIP_TAGS.indexOf(' ' + el.tagName.toUpperCase() + ' ') < 0 && !isHidden(el);
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

function cleanUrl(raw: string, base: string): URL | undefined {
  try {
    const u = new URL(raw, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.search = '';
    u.hash = '';
    return u;
  } catch {
    return undefined;
  }
}

function decodedLowerPath(u: URL): string {
  let p = u.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep the encoded path
  }
  return p.toLowerCase();
}

/** Kind of a link, from its URL and (for footer links) its text. */
export function classifyLink(u: URL, text: string): LinkKind | undefined {
  const host = u.hostname.toLowerCase();
  const path = decodedLowerPath(u);
  if (/(^|\.)dataportal\.se$/.test(host) && /\/organisation\/se\d{10}/.test(path)) return 'dataportal-org';
  if (/\/datasets\/dcat\/?$/.test(path)) return 'dcat';
  if (/\/psidata(\/|$|\.)/.test(path)) return 'psidata';
  if (/tillg(a|ä)nglighet/.test(path) || (/(^|\.)digg\.se$/.test(host) && path.indexOf('/tdosanmalan') === 0)) {
    return 'accessibility';
  }
  if (text && /tillgänglighetsredogörelse|tillgänglighet|accessibility/i.test(text)) return 'accessibility';
  return undefined;
}

/** Mutable state of one collection run. */
interface Acc {
  s: Signals;
  lim: CollectLimits;
  linksSeen: number;
}

function addOrg(acc: Acc, value: string, where: OrgNumberWhere, labelled: boolean): void {
  const list = acc.s.orgNumbers;
  for (let i = 0; i < list.length; i++) {
    if (list[i].value === value && list[i].where === where) {
      if (labelled) list[i].labelled = true;
      return;
    }
  }
  if (list.length < acc.lim.maxOrgNumbers) list[list.length] = { value, where, labelled } satisfies OrgNumberSignal;
}

function addLink(acc: Acc, kind: LinkKind, href: string): void {
  const list = acc.s.links;
  for (let i = 0; i < list.length; i++) if (list[i].kind === kind && list[i].href === href) return;
  if (list.length < 20) list[list.length] = { kind, href: href.slice(0, 300) } satisfies LinkSignal;
}

function examineLink(acc: Acc, a: Element, readText: boolean): void {
  if (acc.linksSeen >= acc.lim.maxLinks) return;
  acc.linksSeen++;
  const raw = a.getAttribute('href');
  if (!raw) return;
  const u = cleanUrl(raw, acc.s.url);
  if (!u) return;
  let text = '';
  if (readText) {
    const t = a.textContent;
    text = t ? t.slice(0, 100) : '';
  }
  const kind = classifyLink(u, text);
  if (kind) addLink(acc, kind, u.href);
}

/** The org number an identifier-ish string names, if any (plain number, VAT, or dataportal URI). */
function orgFromId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const n = normaliseOrgNumber(id) ?? orgNumberFromPublisherUri(id);
  return n && n.charCodeAt(2) - 48 >= 2 ? n : undefined;
}

function addStructuredOrg(acc: Acc, o: JsonLdOrg, where: OrgNumberWhere): void {
  if (acc.s.jsonLd.length >= 5) return;
  acc.s.jsonLd[acc.s.jsonLd.length] = o;
  const ids = [o.taxID, o.vatID, o.identifier];
  for (let i = 0; i < ids.length; i++) {
    const n = orgFromId(ids[i]);
    if (n) addOrg(acc, n, where, true);
  }
  const same = o.sameAs;
  if (same) {
    for (let i = 0; i < same.length; i++) {
      if (orgNumberFromPublisherUri(same[i])) {
        const u = cleanUrl(same[i], acc.s.url);
        if (u) addLink(acc, 'dataportal-org', u.href);
      }
    }
  }
}

/** An identifier field may be a list (Wikidata id, org number, …): prefer the entry that is an org number. */
function idStr(v: unknown): string | undefined {
  if (isArray(v)) {
    for (let i = 0; i < v.length && i < 10; i++) {
      const s = str(v[i]);
      if (orgFromId(s)) return s;
    }
  }
  return str(v);
}

const ORG_TYPE = /Organi[sz]ation$|^Corporation$|^NGO$|^GovernmentOffice$|^CollegeOrUniversity$/;
/** Properties under which JSON-LD nests the organisation behind a WebSite/WebPage. */
const NESTED = ['@graph', 'publisher', 'author', 'provider', 'mainEntity', 'sourceOrganization', 'copyrightHolder', 'isPartOf'];

function ldTypes(v: unknown): string[] {
  const out: string[] = [];
  const list = isArray(v) ? v : [v];
  for (let i = 0; i < list.length && i < 5; i++) {
    const t = list[i];
    if (typeof t === 'string') out[out.length] = t.replace(/^(https?:\/\/schema\.org\/|schema:)/, '');
  }
  return out;
}

function walkLd(acc: Acc, v: unknown, depth: number, budget: { n: number }): void {
  if (depth > 5 || budget.n <= 0 || !v || typeof v !== 'object') return;
  budget.n--;
  if (isArray(v)) {
    for (let i = 0; i < v.length && i < 50; i++) walkLd(acc, v[i], depth + 1, budget);
    return;
  }
  const o = v as Record<string, unknown>;
  const types = ldTypes(o['@type']);
  let orgType: string | undefined;
  for (let i = 0; i < types.length; i++) {
    if (types[i] === 'GovernmentOrganization') orgType = types[i];
    else if (!orgType && ORG_TYPE.test(types[i])) orgType = types[i];
  }
  if (orgType) {
    const org: JsonLdOrg = { type: orgType, from: 'jsonld' };
    const name = str(o['name']) ?? str(o['legalName']);
    if (name) org.name = name;
    const identifier = idStr(o['identifier']);
    if (identifier) org.identifier = identifier;
    const taxID = idStr(o['taxID']);
    if (taxID) org.taxID = taxID;
    const vatID = idStr(o['vatID']);
    if (vatID) org.vatID = vatID;
    const url = str(o['url']);
    if (url) org.url = url;
    const sa = o['sameAs'];
    const sameList = isArray(sa) ? sa : sa === undefined ? [] : [sa];
    const sameAs: string[] = [];
    for (let i = 0; i < sameList.length && sameAs.length < 10; i++) {
      const s = str(sameList[i]);
      if (s) sameAs[sameAs.length] = s;
    }
    if (sameAs.length) org.sameAs = sameAs;
    addStructuredOrg(acc, org, 'jsonld');
  }
  for (let i = 0; i < NESTED.length; i++) {
    const child = o[NESTED[i]];
    if (child && typeof child === 'object') walkLd(acc, child, depth + 1, budget);
  }
}

function readJsonLd(acc: Acc, doc: Document): void {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < acc.lim.maxJsonLdScripts; i++) {
    try {
      const text = scripts[i].textContent;
      if (!text || text.length > acc.lim.maxJsonLdChars) continue;
      walkLd(acc, jsonParse(text) as unknown, 0, { n: 50 });
    } catch {
      // malformed JSON-LD is common; skip it
    }
  }
}

function readMicrodata(acc: Acc, doc: Document): void {
  const items = doc.querySelectorAll('[itemscope][itemtype*="Organization"], [itemscope][itemtype*="GovernmentOffice"]');
  for (let i = 0; i < items.length && i < 5; i++) {
    try {
      const item = items[i];
      const typeAttr = item.getAttribute('itemtype') || '';
      const m = /schema\.org\/([A-Za-z]+)/.exec(typeAttr);
      if (!m) continue;
      const org: JsonLdOrg = { type: m[1], from: 'microdata' };
      const props = item.querySelectorAll('[itemprop]');
      for (let j = 0; j < props.length && j < 50; j++) {
        const p = props[j];
        const names = ' ' + (p.getAttribute('itemprop') || '') + ' ';
        const value = str(
          p.getAttribute('content') ?? p.getAttribute('href') ?? (p.textContent || '').slice(0, MAX_STR),
        );
        if (!value) continue;
        if (!org.name && names.indexOf(' name ') >= 0) org.name = value;
        if (!org.taxID && names.indexOf(' taxID ') >= 0) org.taxID = value;
        if (!org.vatID && names.indexOf(' vatID ') >= 0) org.vatID = value;
        if (!org.identifier && names.indexOf(' identifier ') >= 0) org.identifier = value;
        if (!org.url && names.indexOf(' url ') >= 0) org.url = value;
      }
      addStructuredOrg(acc, org, 'microdata');
    } catch {
      // one broken item does not stop the others
    }
  }
}

function readMeta(acc: Acc, doc: Document): void {
  const metas = doc.querySelectorAll('meta[name], meta[property]');
  for (let i = 0; i < metas.length && i < 100; i++) {
    try {
      const el = metas[i];
      const key = (el.getAttribute('property') || el.getAttribute('name') || '').toLowerCase();
      const content = str(el.getAttribute('content'));
      if (!content) continue;
      if (key === 'og:site_name') acc.s.meta.siteName = content;
      else if (key === 'dc.publisher' || key === 'dcterms.publisher' || key === 'dc:publisher') {
        acc.s.meta.publisher = content;
      } else if (key === 'generator') acc.s.meta.generator = content;
      else if (/org\.?-?n(umme)?r|organi[sz]ation.?num|vatid|taxid/.test(key)) {
        const n = orgFromId(content);
        if (n) addOrg(acc, n, 'meta', true);
      }
    } catch {
      // ignore this tag
    }
  }
}

/** The last `max` elements of a NodeList, in document order, leaving out ones nested in another pick. */
function lastRegions(list: NodeListOf<Element>, max: number, exclude: Element[]): Element[] {
  const picked: Element[] = [];
  for (let i = list.length - 1; i >= 0 && picked.length < max; i--) {
    const el = list[i];
    let nested = false;
    for (let j = 0; j < exclude.length && !nested; j++) if (exclude[j].contains(el)) nested = true;
    for (let j = 0; j < picked.length && !nested; j++) if (picked[j].contains(el)) nested = true;
    if (nested || isHidden(el)) continue;
    // An outer region that contains an already picked inner one replaces it (its text is a superset).
    for (let j = 0; j < picked.length; j++) {
      if (el.contains(picked[j])) {
        for (let k = j; k < picked.length - 1; k++) picked[k] = picked[k + 1];
        picked.length--;
        j--;
      }
    }
    picked[picked.length] = el;
  }
  // reverse into document order
  const out: Element[] = [];
  for (let i = picked.length - 1; i >= 0; i--) out[out.length] = picked[i];
  return out;
}

function readRegions(acc: Acc, regions: Element[], where: OrgNumberWhere): void {
  for (let i = 0; i < regions.length; i++) {
    try {
      const text = regionText(regions[i], acc.lim.maxRegionChars, acc.lim.maxRegionNodes);
      const found = findOrgNumbers(text, acc.lim.maxOrgNumbers);
      for (let j = 0; j < found.length; j++) addOrg(acc, found[j].value, where, found[j].labelled);
    } catch {
      // next region
    }
    try {
      const anchors = regions[i].querySelectorAll('a[href]');
      for (let j = 0; j < anchors.length && acc.linksSeen < acc.lim.maxLinks; j++) examineLink(acc, anchors[j], true);
    } catch {
      // next region
    }
  }
}

function pageUrl(href: string): string {
  try {
    const u = new URL(href);
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    const cut = href.search(/[?#]/);
    return cut >= 0 ? href.slice(0, cut) : href;
  }
}

/**
 * Collect the signals of one page. `location` is passed separately from `doc` because a single-page site
 * changes route without a new document, and a parsed document (tests, CLI) has no location of its own.
 * Never throws; a failing step just contributes nothing.
 */
export function collectSignals(doc: Document, location: PageLocation, limits?: Partial<CollectLimits>): Signals {
  const lim: CollectLimits = { ...DEFAULT_LIMITS };
  if (limits) {
    const keys = Object.keys(DEFAULT_LIMITS) as (keyof CollectLimits)[];
    for (let i = 0; i < keys.length; i++) {
      const v = limits[keys[i]];
      if (typeof v === 'number' && v >= 0) lim[keys[i]] = v;
    }
  }
  const s: Signals = { url: '', host: '', path: '', orgNumbers: [], jsonLd: [], links: [], meta: {} };
  try {
    s.url = pageUrl(String(location.href));
    s.host = String(location.hostname).toLowerCase();
    s.path = String(location.pathname);
  } catch {
    return s;
  }
  const acc: Acc = { s, lim, linksSeen: 0 };
  const steps: ((acc: Acc, doc: Document) => void)[] = [readMeta, readJsonLd, readMicrodata, readFooterAndContact, readLinks];
  for (let i = 0; i < steps.length; i++) {
    try {
      steps[i](acc, doc);
    } catch {
      // keep what the other steps found
    }
  }
  return s;
}

function readFooterAndContact(acc: Acc, doc: Document): void {
  const footers = lastRegions(doc.querySelectorAll(FOOTER_SELECTOR), acc.lim.maxRegions, []);
  readRegions(acc, footers, 'footer');
  const contacts = lastRegions(doc.querySelectorAll(CONTACT_SELECTOR), acc.lim.maxRegions, footers);
  readRegions(acc, contacts, 'contact');
}

function readLinks(acc: Acc, doc: Document): void {
  // Targeted links get their own budget: a footer with 200 links must not hide the dcat link.
  acc.linksSeen = 0;
  const anchors = doc.querySelectorAll(LINK_SELECTOR);
  for (let i = 0; i < anchors.length && acc.linksSeen < acc.lim.maxLinks; i++) examineLink(acc, anchors[i], false);
}

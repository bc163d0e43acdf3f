// Reads cheap public-body signals from a document. The only DOM code in lib/detect: it runs in the
// detector content script on a live `Document`, and in tests / the CLI on a parsed one (linkedom).
//
// Budget (DESIGN.md): ≤ 2 ms on a page without signals, ≤ 5 ms otherwise, ≤ 6 kB gzip. Hence:
// * bounded reads only: <head> meta and JSON-LD, the last few footer-like regions (text capped), a few
//   address blocks, microdata inside those and the page header, and links inside them plus the last
//   hundred of the page (footers come last). Never the whole body's text, never innerText (layout).
// * cheap lookups only (measured in Chromium on a 15 000-element page): a document-wide selector with
//   attribute tests costs a match per element, 2–12 ms each. The whole document is touched only by native
//   tag/id lookups and one `script[type=…]` selector; footers are found by a short walk from the end of
//   <body>; other selectors run inside the small regions found that way.
// * few DOM nodes touched: in the content script's isolated world each node read costs a wrapper
//   (~1.5 µs on a page's first run), so region text comes from one innerHTML string, not a node walk.
// * robust against hostile pages: plain for loops over NodeLists (no Array.prototype methods that a page
//   could have replaced in a shared realm), JSON.parse captured at load time, every step in try/catch,
//   never throws. In the browser content scripts run in an isolated world, so this is defence in depth.
// * no zod: it would blow the size budget; the background validates the message instead.
import { findOrgNumbers, normaliseOrgNumber, orgNumberFromPublisherUri } from './orgnr.ts';
import { isArray, jsonParse, replace } from './intrinsics.ts';
import { hasSignal } from './signals.ts';
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
  /** Anchors examined inside the footer and contact regions. */
  maxLinks: number;
  /**
   * Anchors examined at the end of the page (outside or after the regions), where footers and "about this
   * site" links are. Each anchor read costs a DOM wrapper in the content script's isolated world (~1.5 µs
   * on a page's first run in Chromium), so this many, not all of them.
   */
  maxTailLinks: number;
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
  maxTailLinks: 100,
  maxOrgNumbers: 10,
};

export interface PageLocation {
  href: string;
  hostname: string;
  pathname: string;
}


/**
 * A link worth parsing as a URL: `classifyLink` can only return a kind when the raw href contains one of
 * these (or, for footer links, the text names accessibility). Spares a URL parse per ordinary link.
 */
const LINK_HINT = /tillg|datasets\/dcat|psidata|dataportal|tdosanmalan/i;
const A11Y_TEXT = /tillgänglighet|accessibility/i;
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

/** A region with any of these is read node by node (isHidden and the node cap need the DOM). */
const WALK_SELECTOR = '[hidden],[style],object,canvas,svg svg';
/**
 * A <template> opened inside another one: MARKUP's lazy match would end at the inner `</template>` and read
 * the rest of the outer one as text. A selector cannot see it (template content is a separate fragment, in
 * Chromium as in linkedom), so the serialised HTML is tested; such a region is walked (hostile tests).
 */
const NESTED_TEMPLATE = /<template[\s>](?:(?!<\/template)[^<]|<(?!\/template))*<template[\s>]/i;
/**
 * Markup in serialised HTML, one space for a run of it: comments, tags (attribute values are always
 * double-quoted there), and whole script/style/template/noscript/svg/iframe elements, whose content is
 * raw text or not page text.
 */
const MARKUP = /(?:<!--[\s\S]*?-->|<(script|style|template|noscript|svg|iframe)(?=[\s>/])[\s\S]*?<\/\1>|<(?:[^>"]|"[^"]*")*>)+/gi;

/**
 * Visible-ish text of a region, skipping scripts, templates and hidden subtrees, with a space between text
 * nodes so `<dt>Org.nr</dt><dd>…</dd>` stays separable. At most `maxNodes` nodes are visited.
 *
 * Usually from the region's serialised HTML: in a content script every DOM node touched costs a wrapper
 * in the isolated world (~1–2 µs each on a page's first run), a string costs none. The pointer walk below
 * (no recursion, no arrays) reads regions with hidden or styled elements, and big ones.
 */
function regionText(root: Element, html: string, maxChars: number, maxNodes: number): string {
  let text = '';
  if (
    html.length <= 10 * maxChars &&
    2 * root.querySelectorAll('*').length < maxNodes &&
    !root.querySelector(WALK_SELECTOR) &&
    !NESTED_TEMPLATE.test(html)
  ) {
    // Entities stay (&amp; and the like are no part of a number or label), but for no-break spaces.
    text = replace.call(replace.call(html, MARKUP, ' '), /&(nbsp|#160);/g, '\u00a0');
    return text.length > maxChars ? text.slice(0, maxChars) : text;
  }
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
      descend = !skipTag(el) && !isHidden(el);
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
  if (text && /tillgänglighet|accessibility/i.test(text)) return 'accessibility';
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
  const raw = a.getAttribute('href');
  if (!raw) return;
  let text = '';
  if (readText) {
    const t = a.textContent;
    text = t ? t.slice(0, 100) : '';
  }
  if (!LINK_HINT.test(raw) && !(text && A11Y_TEXT.test(text))) return;
  const u = cleanUrl(raw, acc.s.url);
  if (!u) return;
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
    if (typeof t === 'string') out[out.length] = replace.call(t, /^(https?:\/\/schema\.org\/|schema:)/, '');
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
  // One tag-and-attribute selector: a cheap match per element, and no wrapper for the page's other scripts.
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

function readMicroItem(acc: Acc, item: Element): void {
  // An organisation, as `[itemscope][itemtype*=Organization]` (or GovernmentOffice) would match.
  const t = item.getAttribute('itemtype') || '';
  const m = /schema\.org\/([A-Za-z]+)/.exec(t);
  if (!m || !item.hasAttribute('itemscope') || !/Organization|GovernmentOffice/.test(t)) return;
  const org: JsonLdOrg = { type: m[1], from: 'microdata' };
  const props = item.querySelectorAll('[itemprop]');
  for (let j = 0; j < props.length && j < 50; j++) {
    const p = props[j];
    const names = ' ' + (p.getAttribute('itemprop') || '') + ' ';
    const value = str(p.getAttribute('content') ?? p.getAttribute('href') ?? (p.textContent || '').slice(0, MAX_STR));
    if (!value) continue;
    if (!org.name && names.indexOf(' name ') >= 0) org.name = value;
    if (!org.taxID && names.indexOf(' taxID ') >= 0) org.taxID = value;
    if (!org.vatID && names.indexOf(' vatID ') >= 0) org.vatID = value;
    if (!org.identifier && names.indexOf(' identifier ') >= 0) org.identifier = value;
    if (!org.url && names.indexOf(' url ') >= 0) org.url = value;
  }
  addStructuredOrg(acc, org, 'microdata');
}

/** Microdata organisations inside the given roots (the page header and the chosen regions). */
function readMicrodata(acc: Acc, roots: Element[]): void {
  for (let r = 0; r < roots.length; r++) {
    try {
      // A root inside an earlier one (an <address> in the header) was searched with it.
      let seen = false;
      for (let j = 0; j < r; j++) if (roots[j].contains(roots[r])) seen = true;
      if (seen) continue;
      const found = roots[r].querySelectorAll('[itemscope][itemtype]');
      for (let i = -1; i < found.length && i < 50; i++) {
        try {
          readMicroItem(acc, i < 0 ? roots[r] : found[i]);
        } catch {
          // one broken item does not stop the others
        }
      }
    } catch {
      // next root
    }
  }
}

/** <head>: meta tags (site name, publisher, org number) and a DCAT catalogue <link>. */
function readMeta(acc: Acc, doc: Document): void {
  const head = doc.head;
  if (!head) return;
  const els = head.querySelectorAll('meta[name],meta[property],link[href*="datasets/dcat"]');
  for (let i = 0; i < els.length && i < 100; i++) {
    try {
      const el = els[i];
      if (el.localName === 'link') {
        const u = cleanUrl(el.getAttribute('href') || '', acc.s.url);
        if (u && classifyLink(u, '') === 'dcat') addLink(acc, 'dcat', u.href);
        continue;
      }
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

function inside(el: Element, list: Element[]): boolean {
  for (let j = 0; j < list.length; j++) if (list[j].contains(el)) return true;
  return false;
}

const FOOTER_SELECTOR = 'footer,#footer,.footer,[role="contentinfo"]';

function skipTag(el: Element): boolean {
  return SKIP_TAGS.indexOf(' ' + el.tagName.toUpperCase() + ' ') >= 0;
}

/**
 * Footer-like elements (`footer`, `#footer`, `.footer`, `[role=contentinfo]`), in document order, at most
 * `max`. Footers come last, so a short walk from the end of <body> finds them: backwards, an element before
 * its children, never into a footer found (its inner footers add nothing) or a script/svg/…; after the first
 * find it only looks at preceding siblings and their ancestors' preceding siblings. Only a page without a
 * footer there pays for a page-wide lookup: the <footer>s, else #footer, else the .footer elements.
 */
function findFooters(doc: Document, max: number): ArrayLike<Element> {
  const out: Element[] = [];
  const body = doc.body;
  let el: Element | null = body && body.lastElementChild;
  for (let n = 0, stop = 100; el && n < stop && out.length < max; n++) {
    if (el.matches(FOOTER_SELECTOR)) {
      for (let k = out.length; k > 0; k--) out[k] = out[k - 1];
      out[0] = el;
      if (out.length === 1) stop = n + 20;
    } else if (!out.length && el.lastElementChild && !skipTag(el)) {
      el = el.lastElementChild;
      continue;
    }
    while (el !== body && !el.previousElementSibling) el = el.parentElement as Element;
    el = el === body ? null : el.previousElementSibling;
  }
  if (out.length) return out;
  const tags = doc.getElementsByTagName('footer');
  if (tags.length) return tags;
  const byId = doc.getElementById('footer');
  return byId ? [byId] : doc.getElementsByClassName('footer');
}

/** The last `max` elements of a document-ordered list, leaving out ones nested in another pick. */
function lastRegions(list: ArrayLike<Element>, max: number, exclude: Element[]): Element[] {
  const picked: Element[] = [];
  for (let i = list.length - 1; i >= 0 && picked.length < max; i--) {
    const el = list[i];
    if (inside(el, exclude) || inside(el, picked) || isHidden(el)) continue;
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
    let html = '';
    try {
      html = regions[i].innerHTML;
      const text = regionText(regions[i], html, acc.lim.maxRegionChars, acc.lim.maxRegionNodes);
      const found = findOrgNumbers(text, acc.lim.maxOrgNumbers);
      for (let j = 0; j < found.length; j++) addOrg(acc, found[j].value, where, found[j].labelled);
    } catch {
      // next region
    }
    try {
      // No hint in the markup (hrefs and link texts are in it): no link of the region can have a kind.
      if (html && !LINK_HINT.test(html) && !A11Y_TEXT.test(html)) continue;
      const anchors = regions[i].querySelectorAll('a[href]');
      for (let j = 0; j < anchors.length && acc.linksSeen++ < acc.lim.maxLinks; j++) examineLink(acc, anchors[j], true);
    } catch {
      // next region
    }
  }
}

/** Stable partition: the items `first` picks, then the others, each in their order. */
function structuredFirst<T>(list: T[], first: (item: T) => boolean): T[] {
  const a: T[] = [];
  const b: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (first(x)) a[a.length] = x;
    else b[b.length] = x;
  }
  for (let i = 0; i < b.length; i++) a[a.length] = b[i];
  return a;
}

/** A location's href (already absolute and normalised) without query and fragment. */
function pageUrl(href: string): string {
  const cut = href.search(/[?#]/);
  return cut >= 0 ? href.slice(0, cut) : href;
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
  const steps: ((acc: Acc, doc: Document) => void)[] = [readMeta, readFooterAndContact, readJsonLd, readLinks];
  for (let i = 0; i < steps.length; i++) {
    // A page whose head, footer and contact block name only a private company number (and no catalogue or
    // accessibility link) is a business's own page: the JSON-LD and last-links passes would not change
    // that, and on such pages the detector has its tightest budget (2 ms). A municipal company
    // (556… number) still links its accessibility statement from the footer, which keeps it in.
    if (i === 2 && s.orgNumbers.length && !hasSignal(s)) break;
    try {
      steps[i](acc, doc);
    } catch {
      // keep what the other steps found
    }
  }
  // The footer is read before JSON-LD (for the bail-out above), but page-level statements rank first.
  s.orgNumbers = structuredFirst(s.orgNumbers, (o) => o.where === 'meta' || o.where === 'jsonld');
  s.jsonLd = structuredFirst(s.jsonLd, (o) => o.from === 'jsonld');
  return s;
}

/**
 * Footer-like regions (`footer`, `#footer`, `.footer`, `[role=contentinfo]`) and contact regions
 * (`address`, `#kontakt`, `#contact`), found by native lookups; then microdata in them and in the page
 * header, their text, and their links.
 */
function readFooterAndContact(acc: Acc, doc: Document): void {
  const max = acc.lim.maxRegions;
  // Twice the regions: hidden ones are left out, an outer footer may replace inner ones.
  const footers = lastRegions(findFooters(doc, 2 * max), max, []);
  // The last <address>es, then #kontakt and #contact: a section wins over the addresses it holds.
  const cands: Element[] = [];
  const addresses = doc.getElementsByTagName('address');
  for (let i = addresses.length > 50 ? addresses.length - 50 : 0; i < addresses.length; i++) cands[cands.length] = addresses[i];
  const ids = [doc.getElementById('kontakt'), doc.getElementById('contact')];
  for (let i = 0; i < 2; i++) if (ids[i]) cands[cands.length] = ids[i] as Element;
  const contacts = lastRegions(cands, max, footers);
  const roots: Element[] = [];
  try {
    // querySelector stops at the first match: the header is near the top.
    const header = doc.querySelector('header');
    if (header) roots[0] = header;
  } catch {
    // no header
  }
  for (let i = 0; i < footers.length; i++) roots[roots.length] = footers[i];
  for (let i = 0; i < contacts.length; i++) roots[roots.length] = contacts[i];
  readMicrodata(acc, roots);
  readRegions(acc, footers, 'footer');
  readRegions(acc, contacts, 'contact');
}

/**
 * Links anywhere near the end: the last `maxTailLinks` anchors of the page (footers and "about this site"
 * links come last), by URL only. Their own budget: a footer with 200 links must not hide the dcat link.
 */
function readLinks(acc: Acc, doc: Document): void {
  const anchors = doc.getElementsByTagName('a');
  const n = anchors.length;
  for (let i = n > acc.lim.maxTailLinks ? n - acc.lim.maxTailLinks : 0; i < n; i++) examineLink(acc, anchors[i], false);
}

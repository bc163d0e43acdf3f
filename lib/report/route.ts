// Where a report goes. Order from the issue: the dataset's contact-point e-mail, else its contact
// web form / URL, else the publisher's e-mail, else the publisher's homepage. Metadata is messy
// (`mailto:` prefixes, query strings, a mailto in the URL field, text that is no address at all),
// so every candidate is normalised and checked; what fails is not a route.
import type { ContactPoint, ItemDetail, Publisher } from '../dcat/types';
import { pickText } from '../dcat/text';
import type { Recipient } from './types';

// No `%` either: a bare address must read the same after percent-decoding, so normaliseEmail is
// idempotent and a mailto: link cannot be made to decode into something else.
const EMAIL = /^[^\s@<>()[\]",;:\\%]+@[^\s@<>()[\]",;:\\%]+\.[^\s@<>()[\]",;:\\%]{2,}$/;
/** Control characters, bidi overrides and lone surrogates: never part of an address. */
const NOT_IN_ADDRESS = /[\0-\x1f\x7f-\x9f\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A bare, valid e-mail address from `x@y.se`, `mailto:x@y.se`, `MAILTO: x%40y.se?subject=…`; else undefined. */
export function normaliseEmail(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let s = raw.trim().replace(/^mailto:\s*/i, '');
  s = s.split('?')[0] ?? '';
  try {
    s = decodeURIComponent(s);
  } catch {
    // Keep as is: a stray % is no reason to drop the address, the check below decides.
  }
  s = s.trim();
  // "Name <x@y.se>"
  const angle = /<([^>]+)>/.exec(s);
  if (angle?.[1]) s = angle[1].trim();
  return EMAIL.test(s) && !NOT_IN_ADDRESS.test(s) && s.length <= 254 ? s : undefined;
}

/** An http(s) URL, or undefined. */
export function normaliseWebUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!/^https?:\/\//i.test(s)) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function contactEmail(c: ContactPoint): string | undefined {
  // Some publishers put the mailto: in vcard:hasURL instead of vcard:hasEmail.
  return normaliseEmail(c.email) ?? (c.url && /^mailto:/i.test(c.url.trim()) ? normaliseEmail(c.url) : undefined);
}

/**
 * Every usable route for a dataset, API or series, best first, without duplicates. The first is the
 * default recipient; the user sees it and can choose another or type their own.
 */
export function reportRoutes(item: Pick<ItemDetail, 'contactPoints' | 'publisher'>, lang: 'sv' | 'en' = 'sv'): Recipient[] {
  const out: Recipient[] = [];
  const seen = new Set<string>();
  const add = (r: Recipient) => {
    const k = r.address.toLowerCase();
    if (seen.has(k)) return;
    seen.add(k);
    out.push(r);
  };
  for (const c of item.contactPoints) {
    const email = contactEmail(c);
    if (email) add({ kind: 'contact-email', address: email, ...(c.name && { name: c.name }) });
  }
  for (const c of item.contactPoints) {
    const url = normaliseWebUrl(c.url);
    if (url) add({ kind: 'contact-url', address: url, ...(c.name && { name: c.name }) });
  }
  out.push(...publisherRoutes(item.publisher, lang).filter((r) => !seen.has(r.address.toLowerCase())));
  return out;
}

/** Routes to a publisher itself (for "a dataset is missing", and when a dataset has no contact point). */
export function publisherRoutes(publisher: Publisher | undefined, lang: 'sv' | 'en' = 'sv'): Recipient[] {
  if (!publisher) return [];
  const name = pickText(publisher.name, lang);
  const out: Recipient[] = [];
  const email = normaliseEmail(publisher.email);
  if (email) out.push({ kind: 'publisher-email', address: email, ...(name && { name }) });
  const home = publisher.homepages.map(normaliseWebUrl).find((u): u is string => u !== undefined);
  if (home) out.push({ kind: 'publisher-homepage', address: home, ...(name && { name }) });
  return out;
}

/** The default recipient, or undefined when there is no route at all. */
export function reportRecipient(item: Pick<ItemDetail, 'contactPoints' | 'publisher'>): Recipient | undefined {
  return reportRoutes(item)[0];
}

/** True when the dataset states no usable contact point: a finding in itself, reported to the publisher. */
export function lacksContactPoint(item: Pick<ItemDetail, 'contactPoints'>): boolean {
  return !item.contactPoints.some((c) => contactEmail(c) !== undefined || normaliseWebUrl(c.url) !== undefined);
}

/** E-mail recipients are sent by mail; web ones by opening the page with the text copied. */
export function isEmailRecipient(r: Recipient): boolean {
  return r.kind === 'contact-email' || r.kind === 'publisher-email' || (r.kind === 'custom' && normaliseEmail(r.address) !== undefined);
}

/** A recipient the user typed: an e-mail address or an http(s) URL; undefined when it is neither. */
export function customRecipient(input: string): Recipient | undefined {
  const email = normaliseEmail(input);
  if (email) return { kind: 'custom', address: email };
  const url = normaliseWebUrl(input);
  return url ? { kind: 'custom', address: url } : undefined;
}

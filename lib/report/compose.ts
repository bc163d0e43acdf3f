// Composition of a report (pure): reference id, subject and body in Swedish or English, and the
// three ways the user's own software sends it: a mailto: link (with a fallback to the clipboard when
// the link would be too long), plain text for the clipboard or a web form, and an .eml file.
import { format } from '../i18n/translate';
import { CATEGORY_LABELS, REPORT_TEXT } from './text';
import { isEmailRecipient, normaliseEmail, normaliseWebUrl } from './route';
import type { Recipient, ReportForm, ReportLang, ReportTarget } from './types';

/** Crockford-like alphabet without look-alikes (0/O, 1/I/L). */
const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REF_PATTERN = /^INSYN-\d{8}-[2-9A-HJKMNP-Z]{4}$/;

/**
 * Why a send path refuses. The form already shows recipients that were checked, so these only
 * happen with a damaged draft or a pathological address; the caller shows the message and keeps the draft.
 */
export type ComposeErrorKind =
  /** Not one bare e-mail address (for mailto) or not an http(s) page (for a web form). */
  | 'bad-recipient'
  /** Even the address and the reference alone do not fit in a mailto: link. */
  | 'too-long';

export class ComposeError extends Error {
  override readonly name = 'ComposeError';
  constructor(
    readonly kind: ComposeErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** `INSYN-YYYYMMDD-XXXX`: short enough to read over the phone, unique enough for one person's history. */
export function makeRefId(now: number, random: (n: number) => Uint8Array = defaultRandom): string {
  const d = new Date(now);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const bytes = random(4);
  let tail = '';
  for (let i = 0; i < 4; i++) tail += REF_ALPHABET[(bytes[i] ?? 0) % REF_ALPHABET.length];
  return `INSYN-${ymd}-${tail}`;
}

function defaultRandom(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export interface ComposeInput {
  target: ReportTarget;
  form: ReportForm;
  recipient?: Recipient;
  refId: string;
  /** True when the dataset has no contact point (changes the "why you" line for a publisher route). */
  noContactPoint?: boolean;
}

export interface Composed {
  subject: string;
  /** Lines separated by "\n"; each send path converts to CRLF where the format needs it. */
  body: string;
  refId: string;
  lang: ReportLang;
}

const SUBJECT_TITLE_MAX = 100;

function tx(lang: ReportLang, key: keyof typeof REPORT_TEXT, params?: Record<string, string>): string {
  return format(REPORT_TEXT[key][lang], params);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Lone surrogates (half an emoji, from a cut string or a registry JSON `\ud800` escape) become
 * U+FFFD: encodeURIComponent throws on them, and TextEncoder would change them silently, so the
 * mailto: link and the .eml would disagree with the preview.
 */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Every kind of line break (CR, LF, NEL, U+2028/2029), other control characters, and bidi
 * embeddings, overrides and isolates: none belongs in a one-line field, and an override in a title
 * could make the subject display the reference out of order.
 */
const NOT_IN_A_LINE = /[\0-\x1f\x7f-\x9f\u2028\u2029\u202A-\u202E\u2066-\u2069]+/g;

function oneLine(s: string): string {
  return wellFormed(s).replace(NOT_IN_A_LINE, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** At most `max` UTF-16 units, never half a surrogate pair. */
function cutAt(s: string, max: number): string {
  const cut = s.slice(0, Math.max(0, max));
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${cutAt(s, max - 1).trimEnd()}…`;
}

/** A reference fit for a subject, a header and a file name; a damaged one keeps its safe characters. */
function safeRef(refId: string): string {
  if (/^[A-Za-z0-9-]{1,40}$/.test(refId)) return refId;
  return refId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'INSYN';
}

/**
 * Text typed by the user: line breaks of every kind become "\n", other control characters (but
 * tab) are dropped, trailing spaces and surrounding blank lines too.
 */
function userText(s: string): string {
  return wellFormed(s)
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/[\0-\x08\x0b-\x1f\x7f]/g, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function composeReport({ target, form, recipient, refId: rawRef, noContactPoint }: ComposeInput): Composed {
  const lang = form.lang;
  const refId = safeRef(rawRef);
  const title = oneLine(target.title) || '?';
  const category = CATEGORY_LABELS[form.category][lang];
  const publisher = target.publisherName ? oneLine(target.publisherName) : tx(lang, 'theirPublisher');
  const subject = tx(lang, 'subject', { category, title: clip(title, SUBJECT_TITLE_MAX), ref: refId });

  const intro =
    target.kind === 'organisation'
      ? tx(lang, 'introOrganisation', { publisher })
      : tx(lang, target.kind === 'dataservice' ? 'introService' : target.kind === 'series' ? 'introSeries' : 'introDataset', { title, publisher });
  const why = !recipient
    ? undefined
    : recipient.kind === 'contact-email' || recipient.kind === 'contact-url'
      ? tx(lang, 'whyContact')
      : recipient.kind === 'publisher-email' || recipient.kind === 'publisher-homepage'
        ? target.kind === 'organisation'
          ? undefined
          : tx(lang, noContactPoint ? 'whyPublisherNoContact' : 'whyPublisher')
        : undefined;

  const distributionUrl = optLine(target.distribution?.url);
  const facts: [string, string | undefined][] = [
    [tx(lang, 'labelProblem'), category],
    [tx(lang, target.kind === 'organisation' ? 'labelOrganisation' : target.kind === 'dataservice' ? 'labelService' : 'labelDataset'), title],
    // Metadata from the registry, one line each: a line break in a URI must not start a line of its own.
    [tx(lang, 'labelPortal'), optLine((lang === 'en' && target.portalUrlEn) || target.portalUrl)],
    [tx(lang, 'labelIdentifier'), target.kind === 'organisation' ? undefined : optLine(target.uri)],
    [
      tx(lang, 'labelDistribution'),
      target.distribution ? `${oneLine(target.distribution.title)}${distributionUrl ? ` <${distributionUrl}>` : ''}` : undefined,
    ],
    [tx(lang, 'labelWhere'), optLine(form.where)],
    [tx(lang, 'labelPage'), form.includePage ? optLine(form.pageUrl) : undefined],
  ];

  let description = userText(form.description);
  if (!description && form.category === 'no-contact-point') description = tx(lang, 'noContactDescription');

  const name = oneLine(form.reporterName);
  const email = oneLine(form.reporterEmail);
  const contact = name && email ? `${name} <${email}>` : name || email;

  const lines: string[] = [tx(lang, 'greeting'), '', why ? `${intro} ${why}` : intro, ''];
  for (const [label, value] of facts) if (value) lines.push(`${label}: ${value}`);
  lines.push('', `${tx(lang, 'labelDescription')}:`, description || '–', '');
  lines.push(`${tx(lang, 'labelReference')}: ${tx(lang, 'referenceNote', { ref: refId })}`);
  if (email) lines.push(tx(lang, 'replyTo', { contact }));
  lines.push('', tx(lang, 'closing'));
  if (name) lines.push(name);
  lines.push('', '-- ', tx(lang, 'footer'));
  return { subject, body: lines.join('\n'), refId, lang };
}

function optLine(s: string | undefined): string | undefined {
  return s ? oneLine(s) || undefined : undefined;
}

/** Subject and body as one text, for the clipboard and for web forms. */
export function plainText(c: Composed): string {
  return `${tx(c.lang, 'subjectLabel')}: ${c.subject}\n\n${c.body}`;
}

// ---------------------------------------------------------------------------------------------
// mailto:

/** Longest mailto: URL we hand to the browser; mail clients and OS handlers truncate beyond ~2000. */
export const MAILTO_MAX = 1800;

/** RFC 6068 hfvalue: percent-encoded UTF-8, line breaks as CRLF (%0D%0A). */
export function encodeMailtoValue(s: string): string {
  return encodeURIComponent(wellFormed(s).replace(/\r\n|\r|\n/g, '\r\n'));
}

/**
 * The address part of a mailto: link: one bare address, or none (the user fills it in). Anything
 * else could add recipients (`a@x.se,b@y.se`) or header fields (`a@x.se?bcc=…`) once a mail
 * client decodes it, so it is refused rather than passed on.
 */
function mailtoAddress(to: string): string {
  if (to === '') return '';
  if (normaliseEmail(to) !== to) throw new ComposeError('bad-recipient', 'The recipient is not one e-mail address.');
  return encodeURIComponent(to).replace(/%40/g, '@');
}

export function mailtoUrl(to: string, subject: string, body?: string): string {
  const link = `mailto:${mailtoAddress(to)}?subject=${encodeMailtoValue(subject)}`;
  return body === undefined ? link : `${link}&body=${encodeMailtoValue(body)}`;
}

export type MailPlan =
  /** The whole report fits in the link. */
  | { kind: 'full'; url: string }
  /** Too long: copy `clipboard` first, then open `url`, whose short body says the text is on the clipboard. */
  | { kind: 'clipboard'; url: string; clipboard: string };

/**
 * The mailto: link for a report, never longer than `max`: the whole report if it fits; else a
 * note to paste from the clipboard, under the longest subject that fits (always with the
 * reference); else the reference alone as the subject. Throws ComposeError when the address is not
 * one e-mail address, or is so long that not even the reference fits.
 */
export function mailtoPlan(to: string, c: Composed, max = MAILTO_MAX): MailPlan {
  const full = mailtoUrl(to, c.subject, c.body);
  if (full.length <= max) return { kind: 'full', url: full };
  const short = `${tx(c.lang, 'clipboardNote')}\n\n${tx(c.lang, 'labelReference')}: ${c.refId}\n`;
  const suffix = ` (${c.refId})`;
  const head = c.subject.endsWith(suffix) ? c.subject.slice(0, -suffix.length) : c.subject;
  const subjectOf = (n: number): string => (n >= head.length ? c.subject : n <= 0 ? c.refId : `${cutAt(head, n).trimEnd()}…${suffix}`);
  const fits = (n: number): boolean => mailtoUrl(to, subjectOf(n), short).length <= max;
  if (fits(0)) {
    // The longest subject that fits, by bisection (the encoded length grows with the cut).
    let lo = 0;
    let hi = head.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    return { kind: 'clipboard', url: mailtoUrl(to, subjectOf(lo), short), clipboard: c.body };
  }
  const bare = mailtoUrl(to, c.refId);
  if (bare.length <= max) return { kind: 'clipboard', url: bare, clipboard: c.body };
  throw new ComposeError('too-long', 'The address is too long for an e-mail link; copy the text instead.');
}

// ---------------------------------------------------------------------------------------------
// What each send button does

export type SendStep = { copy?: string; open?: string; download?: { filename: string; mime: string; content: string } };

/**
 * The steps of one send path. Copy always comes before open, so the text is on the clipboard when
 * the mail client or web form appears. Throws ComposeError for a path that does not fit the
 * recipient; only mailto: links and http(s) pages are ever opened.
 */
export function sendSteps(channel: 'mailto' | 'clipboard' | 'eml' | 'web-form', recipient: Recipient | undefined, c: Composed, opts: { from?: { name?: string; email?: string }; now: number }): SendStep {
  switch (channel) {
    case 'clipboard':
      return { copy: plainText(c) };
    case 'mailto': {
      if (!recipient || !isEmailRecipient(recipient)) throw new ComposeError('bad-recipient', 'mailto needs an e-mail recipient');
      const plan = mailtoPlan(recipient.address, c);
      return plan.kind === 'full' ? { open: plan.url } : { copy: plan.clipboard, open: plan.url };
    }
    case 'web-form': {
      if (!recipient || isEmailRecipient(recipient)) throw new ComposeError('bad-recipient', 'web-form needs a web recipient');
      // A draft's recipient comes back from storage: a javascript: or data: "page" is never opened.
      const page = normaliseWebUrl(recipient.address);
      if (!page) throw new ComposeError('bad-recipient', 'The contact page is not an http(s) address.');
      return { copy: plainText(c), open: page };
    }
    case 'eml':
      return {
        download: {
          filename: `${safeRef(c.refId)}.eml`,
          mime: 'message/rfc822',
          content: buildEml({ to: recipient && isEmailRecipient(recipient) ? recipient : undefined, from: opts.from, composed: c, date: new Date(opts.now) }),
        },
      };
  }
}

// ---------------------------------------------------------------------------------------------
// .eml (RFC 5322 + MIME, UTF-8)

function utf8Base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * RFC 2047 encoded-words (`=?UTF-8?B?…?=`), each at most 75 characters, never splitting a character,
 * joined by folding whitespace so no line passes 78 characters. Plain ASCII that fits is returned as is.
 */
export function encodeHeaderWords(raw: string, firstLineRoom = 60): string {
  const value = wellFormed(raw);
  // Plain text containing "=?" would be decoded by mail clients as if it were an encoded-word.
  if (ASCII_PRINTABLE.test(value) && value.length <= firstLineRoom && !value.includes('=?')) return value;
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  // 39 bytes → 52 base64 chars + 12 of wrapper = 64 ≤ 75, leaving room for "Subject: " within 78.
  const MAX_BYTES = 39;
  for (const ch of value) {
    const n = new TextEncoder().encode(ch).length;
    if (chunkBytes + n > MAX_BYTES) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += ch;
    chunkBytes += n;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${utf8Base64(w)}?=`).join('\r\n ');
}

/** A bare address fit for a header, or undefined: a line break in it would start a header of its own. */
function headerAddress(address: string | undefined): string | undefined {
  const a = address?.trim();
  return a && normaliseEmail(a) === a ? a : undefined;
}

/** `"Name" <address>` on one line when that fits in 78 characters with the header name, else encoded words. */
function mailbox(header: string, name: string | undefined, address: string): string {
  const clean = name ? clip(oneLine(name), 200) : '';
  if (!clean) return `<${address}>`;
  const quoted = `"${clean.replace(/(["\\])/g, '\\$1')}" <${address}>`;
  if (ASCII_PRINTABLE.test(clean) && header.length + 2 + quoted.length <= 78) return quoted;
  return `${encodeHeaderWords(clean, 0)}\r\n <${address}>`;
}

/** RFC 5322 date-time in UTC: `Tue, 20 Jan 2026 10:00:00 +0000`. */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

export function buildEml(input: { to?: Recipient; from?: { name?: string; email?: string }; composed: Composed; date: Date }): string {
  const { composed: c } = input;
  const headers: string[] = ['MIME-Version: 1.0', `Date: ${rfc5322Date(input.date)}`];
  // Only checked bare addresses reach a header; an unusable one is left out for the user to fill in.
  // From is filled by the mail client when the user gave no address; X-Unsent opens the file as a draft.
  const fromEmail = headerAddress(input.from?.email);
  if (fromEmail) headers.push(`From: ${mailbox('From', input.from?.name, fromEmail)}`);
  const toEmail = headerAddress(input.to?.address);
  if (toEmail) headers.push(`To: ${mailbox('To', input.to?.name, toEmail)}`);
  headers.push(`Subject: ${encodeHeaderWords(oneLine(c.subject))}`);
  headers.push(`X-Insyn-Reference: ${safeRef(c.refId)}`, 'X-Unsent: 1');
  headers.push('Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64');
  const b64 = utf8Base64(wellFormed(c.body).replace(/\r\n|\r|\n/g, '\r\n'));
  const lines = b64.match(/.{1,76}/g) ?? [];
  return `${headers.join('\r\n')}\r\n\r\n${lines.join('\r\n')}\r\n`;
}

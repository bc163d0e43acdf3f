// Composition of a report (pure): reference id, subject and body in Swedish or English, and the
// three ways the user's own software sends it: a mailto: link (with a fallback to the clipboard when
// the link would be too long), plain text for the clipboard or a web form, and an .eml file.
import { format } from '../i18n/translate';
import { CATEGORY_LABELS, REPORT_TEXT } from './text';
import { isEmailRecipient } from './route';
import type { Recipient, ReportForm, ReportLang, ReportTarget } from './types';

/** Crockford-like alphabet without look-alikes (0/O, 1/I/L). */
const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REF_PATTERN = /^INSYN-\d{8}-[2-9A-HJKMNP-Z]{4}$/;

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

function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Text typed by the user: newlines normalised, trailing spaces and surrounding blank lines dropped. */
function userText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function composeReport({ target, form, recipient, refId, noContactPoint }: ComposeInput): Composed {
  const lang = form.lang;
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

  const facts: [string, string | undefined][] = [
    [tx(lang, 'labelProblem'), category],
    [tx(lang, target.kind === 'organisation' ? 'labelOrganisation' : target.kind === 'dataservice' ? 'labelService' : 'labelDataset'), title],
    [tx(lang, 'labelPortal'), (lang === 'en' && target.portalUrlEn) || target.portalUrl],
    [tx(lang, 'labelIdentifier'), target.kind === 'organisation' ? undefined : target.uri],
    [
      tx(lang, 'labelDistribution'),
      target.distribution ? `${oneLine(target.distribution.title)}${target.distribution.url ? ` <${target.distribution.url}>` : ''}` : undefined,
    ],
    [tx(lang, 'labelWhere'), form.where.trim() ? oneLine(form.where) : undefined],
    [tx(lang, 'labelPage'), form.includePage && form.pageUrl ? form.pageUrl : undefined],
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
  return encodeURIComponent(s.replace(/\r\n|\r|\n/g, '\r\n'));
}

export function mailtoUrl(to: string, subject: string, body: string): string {
  const addr = encodeURIComponent(to).replace(/%40/g, '@');
  return `mailto:${addr}?subject=${encodeMailtoValue(subject)}&body=${encodeMailtoValue(body)}`;
}

export type MailPlan =
  /** The whole report fits in the link. */
  | { kind: 'full'; url: string }
  /** Too long: copy `clipboard` first, then open `url`, whose short body says the text is on the clipboard. */
  | { kind: 'clipboard'; url: string; clipboard: string };

export function mailtoPlan(to: string, c: Composed, max = MAILTO_MAX): MailPlan {
  const full = mailtoUrl(to, c.subject, c.body);
  if (full.length <= max) return { kind: 'full', url: full };
  const short = `${tx(c.lang, 'clipboardNote')}\n\n${tx(c.lang, 'labelReference')}: ${c.refId}\n`;
  let subject = c.subject;
  let url = mailtoUrl(to, subject, short);
  // Only a pathological subject (very long non-Latin title) gets here; shorten it, keep the reference.
  while (url.length > max && subject.length > 20) {
    subject = `${subject.slice(0, Math.floor(subject.length * 0.8))}… (${c.refId})`;
    url = mailtoUrl(to, subject, short);
  }
  return { kind: 'clipboard', url, clipboard: c.body };
}

// ---------------------------------------------------------------------------------------------
// What each send button does

export type SendStep = { copy?: string; open?: string; download?: { filename: string; mime: string; content: string } };

/**
 * The steps of one send path. Copy always comes before open, so the text is on the clipboard when
 * the mail client or web form appears. Throws for a path that does not fit the recipient.
 */
export function sendSteps(channel: 'mailto' | 'clipboard' | 'eml' | 'web-form', recipient: Recipient | undefined, c: Composed, opts: { from?: { name?: string; email?: string }; now: number }): SendStep {
  switch (channel) {
    case 'clipboard':
      return { copy: plainText(c) };
    case 'mailto': {
      if (!recipient || !isEmailRecipient(recipient)) throw new Error('mailto needs an e-mail recipient');
      const plan = mailtoPlan(recipient.address, c);
      return plan.kind === 'full' ? { open: plan.url } : { copy: plan.clipboard, open: plan.url };
    }
    case 'web-form':
      if (!recipient || isEmailRecipient(recipient)) throw new Error('web-form needs a web recipient');
      return { copy: plainText(c), open: recipient.address };
    case 'eml':
      return {
        download: {
          filename: `${c.refId}.eml`,
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
export function encodeHeaderWords(value: string, firstLineRoom = 60): string {
  if (ASCII_PRINTABLE.test(value) && value.length <= firstLineRoom) return value;
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

function mailbox(name: string | undefined, address: string): string {
  if (!name) return `<${address}>`;
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (ASCII_PRINTABLE.test(clean)) return `"${clean.replace(/(["\\])/g, '\\$1')}" <${address}>`;
  return `${encodeHeaderWords(clean, 0)}\r\n <${address}>`;
}

/** RFC 5322 date-time in UTC: `Tue, 20 Jan 2026 10:00:00 +0000`. */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

export function buildEml(input: { to?: Recipient; from?: { name?: string; email?: string }; composed: Composed; date: Date }): string {
  const { composed: c } = input;
  const headers: string[] = ['MIME-Version: 1.0', `Date: ${rfc5322Date(input.date)}`];
  const fromEmail = input.from?.email?.trim();
  // From is filled by the mail client when the user gave no address; X-Unsent opens the file as a draft.
  if (fromEmail && /^[^\s@<>]+@[^\s@<>]+$/.test(fromEmail)) headers.push(`From: ${mailbox(input.from?.name?.trim() || undefined, fromEmail)}`);
  if (input.to) headers.push(`To: ${mailbox(input.to.name, input.to.address)}`);
  headers.push(`Subject: ${encodeHeaderWords(c.subject)}`);
  headers.push(`X-Insyn-Reference: ${c.refId}`, 'X-Unsent: 1');
  headers.push('Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64');
  const b64 = utf8Base64(c.body.replace(/\r\n|\r|\n/g, '\r\n'));
  const lines = b64.match(/.{1,76}/g) ?? [];
  return `${headers.join('\r\n')}\r\n\r\n${lines.join('\r\n')}\r\n`;
}

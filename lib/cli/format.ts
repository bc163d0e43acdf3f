// Text output for the CLI: aligned tables, label/value blocks, wrapping and truncation, plus the
// labels of view objects (licence, access rights, frequency, freshness, organisation type) in sv/en.
// Metadata is printed as text: control characters are removed so a hostile title cannot move the
// cursor or rewrite the terminal.
import type { Concept, Licence, LicenceKind, Publisher } from '../dcat/types';
import { pickText } from '../dcat/text';
import { formatOrgNumber, t, type Lang } from '../i18n';
import type { Freshness } from '../quality/freshness';
import type { OrgType } from '../detect/resolve';
import { checkOrgNumber } from '../detect/orgnr';
import { shellQuote } from '../dcat/snippets';
import { ct, type CliStringKey } from './commands/strings';

export const DASH = '–';

// ---------------------------------------------------------------------------------------------
// Text primitives

/**
 * One line of inert text: control characters (ESC, CR, tabs, newlines…) and bidirectional overrides
 * become spaces, runs collapse.
 */
export function clean(s: string | undefined): string {
  if (s === undefined) return '';
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Display width: code points (Swedish letters are single precomposed code points). */
export function width(s: string): number {
  return [...s].length;
}

/** Cuts to `max` characters with an ellipsis, preferring a word boundary in the last quarter. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max <= 1) return '…'.slice(0, max);
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const base = space >= Math.floor((max - 1) * 0.75) ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,.;:–-]+$/, '')}…`;
}

function pad(s: string, w: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

/** Wraps text at word boundaries to `cols` characters; a word longer than a line (a URL) stays whole. */
export function wrap(text: string, cols: number): string[] {
  const words = clean(text).split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line === '') line = w;
    else if (width(line) + 1 + width(w) <= cols) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Longest cell; longer ones are truncated with an ellipsis. */
  max?: number;
}

/** An aligned table with a header and a rule under it; trailing spaces trimmed. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const cells = rows.map((r) => columns.map((c, i) => {
    const v = clean(r[i]) || DASH;
    return c.max !== undefined ? truncate(v, c.max) : v;
  }));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (values: readonly string[]): string =>
    values.map((v, i) => pad(v, widths[i] ?? 0, columns[i]?.align ?? 'left')).join('  ').replace(/\s+$/, '');
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)];
}

export type FieldValue = string | readonly string[] | undefined;

/**
 * Label/value block: labels in one column, each value starting at the same place; list values one per
 * line; long single values wrapped to `cols`. Fields without a value are left out.
 */
export function fields(rows: ReadonlyArray<readonly [string, FieldValue]>, options: { indent?: number; cols?: number } = {}): string[] {
  const indent = ' '.repeat(options.indent ?? 0);
  const present = rows.filter(([, v]) => (typeof v === 'string' ? clean(v) !== '' : v !== undefined && v.length > 0));
  const labelWidth = Math.max(0, ...present.map(([l]) => width(l)));
  const cols = Math.max(30, (options.cols ?? 100) - labelWidth - 2);
  const out: string[] = [];
  for (const [label, value] of present) {
    const lines = (typeof value === 'string' ? [value] : value ?? []).flatMap((v) => wrap(v, cols));
    lines.forEach((l, i) => out.push(`${indent}${pad(i === 0 ? label : '', labelWidth, 'left')}  ${l}`));
  }
  return out;
}

/** `--flag value` pairs into a command line a user can paste (values shell-quoted when needed). */
export function commandLine(parts: readonly string[]): string {
  return parts.map((p) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(p) ? p : shellQuote(p))).join(' ');
}

// ---------------------------------------------------------------------------------------------
// View-object labels

export function text(lang: Lang, value: Parameters<typeof pickText>[0]): string | undefined {
  const v = pickText(value, lang);
  return v === undefined ? undefined : clean(v);
}

export function conceptLabel(lang: Lang, c: Concept | undefined): string | undefined {
  return c ? text(lang, c.label) ?? c.uri : undefined;
}

const LICENCE_KIND: Record<LicenceKind, CliStringKey> = {
  cc0: 'licKindCc0',
  open: 'licKindOpen',
  restrictive: 'licKindRestrictive',
  unknown: 'licKindUnknown',
};

/** `CC BY 4.0 (open)`; several licences joined; `no licence` when none is stated. */
export function licenceLabel(lang: Lang, licences: readonly Licence[]): string {
  if (licences.length === 0) return ct(lang, 'noLicence');
  return licences.map((l) => `${text(lang, l.label) ?? l.uri} (${ct(lang, LICENCE_KIND[l.kind])})`).join('; ');
}

/** Freshness for a table cell: `ok`, `overdue 7 mo`, or empty when it cannot be judged. */
export function freshnessCell(lang: Lang, f: Freshness): string {
  if (f.state === 'ok') return ct(lang, 'freshOkShort');
  if (f.state !== 'overdue') return '';
  return f.overdueMonths >= 1 ? ct(lang, 'overdueShort', { n: f.overdueMonths }) : ct(lang, 'overdueShortNew');
}

/** A sentence-length freshness verdict for the detail view. */
export function freshnessText(lang: Lang, f: Freshness): string {
  switch (f.state) {
    case 'ok':
      return ct(lang, 'freshOk');
    case 'overdue':
      if (f.overdueMonths > 1) return ct(lang, 'overdueLong', { n: f.overdueMonths });
      return f.overdueMonths === 1 ? ct(lang, 'overdueLong1') : ct(lang, 'overdueDays', { n: f.overdueDays });
    case 'no-date':
      return ct(lang, 'freshNoDate');
    case 'unknown-frequency':
      return ct(lang, 'freshUnknown');
  }
}

const ORG_TYPE: Record<OrgType, 'orgTypeAgency' | 'orgTypeMunicipality' | 'orgTypeRegion' | 'orgTypeOtherPublic' | 'orgTypeUnknown'> = {
  agency: 'orgTypeAgency',
  municipality: 'orgTypeMunicipality',
  region: 'orgTypeRegion',
  'other-public': 'orgTypeOtherPublic',
  unknown: 'orgTypeUnknown',
};

export function orgTypeLabel(lang: Lang, type: OrgType): string {
  return t(lang, ORG_TYPE[type]);
}

/** Type from the organisation number's prefix, when it names a public kind. */
export function orgTypeFromNumber(orgNumber: string | undefined): OrgType | undefined {
  const kind = orgNumber ? checkOrgNumber(orgNumber)?.kind : undefined;
  return kind === 'agency' || kind === 'municipality' || kind === 'region' || kind === 'other-public' ? kind : undefined;
}

/** The publisher's ADMS type label, else the type its organisation number implies. */
export function publisherTypeLabel(lang: Lang, p: Publisher): string | undefined {
  const adms = conceptLabel(lang, p.type);
  if (adms) return adms;
  const fromNumber = orgTypeFromNumber(p.orgNumber);
  return fromNumber ? orgTypeLabel(lang, fromNumber) : undefined;
}

/** Name in the UI language, else the org number, else the URI. */
export function publisherName(lang: Lang, p: Pick<Publisher, 'name' | 'orgNumber' | 'uri'>): string {
  return text(lang, p.name) ?? formatOrgNumber(p.orgNumber) ?? p.uri;
}

/** `Skatteverket (org.nr 202100-5448)`, or the name alone when the number is unknown. */
export function publisherHeading(lang: Lang, p: Pick<Publisher, 'name' | 'orgNumber' | 'uri'>): string {
  const name = publisherName(lang, p);
  const orgnr = formatOrgNumber(p.orgNumber);
  return orgnr && name !== orgnr ? ct(lang, 'orgLine', { name, orgnr }) : name;
}

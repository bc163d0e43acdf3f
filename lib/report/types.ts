// What a data-error report is, as zod schemas: the thing reported on (target), where it goes
// (recipient), the user's words (form), a draft autosaved while typing, and the record kept in the
// local history. Every value read back from IndexedDB or from an imported file is parsed with these.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';

/** Report categories from the issue, plus the finding "no contact point" offered to the publisher. */
export const REPORT_CATEGORIES = [
  'wrong-values',
  'broken-link',
  'licence',
  'documentation',
  'stale',
  'personal-data',
  'missing-dataset',
  'no-contact-point',
  'other',
] as const;
export const ReportCategory = z.enum(REPORT_CATEGORIES);
export type ReportCategory = z.infer<typeof ReportCategory>;

export const ReportLang = z.enum(['sv', 'en']);
export type ReportLang = z.infer<typeof ReportLang>;

/** Statuses the user sets on a kept report. */
export const REPORT_STATUSES = ['sent', 'answered', 'fixed', 'closed-no-fix', 'no-answer'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** How the user sent it: their mail client, the clipboard, a downloaded .eml, or the body's web form. */
export const ReportChannel = z.enum(['mailto', 'clipboard', 'eml', 'web-form']);
export type ReportChannel = z.infer<typeof ReportChannel>;

export const RecipientKind = z.enum(['contact-email', 'contact-url', 'publisher-email', 'publisher-homepage', 'custom']);
export type RecipientKind = z.infer<typeof RecipientKind>;

export const Recipient = z.object({
  kind: RecipientKind,
  /** A bare e-mail address (no `mailto:`) or an http(s) URL. */
  address: z.string().max(2048),
  /** Contact point or publisher name, for the To: display name. */
  name: z.string().max(300).optional(),
});
export type Recipient = z.infer<typeof Recipient>;

/** What the report is about: a dataset, API or series (optionally one distribution), or an organisation. */
export const ReportTarget = z.object({
  kind: z.enum(['dataset', 'dataservice', 'series', 'organisation']),
  contextId: z.string().max(64).optional(),
  entryId: z.string().max(64).optional(),
  uri: z.string().max(2048).optional(),
  title: z.string().max(1000),
  /** The item's page on dataportal.se (Swedish). */
  portalUrl: z.string().max(2048).optional(),
  /** The English page, used when the report is written in English. */
  portalUrlEn: z.string().max(2048).optional(),
  publisherName: z.string().max(500).optional(),
  publisherUri: z.string().max(500).optional(),
  distribution: z
    .object({ uri: z.string().max(2048), title: z.string().max(1000), url: z.string().max(2048).optional() })
    .optional(),
});
export type ReportTarget = z.infer<typeof ReportTarget>;

/** The user's input. */
export const ReportForm = z.object({
  category: ReportCategory,
  description: z.string().max(20_000),
  where: z.string().max(2000).default(''),
  reporterName: z.string().max(200).default(''),
  reporterEmail: z.string().max(320).default(''),
  includePage: z.boolean().default(false),
  /** The page the user was on; sent only when includePage is set. */
  pageUrl: z.string().max(4096).optional(),
  lang: ReportLang.default('sv'),
});
export type ReportForm = z.infer<typeof ReportForm>;

export const ReportDraft = z.object({
  /** One draft per target: see targetKey(). */
  key: z.string().max(3000),
  refId: z.string().max(40),
  target: ReportTarget,
  /** The routes found for the target, best first (kept so a draft reopens without the registry). */
  routes: z.array(Recipient).max(20).default([]),
  /** The recipient the user chose (a route or one they typed). */
  recipient: Recipient.optional(),
  form: ReportForm,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ReportDraft = z.infer<typeof ReportDraft>;

export const ReportRecord = z.object({
  /** The reference id (INSYN-YYYYMMDD-XXXX), also in the subject line. */
  id: z.string().min(1).max(40),
  targetKey: z.string().max(3000),
  target: ReportTarget,
  category: ReportCategory,
  lang: ReportLang,
  recipient: Recipient,
  channel: ReportChannel,
  subject: z.string().max(1000),
  body: z.string().max(40_000),
  createdAt: z.number(),
  sentAt: z.number(),
  status: ReportStatus,
  statusAt: z.number(),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

/** The key of a target's draft and history entries: `ctx_entry`, `ctx_entry#<distribution>` or `org:<publisher>`. */
export function targetKey(t: Pick<ReportTarget, 'kind' | 'contextId' | 'entryId' | 'uri' | 'publisherUri' | 'distribution'>): string {
  if (t.kind === 'organisation') return `org:${t.publisherUri ?? t.uri ?? ''}`;
  const base = t.contextId && t.entryId ? `${t.contextId}_${t.entryId}` : t.uri ?? '';
  return t.distribution ? `${base}#${t.distribution.uri}` : base;
}

/** The dataset part of a key, so a distribution's report also counts as one "on this dataset". */
export function datasetKeyOf(key: string): string {
  const i = key.indexOf('#');
  return i < 0 ? key : key.slice(0, i);
}

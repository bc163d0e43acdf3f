// Schemas for page data as it crosses boundaries: the page-data script's answer (URLs only, checked
// strictly: an extra field is rejected, so nothing but URLs can ride along), the findings the
// popup lists, and their matches in the registry.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import { LangText, Licence, ItemKind } from '../dcat/types';

const WebUrl = z
  .string()
  .max(2048)
  .refine((s) => /^https?:\/\//i.test(s), { message: 'not an http(s) URL' });

/** The page → extension message: URLs and request counts, nothing else. */
export const PageUrlsSchema = z.strictObject({
  links: z.array(WebUrl).max(1000),
  feeds: z.array(WebUrl).max(1000),
  apiDocs: z.array(WebUrl).max(1000),
  requests: z.array(z.strictObject({ url: WebUrl, count: z.number().int().min(1).max(1_000_000) })).max(1000),
  seen: z.strictObject({ links: z.number().int().min(0), entries: z.number().int().min(0), truncated: z.boolean() }),
});

export const FindingKind = z.enum(['api', 'file', 'service', 'docs', 'feed', 'catalog']);
export type FindingKind = z.infer<typeof FindingKind>;
export const FindingSource = z.enum(['link', 'request', 'feed', 'apidoc']);

export const Finding = z.object({
  /** Stable id within one page: the endpoint pattern for requests, the cleaned URL for links. */
  id: z.string().max(2100),
  kind: FindingKind,
  format: z.string().max(40).optional(),
  /** A concrete URL (for requests: the most recent one of the group), tracking parameters removed. */
  url: WebUrl,
  /** Origin + path with variable segments as `{n}` / `{id}`, for grouped requests. */
  pattern: z.string().max(2100).optional(),
  /** Requests the page made to this endpoint (0 for links it only points to). */
  requests: z.number().int().min(0),
  /** Distinct request URLs in the group. */
  variants: z.number().int().min(0),
  /** Query parameter names seen on the endpoint. */
  params: z.array(z.string().max(100)).max(30).default([]),
  sources: z.array(FindingSource).min(1),
  /** An OpenAPI document or UI found on the page for this API's origin. */
  docs: WebUrl.optional(),
  /** On the page's own site (same host without `www.`). */
  sameSite: z.boolean(),
});
export type Finding = z.infer<typeof Finding>;

export const PageFindings = z.object({
  findings: z.array(Finding).max(500),
  stats: z.object({
    links: z.number().int().min(0),
    entries: z.number().int().min(0),
    truncated: z.boolean(),
    /** Findings dropped beyond the list limit. */
    dropped: z.number().int().min(0),
  }),
});
export type PageFindings = z.infer<typeof PageFindings>;

/** What the popup shows of the registry entry a finding is documented in. */
export const MatchedItem = z.object({
  kind: ItemKind,
  contextId: z.string(),
  entryId: z.string(),
  title: LangText,
  licences: z.array(Licence).default([]),
  isApi: z.boolean(),
  publisherUri: z.string().optional(),
  portalUrl: z.object({ sv: z.string(), en: z.string() }),
});
export type MatchedItem = z.infer<typeof MatchedItem>;

export const UrlRole = z.enum(['endpoint', 'access', 'download', 'docs']);
export type UrlRole = z.infer<typeof UrlRole>;

export const FindingMatch = z.object({
  id: z.string(),
  /** documented: found in the registry; undocumented: looked for and not found; unknown: could not look (offline, other host). */
  status: z.enum(['documented', 'undocumented', 'unknown']),
  item: MatchedItem.optional(),
  role: UrlRole.optional(),
  /** The registry URL matched exactly (not only as the base of the found URL). */
  exact: z.boolean().optional(),
  /** The registry's licence for the matched distribution, else the item's. */
  licence: Licence.optional(),
  /** The registry's endpoint description (OpenAPI) for the matched API. */
  docs: z.string().optional(),
});
export type FindingMatch = z.infer<typeof FindingMatch>;

// View objects: what the rest of Insyn (background, popup, CLI, cache) sees of DCAT-AP-SE metadata.
// They are zod schemas so that a value read back from the cache is validated exactly like one
// fresh from the network (DESIGN: every byte from network or storage is parsed before use).
// Texts keep every language we found, so a cached object serves both UI languages.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';

/** A text in several languages. `any` holds a value with no language tag or another language. */
export const LangText = z.object({
  sv: z.string().optional(),
  en: z.string().optional(),
  any: z.string().optional(),
});
export type LangText = z.infer<typeof LangText>;

/** A list of texts per language (keywords). */
export const LangList = z.object({
  sv: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
  any: z.array(z.string()).default([]),
});
export type LangList = z.infer<typeof LangList>;

/** A controlled-vocabulary value (EU authority table, ADMS, …): URI plus labels when known. */
export const Concept = z.object({
  uri: z.string(),
  label: LangText,
  /** false when the URI is not in Insyn's vocabulary tables: the label is then derived from the URI. */
  known: z.boolean(),
});
export type Concept = z.infer<typeof Concept>;

/**
 * Licence classes shown as badges.
 * cc0: public domain dedication (CC0, PDDL, PDM); open: open licence with conditions (CC BY, BY-SA, ODbL…);
 * restrictive: known but not open (NC, ND, proprietary terms); unknown: a URI we cannot classify.
 * A missing licence is the absence of a Licence value.
 */
export const LicenceKind = z.enum(['cc0', 'open', 'restrictive', 'unknown']);
export type LicenceKind = z.infer<typeof LicenceKind>;

export const Licence = z.object({
  uri: z.string(),
  label: LangText,
  kind: LicenceKind,
  /** Plain-language explanation of what the licence allows, sv and en. */
  explanation: LangText,
});
export type Licence = z.infer<typeof Licence>;

/** Update frequency with the longest expected gap between updates, for "overdue" checks. */
export const Frequency = Concept.extend({
  /** Days between expected updates; undefined when not meaningful (continuous, irregular, unknown). */
  days: z.number().optional(),
});
export type Frequency = z.infer<typeof Frequency>;

export const EntryRef = z.object({ contextId: z.string(), entryId: z.string() });
export type EntryRef = z.infer<typeof EntryRef>;

export const ContactPoint = z.object({
  uri: z.string().optional(),
  name: z.string().optional(),
  /** Bare address, no `mailto:`. */
  email: z.string().optional(),
  phone: z.string().optional(),
  /** Web page or contact form (vcard:hasURL). */
  url: z.string().optional(),
  kind: z.enum(['organization', 'individual', 'kind']).optional(),
});
export type ContactPoint = z.infer<typeof ContactPoint>;

export const Publisher = z.object({
  uri: z.string(),
  name: LangText,
  /** Ten digits, no dash, when known from dcterms:identifier or the SE<orgnr> URI. */
  orgNumber: z.string().optional(),
  /** foaf:homepage and foaf:page values. */
  homepages: z.array(z.string()).default([]),
  email: z.string().optional(),
  /** ADMS publisher type (NationalAuthority, LocalAuthority, …). */
  type: Concept.optional(),
  entry: EntryRef.optional(),
  /** Number of public datasets, when known from the publisher facet. */
  datasetCount: z.number().optional(),
});
export type Publisher = z.infer<typeof Publisher>;

export const Distribution = z.object({
  uri: z.string(),
  title: LangText,
  description: LangText,
  accessUrl: z.string().optional(),
  downloadUrls: z.array(z.string()).default([]),
  /** Media type or format label as published (dcterms:format), e.g. `text/csv`. */
  format: z.string().optional(),
  /** Short human label of the format: CSV, JSON, XLSX, WMS… */
  formatLabel: z.string().optional(),
  /** dcat:mediaType as published (IANA media type or its URI), when stated apart from the format. */
  mediaType: z.string().optional(),
  /** dcterms:rights: the rights statement's URI or label, when there is one. */
  rights: z.string().optional(),
  licence: Licence.optional(),
  byteSize: z.number().optional(),
  status: Concept.optional(),
  availability: Concept.optional(),
  accessServiceUris: z.array(z.string()).default([]),
  conformsTo: z.array(z.string()).default([]),
  modified: z.string().optional(),
  issued: z.string().optional(),
});
export type Distribution = z.infer<typeof Distribution>;

export const ItemKind = z.enum(['dataset', 'dataservice', 'series']);
export type ItemKind = z.infer<typeof ItemKind>;

/** What a list row needs; built from one search hit (dataset node only, no linked entries). */
export const ItemSummary = z.object({
  kind: ItemKind,
  contextId: z.string(),
  entryId: z.string(),
  uri: z.string(),
  title: LangText,
  description: LangText,
  publisherUri: z.string().optional(),
  /** Licences stated on the item (EntryScape copies distribution licences up to the dataset). */
  licences: z.array(Licence).default([]),
  /** Short format labels, deduplicated. */
  formats: z.array(z.string()).default([]),
  accessRights: Concept.optional(),
  frequency: Frequency.optional(),
  /** ISO date or date-time, as published (dcterms:modified). */
  modified: z.string().optional(),
  issued: z.string().optional(),
  /** When the registry last changed the entry (entry info dcterms:modified). */
  registryModified: z.string().optional(),
  themes: z.array(Concept).default([]),
  keywords: LangList,
  /** An API: a data service, or a dataset served by one. */
  isApi: z.boolean(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const Skipped = z.object({ node: z.string(), reason: z.string() });
export type Skipped = z.infer<typeof Skipped>;

export const Period = z.object({ start: z.string().optional(), end: z.string().optional() });
export const Place = z.object({ uri: z.string().optional(), label: LangText.optional() });

/** Everything the detail view shows; built from one `?recursive=dcat` graph. */
export const ItemDetail = ItemSummary.extend({
  landingPages: z.array(z.string()).default([]),
  documentation: z.array(z.string()).default([]),
  contactPoints: z.array(ContactPoint).default([]),
  publisher: Publisher.optional(),
  distributions: z.array(Distribution).default([]),
  temporal: z.array(Period).default([]),
  spatial: z.array(Place).default([]),
  conformsTo: z.array(z.string()).default([]),
  inSeries: z.array(z.string()).default([]),
  // Data services (kind 'dataservice') and datasets served by one:
  endpointUrls: z.array(z.string()).default([]),
  /** OpenAPI / Swagger / other documentation of the endpoint. */
  endpointDescriptions: z.array(z.string()).default([]),
  servesDatasets: z.array(z.string()).default([]),
  /** Nodes that failed validation, with the reason; the rest of the record still shows. */
  skipped: z.array(Skipped).default([]),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

/** One page of a registry search, parsed. */
export const SearchPage = z.object({
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  items: z.array(ItemSummary),
  skipped: z.array(Skipped).default([]),
});
export type SearchPage = z.infer<typeof SearchPage>;

/** Publisher URI with its number of public datasets (publisher facet). */
export const PublisherCount = z.object({ uri: z.string(), count: z.number() });
export type PublisherCount = z.infer<typeof PublisherCount>;

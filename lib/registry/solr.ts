// Builds EntryStore Solr search URLs exactly the way EntryScape's SolrQuery does (notes §2.2, §2.4),
// so that our requests look like the portal's own and hit the same server code paths.
//
// Two escaping rules, on purpose:
// * URI and exact-match values get EntryScape's `encodeStr`: a backslash before `:`, `(` and `)`,
//   then encodeURIComponent. This reproduces the portal's URLs byte for byte.
// * Free text typed by a user additionally gets every Solr special character escaped, so that
//   `C++`, `a/b` or `"` cannot change the query's structure or make Solr reject it.
// Terms are joined with `+AND+` / `+OR+`: a literal `+` in the query string, decoded by the server to a space.
import { RegistryError } from './errors';

/** md5(predicate URI) cut to 8 hex characters: EntryStore's per-predicate Solr field suffix (notes §2.2 table). */
export const PREDICATE_HASH = {
  title: '3f2ae919',
  description: 'feda1d30',
  publisher: '9259d4c1',
  license: '3494e2ce',
  accessRights: '23fc4665',
  accrualPeriodicity: 'ede522fd',
  format: 'b5d28d0a',
  modified: '3e2f60da',
  issued: 'c86e1300',
  type: 'd14a9e5e',
  conformsTo: '957f77a7',
  subject: '256bd150',
  identifier: '9e8fc937',
  temporal: '74d2396c',
  spatial: 'c6e46bff',
  language: 'd105e7f7',
  theme: '0ce6b231',
  keyword: 'a6424133',
  contactPoint: 'e3aae312',
  distribution: 'd55bce60',
  inSeries: '0f683595',
  landingPage: '3ea4d1b0',
  accessURL: 'e9031057',
  downloadURL: 'bbec72e1',
  endpointURL: '65253240',
  endpointDescription: '1aca4d21',
  servesDataset: 'f044933d',
  accessService: '079e8ccf',
  hvdCategory: 'a8c277a7',
  rdfType: 'c74e2b73',
  foafName: '893797ba',
  vcardFn: '3b8b50bc',
  vcardHasEmail: 'ba95f733',
} as const;

/** The full predicate URI behind each hash, so a test can recompute them. */
export const PREDICATE_URI: Record<keyof typeof PREDICATE_HASH, string> = {
  title: 'http://purl.org/dc/terms/title',
  description: 'http://purl.org/dc/terms/description',
  publisher: 'http://purl.org/dc/terms/publisher',
  license: 'http://purl.org/dc/terms/license',
  accessRights: 'http://purl.org/dc/terms/accessRights',
  accrualPeriodicity: 'http://purl.org/dc/terms/accrualPeriodicity',
  format: 'http://purl.org/dc/terms/format',
  modified: 'http://purl.org/dc/terms/modified',
  issued: 'http://purl.org/dc/terms/issued',
  type: 'http://purl.org/dc/terms/type',
  conformsTo: 'http://purl.org/dc/terms/conformsTo',
  subject: 'http://purl.org/dc/terms/subject',
  identifier: 'http://purl.org/dc/terms/identifier',
  temporal: 'http://purl.org/dc/terms/temporal',
  spatial: 'http://purl.org/dc/terms/spatial',
  language: 'http://purl.org/dc/terms/language',
  theme: 'http://www.w3.org/ns/dcat#theme',
  keyword: 'http://www.w3.org/ns/dcat#keyword',
  contactPoint: 'http://www.w3.org/ns/dcat#contactPoint',
  distribution: 'http://www.w3.org/ns/dcat#distribution',
  inSeries: 'http://www.w3.org/ns/dcat#inSeries',
  landingPage: 'http://www.w3.org/ns/dcat#landingPage',
  accessURL: 'http://www.w3.org/ns/dcat#accessURL',
  downloadURL: 'http://www.w3.org/ns/dcat#downloadURL',
  endpointURL: 'http://www.w3.org/ns/dcat#endpointURL',
  endpointDescription: 'http://www.w3.org/ns/dcat#endpointDescription',
  servesDataset: 'http://www.w3.org/ns/dcat#servesDataset',
  accessService: 'http://www.w3.org/ns/dcat#accessService',
  hvdCategory: 'http://data.europa.eu/r5r/hvdCategory',
  rdfType: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
  foafName: 'http://xmlns.com/foaf/0.1/name',
  vcardFn: 'http://www.w3.org/2006/vcard/ns#fn',
  vcardHasEmail: 'http://www.w3.org/2006/vcard/ns#hasEmail',
};

/** Solr field names used by the client. */
export const FIELD = {
  publisher: `metadata.predicate.uri.${PREDICATE_HASH.publisher}`,
  inSeries: `metadata.predicate.uri.${PREDICATE_HASH.inSeries}`,
  /** dcterms:type on an agent: the ADMS publisher type. */
  publisherType: `metadata.predicate.uri.${PREDICATE_HASH.type}`,
  /** dcterms:identifier as an exact string: an agent's organisation number. */
  identifier: `metadata.predicate.literal_s.${PREDICATE_HASH.identifier}`,
  /** dcterms:modified as published (string-sortable ISO date): the portal's "newest" sort. */
  publishedModified: `metadata.predicate.literal_s.${PREDICATE_HASH.modified}`,
} as const;

export const RDF_TYPE = {
  dataset: 'http://www.w3.org/ns/dcat#Dataset',
  dataService: 'http://entryscape.com/terms/IndependentDataService',
  series: 'http://www.w3.org/ns/dcat#DatasetSeries',
  agent: 'http://xmlns.com/foaf/0.1/Agent',
} as const;

export const PRIVATE_INDIVIDUAL = 'http://purl.org/adms/publishertype/PrivateIndividual(s)';

/** EntryStore caps a page at 100 (entrystore.solr.max-limit). */
export const MAX_LIMIT = 100;
/** EntryStore's maximum facetLimit. */
export const MAX_FACET_LIMIT = 1000;
/** EntryStore answers 400 "Query too short" below this; we also ask it of free text. */
export const MIN_TEXT_LENGTH = 3;
/** EntryScape cuts ngram-field tokens here; longer tokens would never match the index. */
const NGRAM_MAX = 15;

/** EntryScape's encodeStr: backslash before `:`, `(`, `)`, then encodeURIComponent. */
export function encodeValue(value: string): string {
  return encodeURIComponent(value.replace(/[:()]/g, (c) => `\\${c}`));
}

// Solr query-parser syntax characters. `&&` and `||` are covered by escaping each `&` and `|`.
const SOLR_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Backslash-escapes every Solr special character; one pass, so an inserted backslash is never escaped again. */
export function escapeSolrText(text: string): string {
  return text.replace(SOLR_SPECIAL, (c) => `\\${c}`);
}

/** `field:value` for a URI or other exact value; values with spaces are quoted like EntryScape does. */
export function exactTerm(field: string, value: string): string {
  return /\s/.test(value) ? `${field}:%22${encodeValue(value)}%22` : `${field}:${encodeValue(value)}`;
}

/** `(a+OR+b)`; a single term stays bare, matching SolrQuery for one-valued arrays in `or()`. */
export function anyOf(terms: readonly string[], wrapSingle = false): string {
  if (terms.length === 0) throw new Error('anyOf needs at least one term');
  if (terms.length === 1 && !wrapSingle) return terms[0] as string;
  return `(${terms.join('+OR+')})`;
}

export function allOf(terms: readonly string[]): string {
  if (terms.length === 1) return terms[0] as string;
  return `(${terms.join('+AND+')})`;
}

export function not(term: string): string {
  return `NOT(${term})`;
}

/** Field holds any value: `field:*` (the wildcard is not escaped). */
export function hasAny(field: string): string {
  return `${field}:*`;
}

export function rdfTypeTerm(types: readonly string[]): string {
  // SolrQuery puts parentheses around a list of two or more types, none around one (notes, examples A and B).
  return anyOf(types.map((t) => exactTerm('rdfType', t)));
}

/**
 * Splits user text into tokens, collapsing whitespace; the minimum length is checked on the whole
 * text. A token spelled like an operator (`AND`, `OR`, `NOT`) is lower-cased: escaping cannot stop
 * Solr reading it as an operator, and the text index is case-insensitive anyway.
 */
function tokens(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => (/^(AND|OR|NOT)$/.test(t) ? t.toLowerCase() : t));
}

/** Throws bad-request for text EntryStore would reject or that would match everything. */
export function assertSearchText(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length < MIN_TEXT_LENGTH) {
    throw new RegistryError('bad-request', `Search text must be at least ${MIN_TEXT_LENGTH} characters.`);
  }
  return trimmed;
}

/**
 * Value for an ngram text field (title, description, tag.literal): tokens AND-ed, each escaped and
 * cut to 15 characters, and a token under 3 characters gets a trailing wildcard so it can still
 * match the 3-gram index (SolrQuery `solrFriendly`).
 */
export function ngramValue(text: string): string {
  const parts = tokens(text).map((t) => {
    const cut = [...t].slice(0, NGRAM_MAX).join('');
    const enc = encodeURIComponent(escapeSolrText(cut));
    return [...cut].length < MIN_TEXT_LENGTH ? `${enc}*` : enc;
  });
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join('+AND+')})`;
}

/** Value for the `all` field, which SolrQuery treats as exact match: one quoted phrase when there are spaces. */
export function phraseValue(text: string): string {
  const t = tokens(text).join(' ');
  const enc = encodeURIComponent(escapeSolrText(t));
  return /\s/.test(t) ? `%22${enc}%22` : enc;
}

/** The portal's free-text clause: `(title:q+OR+description:q+OR+tag.literal:q+OR+all:q)`. */
export function textTerm(text: string): string {
  const q = assertSearchText(text);
  const ngram = ngramValue(q);
  return `(title:${ngram}+OR+description:${ngram}+OR+tag.literal:${ngram}+OR+all:${phraseValue(q)})`;
}

export type SortSpec = string;

export interface SearchSpec {
  /** Query terms after `public:true`, already built with the helpers above. */
  terms: readonly string[];
  /** Clamped to 1..100; 0 is allowed only with facets (count-only request). */
  limit?: number;
  offset?: number;
  /** Solr sort, e.g. `modified desc` or `score desc,modified desc`; spaces become `+`. */
  sort?: SortSpec;
  facetFields?: readonly string[];
  facetLimit?: number;
}

const SORT_RE = /^[A-Za-z0-9_.]+ (asc|desc)(\s*,\s*[A-Za-z0-9_.]+ (asc|desc))*$/;

/** `modified desc, uri asc` → `modified+desc,uri+asc`; anything else is a programming error. */
export function sortParam(sort: string): string {
  const s = sort.trim().replace(/\s+/g, ' ');
  if (!SORT_RE.test(s)) throw new RegistryError('bad-request', `Invalid sort "${sort}".`);
  return s.replace(/\s*,\s*/g, ',').replace(/ /g, '+');
}

export function clampLimit(limit: number | undefined, allowZero: boolean): number {
  if (limit === undefined || !Number.isFinite(limit)) return MAX_LIMIT;
  const n = Math.floor(limit);
  if (n <= 0) return allowZero ? 0 : 1;
  return Math.min(MAX_LIMIT, n);
}

/** `/search?type=solr&query=public:true+AND+…&limit=…[&offset=…][&sort=…][&facetFields=…&facetLimit=…]` */
export function buildSearchPath(spec: SearchSpec): string {
  // public:true always comes first and always: the registry also indexes non-public entries.
  const query = ['public:true', ...spec.terms].join('+AND+');
  const hasFacets = (spec.facetFields?.length ?? 0) > 0;
  let path = `/search?type=solr&query=${query}&limit=${clampLimit(spec.limit, hasFacets)}`;
  const offset = Math.max(0, Math.floor(spec.offset ?? 0));
  if (offset > 0) path += `&offset=${offset}`;
  if (spec.sort) path += `&sort=${sortParam(spec.sort)}`;
  if (hasFacets) {
    path += `&facetFields=${(spec.facetFields ?? []).join(',')}`;
    const fl = Math.min(MAX_FACET_LIMIT, Math.max(1, Math.floor(spec.facetLimit ?? 100)));
    path += `&facetLimit=${fl}`;
  }
  return path;
}

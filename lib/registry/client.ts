// The dataportal registry client: builds EntryStore requests, sends them through the transport
// (≤ 2 in flight, coalesced, retried), parses the answers with lib/dcat and, when given a cache,
// serves them stale-while-revalidate. Every failure reaches the caller as a RegistryError.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import {
  orgNumberFromPublisherUri,
  parseFacet,
  parseItemGraph,
  parsePublishersFromSearch,
  parseSearchResponse,
} from '../dcat/parse';
import { ItemDetail, Publisher, SearchPage, type EntryRef, type ItemKind } from '../dcat/types';
import type { Cache, CacheKind } from '../storage/cache';
import { cached } from '../storage/swr';
import { RegistryError, toRegistryError } from './errors';
import {
  anyOf,
  assertSearchText,
  buildSearchPath,
  exactTerm,
  FIELD,
  hasAny,
  MAX_LIMIT,
  ngramValue,
  not,
  PRIVATE_INDIVIDUAL,
  RDF_TYPE,
  rdfTypeTerm,
  textTerm,
} from './solr';
import type { Transport } from './transport';
import { organisationPortalUrl, portalUrl, type PortalLang } from './portal';

// Portal links live in ./portal so the popup can build them without bundling the client.
export { PORTAL_BASE, organisationPortalUrl, portalUrl, type PortalLang } from './portal';
export const PUBLISHER_URI_PREFIX = 'http://dataportal.se/organisation/SE';
/** Resource URIs per lookup search, as EntryScape's EntryStoreUtil does (chunkLimit = 20). */
export const LOOKUP_BATCH = 20;

export type ItemSort = 'relevance' | 'modified' | 'title';

export interface CacheInfo {
  source: 'cache' | 'network';
  /** True when a stale cached value was returned and a refresh is running in the background. */
  stale: boolean;
  ageMs: number;
}

export interface CallOptions<T> {
  /**
   * Cancels the wait. Without a cache the request itself is cancelled. With a cache the request
   * may finish in the background so its answer is not wasted; the caller is released at once.
   */
  signal?: AbortSignal;
  /** A stale value was returned; this gets the fresh one when the background refresh succeeds. */
  onRefresh?: (value: T) => void;
  onRefreshError?: (error: RegistryError) => void;
  /** Where the value came from and how old it is. */
  onCacheInfo?: (info: CacheInfo) => void;
  /** Skip a fresh cache entry (user asked to reload); falls back to it when the network fails. */
  forceRefresh?: boolean;
}

export interface PublisherItemsQuery {
  publisherUri: string;
  /** Free text, ≥ 3 characters; matched like the portal's search box. */
  query?: string;
  offset?: number;
  /** 1..100, default 100. */
  limit?: number;
  /** Default: `relevance` with a query, `modified` (newest registry change first) without. */
  sort?: ItemSort;
  /** Default: datasets, data services and series. */
  kinds?: readonly ItemKind[];
  /** Language of the title sort. */
  lang?: PortalLang;
}

export interface ItemRefInput extends EntryRef {
  /** The item's resource URI when known (from a search hit); helps pick the main node. */
  uri?: string;
}

export interface RegistryClientOptions {
  transport: Transport;
  cache?: Cache;
  now?: () => number;
}

export interface RegistryClient {
  readonly transport: Transport;
  publisherUri(orgNumber: string): string;
  searchPublisherItems(query: PublisherItemsQuery, options?: CallOptions<SearchPage>): Promise<SearchPage>;
  getItem(ref: ItemRefInput, options?: CallOptions<ItemDetail>): Promise<ItemDetail>;
  listPublishers(options?: CallOptions<Publisher[]>): Promise<Publisher[]>;
  searchPublishers(text: string, options?: CallOptions<Publisher[]> & { limit?: number }): Promise<Publisher[]>;
  portalUrl(item: { kind: ItemKind } & EntryRef, lang: PortalLang): string;
  organisationPortalUrl(publisher: { entry?: EntryRef | undefined }, lang: PortalLang): string | undefined;
}

const KIND_TYPES: Record<ItemKind, string> = {
  dataset: RDF_TYPE.dataset,
  dataservice: RDF_TYPE.dataService,
  series: RDF_TYPE.series,
};
const ALL_KINDS: readonly ItemKind[] = ['dataset', 'dataservice', 'series'];


// Ids end up in a URL path: only what EntryStore itself uses (digits mostly, `_principals` and the like).
const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

const PublisherList = z.array(Publisher);

/** `202100-5448`, `SE2021005448`, ` 2021005448 ` → `2021005448`; undefined when it is not 10 digits. */
export function normaliseOrgNumber(input: string): string | undefined {
  const compact = input.replace(/[\s-]/g, '').replace(/^SE/i, '');
  return /^\d{10}$/.test(compact) ? compact : undefined;
}

/** The publisher URI DCAT-AP-SE recommends for an organisation number (notes §3.2). */
export function publisherUri(orgNumber: string): string {
  const n = normaliseOrgNumber(orgNumber);
  if (!n) throw new RegistryError('bad-request', `"${orgNumber}" is not a 10-digit organisation number.`);
  return `${PUBLISHER_URI_PREFIX}${n}`;
}

/** Offset of the next page, or undefined on the last one. */
export function nextOffset(page: SearchPage): number | undefined {
  const next = page.offset + Math.max(page.limit, 1);
  return next < page.total ? next : undefined;
}

/** Path of a publisher's items search (exported for tests and for the CLI's --dry-run style output). */
export function publisherItemsPath(q: PublisherItemsQuery): string {
  const kinds = q.kinds && q.kinds.length > 0 ? [...new Set(q.kinds)] : ALL_KINDS;
  const text = q.query !== undefined && q.query.trim() !== '' ? q.query : undefined;
  const terms = [
    rdfTypeTerm(kinds.map((k) => KIND_TYPES[k])),
    exactTerm(FIELD.publisher, q.publisherUri),
    // Members of a series are listed under the series, as on the portal (WEB entrystore.service L165-L168).
    not(hasAny(FIELD.inSeries)),
  ];
  if (text !== undefined) terms.push(textTerm(text));
  const sort = q.sort ?? (text !== undefined ? 'relevance' : 'modified');
  let solrSort: string;
  if (sort === 'title') solrSort = `title.${q.lang ?? 'sv'} asc`; // EntryStore maps title.xx to title_sort.xx
  else if (sort === 'relevance' && text !== undefined) solrSort = 'score desc';
  else solrSort = 'modified desc'; // relevance without text means nothing: newest first
  return buildSearchPath({ terms, limit: q.limit ?? MAX_LIMIT, offset: q.offset ?? 0, sort: solrSort });
}

/** Query E of the notes: every publisher URI with its number of public datasets. */
export function publisherFacetPath(): string {
  return buildSearchPath({
    terms: [rdfTypeTerm([RDF_TYPE.dataset])],
    limit: 0,
    facetFields: [FIELD.publisher],
    facetLimit: 1000,
  });
}

/** Query C of the notes for up to 20 URIs: the entries whose resource is one of them. */
export function resourceLookupPath(uris: readonly string[]): string {
  return buildSearchPath({ terms: [anyOf(uris.map((u) => exactTerm('resource', u)), true)], limit: MAX_LIMIT });
}

export function publisherSearchPath(text: string, limit = 20): string {
  const orgNumber = normaliseOrgNumber(text);
  if (orgNumber) {
    // By number: the recommended URI, or an agent stating it as dcterms:identifier (with or without dash).
    const dashed = `${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}`;
    return buildSearchPath({
      terms: [
        rdfTypeTerm([RDF_TYPE.agent]),
        anyOf(
          [exactTerm('resource', publisherUri(orgNumber)), exactTerm(FIELD.identifier, orgNumber), exactTerm(FIELD.identifier, dashed)],
          true,
        ),
      ],
      limit,
    });
  }
  const q = assertSearchText(text);
  return buildSearchPath({
    terms: [
      rdfTypeTerm([RDF_TYPE.agent]),
      // Private persons are agents too; the portal's organisation tab hides them (query F).
      not(exactTerm(FIELD.publisherType, PRIVATE_INDIVIDUAL)),
      `title:${ngramValue(q)}`,
    ],
    limit,
    sort: 'score desc',
  });
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

function hasName(p: Publisher): boolean {
  return p.name.sv !== undefined || p.name.en !== undefined || p.name.any !== undefined;
}

/**
 * One agent can have several entries (harvested into more than one catalogue). Keep the first
 * described one and fill its gaps from the others.
 */
function mergePublishers(list: readonly Publisher[]): Map<string, Publisher> {
  const byUri = new Map<string, Publisher>();
  for (const p of list) {
    const old = byUri.get(p.uri);
    if (!old) {
      byUri.set(p.uri, p);
      continue;
    }
    const [a, b] = hasName(old) || !hasName(p) ? [old, p] : [p, old];
    // Parsed objects omit absent optional fields, so spreading `a` over `b` fills a's gaps from b.
    byUri.set(p.uri, { ...b, ...a, homepages: [...new Set([...a.homepages, ...b.homepages])] });
  }
  return byUri;
}

function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new RegistryError('aborted', 'The request was cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new RegistryError('aborted', 'The request was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const { transport, cache } = options;
  const now = options.now ?? Date.now;

  /** Runs `fetcher` through the cache when there is one; reports cache info; maps every error to RegistryError. */
  async function load<T>(
    key: string,
    kind: CacheKind,
    schema: z.ZodType<T>,
    fetcher: (signal: AbortSignal | undefined) => Promise<T>,
    opts: CallOptions<T>,
  ): Promise<T> {
    try {
      if (!cache) {
        const value = await fetcher(opts.signal);
        opts.onCacheInfo?.({ source: 'network', stale: false, ageMs: 0 });
        return value;
      }
      const result = await withAbort(
        cached(cache, key, kind, schema, () => fetcher(undefined), {
          now,
          ...(opts.forceRefresh !== undefined && { forceRefresh: opts.forceRefresh }),
          ...(opts.onRefresh && { onRefresh: opts.onRefresh }),
          onRefreshError: (err) => opts.onRefreshError?.(toRegistryError(err, 'malformed')),
        }),
        opts.signal,
      );
      opts.onCacheInfo?.({ source: result.source, stale: result.stale, ageMs: result.ageMs });
      return result.value;
    } catch (err) {
      throw toRegistryError(err, 'malformed');
    }
  }

  async function getJson(path: string, signal: AbortSignal | undefined): Promise<unknown> {
    return transport.getJson(path, signal ? { signal } : {});
  }

  async function searchPublisherItems(q: PublisherItemsQuery, opts: CallOptions<SearchPage> = {}): Promise<SearchPage> {
    const path = publisherItemsPath(q); // throws bad-request for short text before any network
    return load(`search:${path}`, 'publisher-items', SearchPage, async (signal) => {
      const parsed = parseSearchResponse(await getJson(path, signal));
      if (!parsed.ok) throw new RegistryError('malformed', `Unexpected search answer: ${parsed.reason}`, { url: transport.base + path });
      return parsed.page;
    }, opts);
  }

  async function getItem(ref: ItemRefInput, opts: CallOptions<ItemDetail> = {}): Promise<ItemDetail> {
    if (!ID_PATTERN.test(ref.contextId) || !ID_PATTERN.test(ref.entryId)) {
      throw new RegistryError('bad-request', `Invalid entry reference ${ref.contextId}/${ref.entryId}.`);
    }
    const path = `/${ref.contextId}/metadata/${ref.entryId}?recursive=dcat`;
    return load(`item:${ref.contextId}/${ref.entryId}`, 'item-detail', ItemDetail, async (signal) => {
      const json = await getJson(path, signal);
      const parsed = parseItemGraph(json, ref.uri !== undefined ? { contextId: ref.contextId, entryId: ref.entryId, uri: ref.uri } : { contextId: ref.contextId, entryId: ref.entryId });
      if (!parsed.ok) throw new RegistryError('malformed', `Unexpected item graph: ${parsed.reason}`, { url: transport.base + path });
      return parsed.item;
    }, opts);
  }

  /** Resolves publisher URIs to their agent descriptions, 20 per search; the transport keeps ≤ 2 in flight. */
  async function lookupPublishers(uris: readonly string[], signal: AbortSignal | undefined): Promise<Map<string, Publisher>> {
    const batches = chunk([...new Set(uris)], LOOKUP_BATCH);
    const results = await Promise.all(
      batches.map(async (batch) => {
        const json = await getJson(resourceLookupPath(batch), signal);
        if (typeof json !== 'object' || json === null || !('results' in json)) {
          throw new RegistryError('malformed', 'Unexpected answer to a publisher lookup.');
        }
        return parsePublishersFromSearch(json).publishers;
      }),
    );
    return mergePublishers(results.flat());
  }

  async function listPublishers(opts: CallOptions<Publisher[]> = {}): Promise<Publisher[]> {
    return load('publishers:all', 'publisher-list', PublisherList, async (signal) => {
      const path = publisherFacetPath();
      const json = await getJson(path, signal);
      if (typeof json !== 'object' || json === null || !('facetFields' in json) || !Array.isArray(json.facetFields)) {
        throw new RegistryError('malformed', 'The publisher facet answer has no facetFields.', { url: transport.base + path });
      }
      const counts = parseFacet(json, FIELD.publisher);
      const found = await lookupPublishers(
        counts.map((c) => c.uri),
        signal,
      );
      return counts.map((c): Publisher => {
        const p = found.get(c.uri);
        // No agent entry (or not public): still listed, named by its organisation number in the UI.
        const base: Publisher = p ?? { uri: c.uri, name: {}, homepages: [] };
        const orgNumber = base.orgNumber ?? orgNumberFromPublisherUri(c.uri);
        return { ...base, ...(orgNumber !== undefined && { orgNumber }), datasetCount: c.count };
      });
    }, opts);
  }

  async function searchPublishers(text: string, opts: CallOptions<Publisher[]> & { limit?: number } = {}): Promise<Publisher[]> {
    const path = publisherSearchPath(text, opts.limit ?? 20);
    return load(`search:${path}`, 'publisher-search', PublisherList, async (signal) => {
      const json = await getJson(path, signal);
      if (typeof json !== 'object' || json === null || !('results' in json)) {
        throw new RegistryError('malformed', 'Unexpected answer to a publisher search.', { url: transport.base + path });
      }
      return [...mergePublishers(parsePublishersFromSearch(json).publishers).values()];
    }, opts);
  }

  return {
    transport,
    publisherUri,
    searchPublisherItems,
    getItem,
    listPublishers,
    searchPublishers,
    portalUrl,
    organisationPortalUrl,
  };
}

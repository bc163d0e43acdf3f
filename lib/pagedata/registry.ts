// Looks up page findings in the registry, in the order the issue asks for:
// 1. the page organisation's own items: its first page of datasets and APIs (cached), and the
//    details of the most likely ones (bounded, cached), compared locally: no URL leaves the device;
// 2. for what is still unmatched, a search by host name: distributions whose access/download URL and
//    data services whose endpoint URL start with `http(s)://<host>/`; only host names are sent, and
//    only for hosts the caller allows (public-sector hosts), never a path or the page's URL;
// 3. the datasets those distributions belong to (one more search).
// At most 2 requests in flight (the transport), identical requests coalesced, host searches cached.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import { parseSearchResponse } from '../dcat/parse';
import { DCAT, DCT } from '../dcat/ns';
import { Graph, parseRdfJson } from '../dcat/rdfjson';
import type { ItemDetail, ItemSummary } from '../dcat/types';
import { licenceFor } from '../dcat/vocab';
import type { RegistryClient } from '../registry/client';
import { anyOf, buildSearchPath, exactTerm, PREDICATE_HASH, rdfTypeTerm, RDF_TYPE } from '../registry/solr';
import { matchFindings, type CatalogueUrl } from './match';
import type { Finding, FindingMatch, MatchedItem } from './types';
import { plainHost } from './urls';

export interface MatchOptions {
  /** The page's organisation (TabState resolution.org.publisherUri). */
  publisherUri?: string;
  /** Hosts a registry search may name; default: public-sector hosts (`.se`). */
  allowHostSearch?: (host: string) => boolean;
  /** Item details loaded from the organisation's catalogue, at most. */
  maxDetails?: number;
  /** Host searches per page, at most (two hosts per search). */
  maxHosts?: number;
  log?: (message: string, err?: unknown) => void;
}

export interface MatchResult {
  matches: FindingMatch[];
  /** The organisation's catalogue was read completely (every item's details). */
  orgComplete: boolean;
  /** Hosts looked up by name. */
  searchedHosts: string[];
  /** The kind of the first registry failure, when a lookup failed. */
  error?: string;
}

const ENTRYSTORE_RESOURCE = 'http://entrystore.org/terms/resource';
const FIELD_URL = {
  endpoint: `metadata.predicate.uri.${PREDICATE_HASH.endpointURL}`,
  access: `metadata.predicate.uri.${PREDICATE_HASH.accessURL}`,
  download: `metadata.predicate.uri.${PREDICATE_HASH.downloadURL}`,
} as const;
const FIELD_DISTRIBUTION = `metadata.predicate.uri.${PREDICATE_HASH.distribution}`;
const HOST_CACHE_TTL = 6 * 3600_000;
const HOSTS_PER_SEARCH = 2;

/** Default privacy rule: only Swedish public-sector style hosts are ever named to the registry. */
export function publicSectorHost(host: string): boolean {
  return /\.(se|stockholm)$/i.test(host.replace(/:\d+$/, ''));
}

function toMatched(client: RegistryClient, item: ItemSummary): MatchedItem {
  const m: MatchedItem = {
    kind: item.kind,
    contextId: item.contextId,
    entryId: item.entryId,
    title: item.title,
    licences: item.licences,
    isApi: item.isApi,
    portalUrl: { sv: client.portalUrl(item, 'sv'), en: client.portalUrl(item, 'en') },
  };
  if (item.publisherUri) m.publisherUri = item.publisherUri;
  return m;
}

/** Every URL an item's details state, as catalogue URLs. */
export function detailUrls(client: RegistryClient, d: ItemDetail): CatalogueUrl[] {
  const item = toMatched(client, d);
  const docs = d.endpointDescriptions[0];
  const out: CatalogueUrl[] = [];
  for (const u of d.endpointUrls) out.push({ url: u, role: 'endpoint', item, ...(docs && { docs }) });
  for (const u of d.endpointDescriptions) out.push({ url: u, role: 'docs', item });
  for (const dist of d.distributions) {
    const lic = dist.licence ? { licence: dist.licence } : {};
    if (dist.accessUrl) out.push({ url: dist.accessUrl, role: 'access', item, ...lic });
    for (const u of dist.downloadUrls) out.push({ url: u, role: 'download', item, ...lic });
  }
  return out;
}

/** Which of an organisation's items are worth loading in full for these findings, best first. */
export function pickCandidates(items: readonly ItemSummary[], findings: readonly Finding[], max: number): ItemSummary[] {
  const wantsApi = findings.some((f) => f.kind === 'api' || f.kind === 'service' || f.kind === 'docs');
  const formats = new Set(findings.map((f) => f.format?.toLowerCase()).filter((f): f is string => Boolean(f)));
  const scored = items.map((it, i) => {
    let score = 0;
    if (wantsApi && (it.isApi || it.kind === 'dataservice')) score += 3;
    if (it.formats.some((x) => formats.has(x.toLowerCase()))) score += 2;
    if (it.kind !== 'series') score += 1;
    return { it, score, i };
  });
  scored.sort((a, z) => z.score - a.score || a.i - z.i);
  return scored.slice(0, max).map((s) => s.it);
}

const Child = z.object({
  contextId: z.union([z.string(), z.number()]).transform(String),
  entryId: z.union([z.string(), z.number()]).transform(String),
  info: z.unknown(),
  metadata: z.unknown(),
});
const Envelope = z.object({ resource: z.object({ children: z.array(z.unknown()) }).optional() });

interface Hit {
  key: string;
  uri: string;
  graph: Graph;
}

/** The raw hits of a search: entry key, resource URI and metadata graph. */
function readHits(json: unknown): Hit[] {
  const env = Envelope.safeParse(json);
  if (!env.success) return [];
  const out: Hit[] = [];
  for (const raw of env.data.resource?.children ?? []) {
    const c = Child.safeParse(raw);
    if (!c.success) continue;
    const info = parseRdfJson(c.data.info);
    const md = parseRdfJson(c.data.metadata);
    if (!info.ok || !md.ok) continue;
    let uri: string | undefined;
    for (const s of info.graph.subjects()) {
      uri = info.graph.firstUri(s, ENTRYSTORE_RESOURCE);
      if (uri) break;
    }
    if (!uri || !md.graph.has(uri)) continue;
    out.push({ key: `${c.data.contextId}/${c.data.entryId}`, uri, graph: md.graph });
  }
  return out;
}

export interface PageMatcher {
  match(findings: readonly Finding[], options?: MatchOptions): Promise<MatchResult>;
}

/** One matcher per background (or CLI run): it keeps host-search answers for a few hours. */
export function createPageMatcher(client: RegistryClient, now: () => number = Date.now): PageMatcher {
  const hostCache = new Map<string, { at: number; json: Promise<unknown> }>();

  function search(path: string): Promise<unknown> {
    const hit = hostCache.get(path);
    if (hit && now() - hit.at < HOST_CACHE_TTL) return hit.json;
    const json = client.transport.getJson(path, {});
    hostCache.set(path, { at: now(), json });
    json.catch(() => hostCache.delete(path));
    if (hostCache.size > 50) hostCache.delete(hostCache.keys().next().value as string);
    return json;
  }

  async function orgCatalogue(publisherUri: string, findings: readonly Finding[], maxDetails: number) {
    const page = await client.searchPublisherItems({ publisherUri, offset: 0, limit: 100 });
    const picked = pickCandidates(page.items, findings, maxDetails);
    const settled = await Promise.allSettled(picked.map((it) => client.getItem({ contextId: it.contextId, entryId: it.entryId, uri: it.uri })));
    const urls: CatalogueUrl[] = [];
    let failed = 0;
    for (const s of settled) {
      if (s.status === 'fulfilled') urls.push(...detailUrls(client, s.value));
      else failed++;
    }
    return { urls, complete: failed === 0 && page.total <= page.items.length && picked.length === page.items.length };
  }

  async function hostCatalogue(hosts: readonly string[]): Promise<CatalogueUrl[]> {
    const urls: CatalogueUrl[] = [];
    const distHits: { uri: string; url: string; role: 'access' | 'download'; licence?: string }[] = [];
    for (let i = 0; i < hosts.length; i += HOSTS_PER_SEARCH) {
      const group = hosts.slice(i, i + HOSTS_PER_SEARCH);
      const terms: string[] = [];
      for (const h of group) {
        for (const variant of [h, `www.${h}`]) {
          for (const scheme of ['https', 'http']) {
            const prefix = `${scheme}://${variant}/`;
            for (const field of Object.values(FIELD_URL)) terms.push(`${exactTerm(field, prefix)}*`);
          }
        }
      }
      const json = await search(buildSearchPath({ terms: [anyOf(terms, true)], limit: 100 }));
      const summaries = new Map<string, ItemSummary>();
      const parsed = parseSearchResponse(json);
      if (parsed.ok) for (const it of parsed.page.items) summaries.set(`${it.contextId}/${it.entryId}`, it);
      for (const hit of readHits(json)) {
        const g = hit.graph;
        const summary = summaries.get(hit.key);
        if (summary) {
          // A data service (or a dataset carrying URLs itself): its endpoint URLs.
          const item = toMatched(client, summary);
          const docs = g.uris(hit.uri, DCAT.endpointDescription)[0];
          for (const u of g.strings(hit.uri, DCAT.endpointURL)) urls.push({ url: u, role: 'endpoint', item, ...(docs && { docs }) });
          for (const u of g.strings(hit.uri, DCAT.endpointDescription)) urls.push({ url: u, role: 'docs', item });
          continue;
        }
        if (!g.uris(hit.uri, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type').includes(DCAT.Distribution)) continue;
        const licence = g.firstUri(hit.uri, DCT.license);
        for (const u of g.strings(hit.uri, DCAT.accessURL)) distHits.push({ uri: hit.uri, url: u, role: 'access', ...(licence && { licence }) });
        for (const u of g.strings(hit.uri, DCAT.downloadURL)) distHits.push({ uri: hit.uri, url: u, role: 'download', ...(licence && { licence }) });
      }
    }
    const distUris = [...new Set(distHits.map((d) => d.uri))].slice(0, 20);
    if (distUris.length === 0) return urls;
    // The datasets those distributions belong to.
    const path = buildSearchPath({
      terms: [rdfTypeTerm([RDF_TYPE.dataset, RDF_TYPE.dataService]), anyOf(distUris.map((u) => exactTerm(FIELD_DISTRIBUTION, u)), true)],
      limit: 100,
    });
    const json = await search(path);
    const parsed = parseSearchResponse(json);
    const byKey = new Map<string, ItemSummary>();
    if (parsed.ok) for (const it of parsed.page.items) byKey.set(`${it.contextId}/${it.entryId}`, it);
    const owner = new Map<string, MatchedItem>();
    for (const hit of readHits(json)) {
      const summary = byKey.get(hit.key);
      if (!summary) continue;
      for (const d of hit.graph.uris(hit.uri, DCAT.distribution)) if (!owner.has(d)) owner.set(d, toMatched(client, summary));
    }
    for (const d of distHits) {
      const item = owner.get(d.uri);
      if (!item) continue;
      urls.push({ url: d.url, role: d.role, item, ...(d.licence && { licence: licenceFor(d.licence) }) });
    }
    return urls;
  }

  return {
    async match(all, options = {}) {
      // A DCAT catalogue link or a news feed is not itself a dataset to look for.
      const findings = all.filter((f) => f.kind !== 'catalog' && f.kind !== 'feed');
      const log = options.log ?? (() => undefined);
      const allow = options.allowHostSearch ?? publicSectorHost;
      const result: MatchResult = { matches: [], orgComplete: false, searchedHosts: [] };
      const found = new Map<string, FindingMatch>();
      const remember = (m: Map<string, FindingMatch>) => {
        for (const [k, v] of m) if (!found.has(k)) found.set(k, v);
      };
      const errorOf = (err: unknown) => {
        const kind = (err as { kind?: unknown } | undefined)?.kind;
        result.error ??= typeof kind === 'string' ? kind : 'internal';
      };

      // Hosts the organisation's own catalogue names are known to the registry already: asking about them tells it nothing new.
      const knownHosts = new Set<string>();
      if (options.publisherUri) {
        try {
          const org = await orgCatalogue(options.publisherUri, findings, options.maxDetails ?? 12);
          result.orgComplete = org.complete;
          for (const c of org.urls) {
            try {
              knownHosts.add(plainHost(new URL(c.url)));
            } catch {
              // not a URL
            }
          }
          remember(matchFindings(findings, org.urls));
        } catch (err) {
          log('organisation catalogue unavailable', err);
          errorOf(err);
        }
      }

      const open = findings.filter((f) => !found.has(f.id));
      const hosts: string[] = [];
      for (const f of open) {
        const h = plainHost(new URL(f.url));
        if (!hosts.includes(h) && (allow(h) || knownHosts.has(h))) hosts.push(h);
      }
      const searched = hosts.slice(0, options.maxHosts ?? 4);
      if (searched.length > 0) {
        try {
          const urls = await hostCatalogue(searched);
          result.searchedHosts = searched;
          remember(matchFindings(open, urls));
        } catch (err) {
          log('host search failed', err);
          errorOf(err);
        }
      }

      for (const f of findings) {
        const m = found.get(f.id);
        if (m) {
          result.matches.push(m);
          continue;
        }
        const host = plainHost(new URL(f.url));
        const looked = result.searchedHosts.includes(host) || (result.orgComplete && f.sameSite);
        result.matches.push({ id: f.id, status: looked ? 'undocumented' : 'unknown' });
      }
      return result;
    },
  };
}

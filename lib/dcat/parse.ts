// From EntryStore responses (Solr search envelopes and `?recursive=dcat` RDF/JSON graphs) to the view
// objects in types.ts. Everything here is pure and total: bad input gives `{ ok: false, reason }` or
// an entry in `skipped`, never an exception, because harvested metadata is as varied as its publishers.
// Strings are kept exactly as published (no trimming of content, no HTML handling, no URL filtering):
// the UI renders text as text and decides which links it opens. A licence or concept stated without a
// URI (a name, a blank node) gets `uri: ''` and kind `unknown` / `known: false`, with its own label.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import {
  ContactPoint,
  Distribution,
  ItemDetail,
  ItemSummary,
  Period,
  Place,
  Publisher,
  PublisherCount,
  SearchPage,
  type Concept,
  type Frequency,
  type ItemKind,
  type LangText,
  type Licence,
  type Skipped,
} from './types';
import { DCAT, DCT, ENTRYSTORE, ESTERMS, FOAF, LOCN, RDF, RDFS, SCHEMA, SKOS, VCARD, ADMS, R5R } from './ns';
import { firstIssue, Graph, parseRdfJson, type RdfTerm } from './rdfjson';
import {
  accessRightConcept,
  availabilityConcept,
  distributionStatusConcept,
  formatFromUrl,
  formatLabel,
  frequencyConcept,
  licenceFor,
  licenceFromName,
  licenceId,
  publisherTypeConcept,
  themeConcept,
} from './vocab';

type ItemSummaryOut = z.infer<typeof ItemSummary>;
type ItemDetailOut = z.infer<typeof ItemDetail>;
type DistributionOut = z.infer<typeof Distribution>;
type PublisherOut = z.infer<typeof Publisher>;
type ContactPointOut = z.infer<typeof ContactPoint>;
type PeriodOut = z.infer<typeof Period>;
type PlaceOut = z.infer<typeof Place>;

export type SearchResult = { ok: true; page: SearchPage } | { ok: false; reason: string };
export type ItemResult = { ok: true; item: ItemDetail } | { ok: false; reason: string };
export interface ItemRef {
  contextId: string;
  entryId: string;
  /** The item's resource URI (from the entry info or a search hit); preferred over guessing the main node. */
  uri?: string;
  /** Entry-info dcterms:modified, when the caller has it; the metadata graph does not carry it. */
  registryModified?: string;
}

// Context and entry ids end up in registry URLs built elsewhere, so only path-safe ids are accepted.
const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const EntryIdValue = z
  .union([z.string(), z.number().int().nonnegative().transform(String)])
  .refine((s) => ID_PATTERN.test(s), { message: 'not a registry id' });

const SearchEnvelope = z.object({
  results: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative().optional(),
  limit: z.number().int().nonnegative().optional(),
  resource: z.object({ children: z.array(z.unknown()) }).optional(),
});

const SearchChild = z.object({
  entryId: EntryIdValue,
  contextId: EntryIdValue,
  info: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
});

const FacetField = z.object({
  name: z.string(),
  values: z.array(z.unknown()),
});
const FacetValue = z.object({ name: z.string(), count: z.number().int().nonnegative() });

const DATASET_TYPES: readonly string[] = [DCAT.Dataset, DCAT.DataService, DCAT.DatasetSeries, ESTERMS.IndependentDataService];

const MAILTO = /^mailto:/i;
const TEL = /^tel:/i;
const HTTP_URL = /^https?:\/\//i;

function uniq<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function isEmptyText(t: LangText): boolean {
  return t.sv === undefined && t.en === undefined && t.any === undefined;
}

function firstText(t: LangText): string | undefined {
  return t.sv ?? t.en ?? t.any;
}

// ---------------------------------------------------------------------------------------------
// Search envelope

interface ParsedChild {
  ref: { contextId: string; entryId: string };
  label: string;
  uri: string;
  graph: Graph;
  registryModified?: string;
}

/** Validates a search child and finds its resource node; failures are reported, not thrown. */
function readChild(child: unknown, index: number, skipped: Skipped[]): ParsedChild | undefined {
  const c = SearchChild.safeParse(child);
  if (!c.success) {
    const label = childLabel(child, index);
    skipped.push({ node: label, reason: `malformed search hit: ${firstIssue(c.error)}` });
    return undefined;
  }
  const { contextId, entryId } = c.data;
  const label = `${contextId}/${entryId}`;
  const info = parseRdfJson(c.data.info);
  if (!info.ok) {
    skipped.push({ node: label, reason: `entry info: ${info.reason}` });
    return undefined;
  }
  const found = resourceFromInfo(info.graph, contextId, entryId);
  if (!found) {
    skipped.push({ node: label, reason: 'entry info has no http://entrystore.org/terms/resource' });
    return undefined;
  }
  const md = parseRdfJson(c.data.metadata);
  if (!md.ok) {
    skipped.push({ node: label, reason: `metadata: ${md.reason}` });
    return undefined;
  }
  for (const s of md.skipped) skipped.push({ node: s.node, reason: `${label}: ${s.reason}` });
  if (!md.graph.has(found.uri)) {
    skipped.push({ node: label, reason: `metadata has no node for resource ${found.uri}` });
    return undefined;
  }
  const out: ParsedChild = { ref: { contextId, entryId }, label, uri: found.uri, graph: md.graph };
  if (found.modified !== undefined) out.registryModified = found.modified;
  return out;
}

function childLabel(child: unknown, index: number): string {
  if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
    const r = z.object({ contextId: z.unknown(), entryId: z.unknown() }).safeParse(child);
    if (r.success && typeof r.data.contextId === 'string' && typeof r.data.entryId === 'string') {
      return `${r.data.contextId}/${r.data.entryId}`;
    }
  }
  return `children[${index}]`;
}

/**
 * The resource URI from the entry-information graph. Taken from entrystore:resource, never guessed
 * from the metadata keys, which also hold blank nodes and linked documents.
 */
function resourceFromInfo(info: Graph, contextId: string, entryId: string): { uri: string; modified?: string } | undefined {
  const withResource = info.subjects().filter((s) => info.firstUri(s, ENTRYSTORE.resource) !== undefined);
  const suffix = `/${contextId}/entry/${entryId}`;
  const entryUri = withResource.find((s) => s.endsWith(suffix)) ?? (withResource.length === 1 ? withResource[0] : undefined);
  if (entryUri === undefined) return undefined;
  const uri = info.firstUri(entryUri, ENTRYSTORE.resource);
  if (uri === undefined) return undefined;
  const modified = info.firstLiteral(entryUri, DCT.modified);
  return modified !== undefined ? { uri, modified } : { uri };
}

/** One page of an EntryStore Solr search over datasets, data services and series. */
export function parseSearchResponse(json: unknown): SearchResult {
  const env = SearchEnvelope.safeParse(json);
  if (!env.success) return { ok: false, reason: `not a search response: ${firstIssue(env.error)}` };
  const children = env.data.resource?.children ?? [];
  const skipped: Skipped[] = [];
  const items: ItemSummaryOut[] = [];
  children.forEach((child, i) => {
    const c = readChild(child, i, skipped);
    if (!c) return;
    const built = buildSummary(c.graph, c.uri, c.ref, skipped);
    if (!built.ok) {
      skipped.push({ node: c.label, reason: built.reason });
      return;
    }
    if (c.registryModified !== undefined) built.summary.registryModified = c.registryModified;
    const v = ItemSummary.safeParse(built.summary);
    if (v.success) items.push(v.data);
    else skipped.push({ node: c.label, reason: `summary failed validation: ${firstIssue(v.error)}` });
  });
  const page = SearchPage.safeParse({
    total: env.data.results,
    offset: env.data.offset ?? 0,
    limit: env.data.limit ?? children.length,
    items,
    skipped,
  });
  if (!page.success) return { ok: false, reason: `search page failed validation: ${firstIssue(page.error)}` };
  return { ok: true, page: page.data };
}

/** Values of one facet field (`facetFields[].values`), e.g. publisher URIs with their dataset counts. */
export function parseFacet(json: unknown, fieldName: string): PublisherCount[] {
  const env = z.object({ facetFields: z.array(z.unknown()) }).safeParse(json);
  if (!env.success) return [];
  const out: PublisherCount[] = [];
  for (const f of env.data.facetFields) {
    const field = FacetField.safeParse(f);
    if (!field.success || field.data.name !== fieldName) continue;
    for (const v of field.data.values) {
      const fv = FacetValue.safeParse(v);
      if (!fv.success || fv.data.name.trim() === '') continue;
      const pc = PublisherCount.safeParse({ uri: fv.data.name, count: fv.data.count });
      if (pc.success) out.push(pc.data);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared field readers

function itemKind(g: Graph, node: string): ItemKind | undefined {
  const types = g.types(node);
  // A series is also a dataset in DCAT 3, and a service typed as both is still an API first.
  if (types.includes(DCAT.DatasetSeries)) return 'series';
  if (types.includes(DCAT.DataService) || types.includes(ESTERMS.IndependentDataService)) return 'dataservice';
  if (types.includes(DCAT.Dataset)) return 'dataset';
  return undefined;
}

/** Labels of a node that is not in a vocabulary table (blank-node rights statements, locations…). */
function nodeLabel(g: Graph, node: string): LangText {
  return g.langTextOf(node, [SKOS.prefLabel, RDFS.label, DCT.title, LOCN.geographicName, FOAF.name]);
}

/**
 * A controlled value: URIs go through the vocabulary table; a blank node or a literal has no URI, so
 * its own label is used and the concept is marked unknown.
 */
function conceptOf<T extends Concept>(g: Graph, term: RdfTerm | undefined, lookup: (uri: string) => T): T | Concept | undefined {
  if (!term || term.value.trim() === '') return undefined;
  if (term.type === 'uri') return lookup(term.value);
  if (term.type === 'literal') return HTTP_URL.test(term.value) ? lookup(term.value) : { uri: '', label: { any: term.value }, known: false };
  const label = nodeLabel(g, term.value);
  return isEmptyText(label) ? undefined : { uri: '', label, known: false };
}

function frequencyOf(g: Graph, node: string): Frequency | undefined {
  return conceptOf(g, g.objects(node, DCT.accrualPeriodicity)[0], frequencyConcept);
}

function licenceOf(g: Graph, term: RdfTerm, subject: string, skipped: Skipped[]): Licence | undefined {
  const v = term.value;
  if (v.trim() === '') return undefined;
  if (term.type === 'uri') return licenceFor(v);
  if (term.type === 'literal') return HTTP_URL.test(v.trim()) ? licenceFor(v.trim()) : licenceFromName(v);
  // A blank-node dcterms:LicenseDocument: only its label can tell which licence it is.
  const label = nodeLabel(g, v);
  const text = firstText(label);
  if (text === undefined) {
    skipped.push({ node: subject, reason: `licence ${v} has neither a URI nor a label` });
    return undefined;
  }
  const byName = licenceFromName(text);
  return byName.kind === 'unknown' ? { ...byName, label } : byName;
}

function licencesOf(g: Graph, node: string, skipped: Skipped[]): Licence[] {
  const out: Licence[] = [];
  for (const t of g.objects(node, DCT.license)) {
    const l = licenceOf(g, t, node, skipped);
    if (l) out.push(l);
  }
  return out;
}

/** Same licence written differently (http/https, deed page) counts once; the first spelling is kept. */
function dedupeLicences(licences: readonly Licence[]): Licence[] {
  const seen = new Set<string>();
  const out: Licence[] = [];
  for (const l of licences) {
    const key = licenceId(l.uri) ?? (l.uri !== '' ? l.uri : `label:${firstText(l.label) ?? ''}`);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
  }
  return out;
}

/** dcterms:format / dcat:mediaType values as published; a blank-node IMT carries them in rdf:value or a label. */
function formatValues(g: Graph, node: string, predicates: readonly string[] = [DCT.format, DCAT.mediaType]): string[] {
  const out: string[] = [];
  for (const p of predicates) {
    for (const t of g.objects(node, p)) {
      if (t.type !== 'bnode') {
        if (t.value.trim() !== '') out.push(t.value);
        continue;
      }
      const v = g.firstString(t.value, RDF.value) ?? firstText(nodeLabel(g, t.value));
      if (v !== undefined) out.push(v);
    }
  }
  return uniq(out);
}

function formatLabels(values: readonly string[]): string[] {
  return uniq(values.map(formatLabel).filter((l): l is string => l !== undefined));
}

function stripPrefix(value: string, prefix: RegExp): string {
  return value.trim().replace(prefix, '');
}

// ---------------------------------------------------------------------------------------------
// Distributions

function buildDistribution(g: Graph, id: string, skipped: Skipped[]): DistributionOut {
  const formats = formatValues(g, id);
  const downloadUrls = g.strings(id, DCAT.downloadURL);
  const d: DistributionOut = {
    uri: id,
    title: g.langText(id, DCT.title),
    description: g.langText(id, DCT.description),
    downloadUrls,
    accessServiceUris: g.refs(id, DCAT.accessService),
    conformsTo: g.strings(id, DCT.conformsTo),
  };
  const accessUrl = g.firstString(id, DCAT.accessURL);
  if (accessUrl !== undefined) d.accessUrl = accessUrl;
  const format = formats[0];
  if (format !== undefined) d.format = format;
  // With no stated format, a download URL ending in .csv still tells the reader what they get.
  const label = formatLabels(formats)[0] ?? downloadUrls.map(formatFromUrl).find((l) => l !== undefined);
  if (label !== undefined) d.formatLabel = label;
  const mediaType = formatValues(g, id, [DCAT.mediaType])[0];
  if (mediaType !== undefined) d.mediaType = mediaType;
  const rightsTerm = g.objects(id, DCT.rights)[0];
  const rights = rightsTerm ? (rightsTerm.type === 'bnode' ? firstText(nodeLabel(g, rightsTerm.value)) ?? 'statement' : rightsTerm.value.trim()) : undefined;
  if (rights) d.rights = rights;
  const licenceTerm = g.objects(id, DCT.license)[0];
  const licence = licenceTerm ? licenceOf(g, licenceTerm, id, skipped) : undefined;
  if (licence) d.licence = licence;
  const size = g.firstLiteral(id, DCAT.byteSize);
  const bytes = size !== undefined ? Number(size.trim()) : NaN;
  if (Number.isFinite(bytes) && bytes >= 0) d.byteSize = bytes;
  const status = conceptOf(g, g.objects(id, ADMS.status)[0], distributionStatusConcept);
  if (status) d.status = status;
  const availability = conceptOf(g, g.objects(id, R5R.availability)[0], availabilityConcept);
  if (availability) d.availability = availability;
  const modified = g.firstLiteral(id, DCT.modified);
  if (modified !== undefined) d.modified = modified;
  const issued = g.firstLiteral(id, DCT.issued);
  if (issued !== undefined) d.issued = issued;
  return d;
}

/** Distributions of `node` whose nodes are in the graph, validated; missing or invalid ones are reported. */
function distributionsOf(g: Graph, node: string, skipped: Skipped[], reportMissing: boolean): DistributionOut[] {
  const out: DistributionOut[] = [];
  for (const id of g.refs(node, DCAT.distribution)) {
    if (id === node) continue;
    if (!g.has(id)) {
      if (reportMissing) skipped.push({ node: id, reason: 'distribution is not in the graph' });
      continue;
    }
    const v = Distribution.safeParse(buildDistribution(g, id, skipped));
    if (v.success) out.push(v.data);
    else skipped.push({ node: id, reason: `distribution failed validation: ${firstIssue(v.error)}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summary

type Built = { ok: true; summary: ItemSummaryOut; distributions: DistributionOut[] } | { ok: false; reason: string };

function buildSummary(
  g: Graph,
  node: string,
  ref: { contextId: string; entryId: string },
  skipped: Skipped[],
  reportMissingDistributions = false,
): Built {
  const kind = itemKind(g, node);
  if (!kind) {
    const types = g.types(node);
    return {
      ok: false,
      reason: `${node} is not a dcat:Dataset, dcat:DataService or dcat:DatasetSeries (types: ${types.length > 0 ? types.join(', ') : 'none'})`,
    };
  }
  // Search hits hold only the item node; recursive graphs also hold its distributions.
  const distributions = distributionsOf(g, node, skipped, reportMissingDistributions);
  const licences = dedupeLicences([...licencesOf(g, node, skipped), ...distributions.flatMap((d) => (d.licence ? [d.licence] : []))]);
  const formats = uniq([
    ...formatLabels(formatValues(g, node)),
    ...distributions.flatMap((d) => (d.formatLabel !== undefined ? [d.formatLabel] : [])),
  ]);
  const isApi =
    kind === 'dataservice' ||
    g.hasType(node, ESTERMS.ServedByDataService) ||
    g.refs(node, ESTERMS.servedByDataService).length > 0 ||
    distributions.some((d) => d.accessServiceUris.length > 0);
  const themes: Concept[] = [];
  const seenThemes = new Set<string>();
  for (const t of g.objects(node, DCAT.theme)) {
    const c = conceptOf(g, t, themeConcept);
    if (!c || seenThemes.has(c.uri || t.value)) continue;
    seenThemes.add(c.uri || t.value);
    themes.push(c);
  }
  const summary: ItemSummaryOut = {
    kind,
    contextId: ref.contextId,
    entryId: ref.entryId,
    uri: node,
    title: g.langText(node, DCT.title),
    description: g.langText(node, DCT.description),
    licences,
    formats,
    themes,
    keywords: g.langList(node, DCAT.keyword),
    isApi,
  };
  const publisherUri = g.firstUri(node, DCT.publisher);
  if (publisherUri !== undefined) summary.publisherUri = publisherUri;
  const accessRights = conceptOf(g, g.objects(node, DCT.accessRights)[0], accessRightConcept);
  if (accessRights) summary.accessRights = accessRights;
  const frequency = frequencyOf(g, node);
  if (frequency) summary.frequency = frequency;
  const modified = g.firstLiteral(node, DCT.modified);
  if (modified !== undefined) summary.modified = modified;
  const issued = g.firstLiteral(node, DCT.issued);
  if (issued !== undefined) summary.issued = issued;
  return { ok: true, summary, distributions };
}

// ---------------------------------------------------------------------------------------------
// Detail

/**
 * The item node of a recursive graph: the given URI when the graph has it; otherwise the only node
 * typed as a dataset, data service or series that is not a distribution and cannot be reached from
 * another such node. Linked items (an access service behind a distribution, the series a dataset is
 * in, the datasets a service serves) hang off the main node, never the other way round, unless the
 * publisher linked both ways; then the caller must pass the URI.
 */
function findMainNode(g: Graph, uri: string | undefined): { ok: true; node: string } | { ok: false; reason: string } {
  if (uri !== undefined && g.has(uri)) return { ok: true, node: uri };
  const candidates = g.subjects().filter((s) => g.types(s).some((t) => DATASET_TYPES.includes(t)));
  if (candidates.length === 0) {
    return {
      ok: false,
      reason: uri !== undefined ? `graph has no node ${uri} and no dataset, data service or series` : 'graph has no dataset, data service or series',
    };
  }
  const notDistribution = candidates.filter((c) => g.referrers(c, DCAT.distribution).every((r) => r === c));
  const reachable = new Map(candidates.map((c) => [c, new Set(g.walk(c, { maxDepth: 6 }).slice(1))]));
  const roots = notDistribution.filter((c) => !candidates.some((o) => o !== c && reachable.get(o)?.has(c) === true));
  const pick = roots.length === 1 ? roots : notDistribution;
  if (pick.length === 1 && pick[0] !== undefined) return { ok: true, node: pick[0] };
  return {
    ok: false,
    reason: `cannot tell the main node: ${pick.length === 0 ? 'every candidate is a distribution' : `${pick.length} candidates (${pick.join(', ')})`}`,
  };
}

function buildPublisher(g: Graph, id: string): PublisherOut {
  const p: PublisherOut = {
    uri: id,
    name: g.langTextOf(id, [FOAF.name, SKOS.prefLabel, RDFS.label, VCARD.fn]),
    homepages: uniq([...g.strings(id, FOAF.homepage), ...g.strings(id, FOAF.page)]),
  };
  const orgNumber = orgNumberFromIdentifiers(g.literals(id, DCT.identifier)) ?? orgNumberFromPublisherUri(id);
  if (orgNumber !== undefined) p.orgNumber = orgNumber;
  const mbox = g.firstString(id, FOAF.mbox);
  if (mbox !== undefined) p.email = stripPrefix(mbox, MAILTO);
  const type = conceptOf(g, g.objects(id, DCT.type)[0], publisherTypeConcept);
  if (type) p.type = type;
  return p;
}

function validPublisher(p: PublisherOut, skipped: Skipped[]): PublisherOut | undefined {
  const v = Publisher.safeParse(p);
  if (v.success) return v.data;
  skipped.push({ node: p.uri, reason: `publisher failed validation: ${firstIssue(v.error)}` });
  return undefined;
}

function publisherOf(g: Graph, node: string, skipped: Skipped[]): PublisherOut | undefined {
  const refs = g.refs(node, DCT.publisher);
  // dcterms:publisher is max 1, but when a record states several, the one described in the graph is more useful.
  // A blank-node publisher keeps its node id as `uri` so its name still shows; it matches no registry entry.
  const id = refs.find((r) => g.has(r)) ?? g.firstUri(node, DCT.publisher);
  if (id === undefined) return undefined;
  if (g.has(id)) return validPublisher(buildPublisher(g, id), skipped);
  const bare: PublisherOut = { uri: id, name: {}, homepages: [] };
  const orgNumber = orgNumberFromPublisherUri(id);
  if (orgNumber !== undefined) bare.orgNumber = orgNumber;
  return validPublisher(bare, skipped);
}

/** Value of a vcard property that is either direct (`<mailto:…>`, `"08-…"`) or a node with vcard:hasValue. */
function vcardValue(g: Graph, node: string, p: string): string | undefined {
  for (const t of g.objects(node, p)) {
    if (t.value.trim() === '') continue;
    if (t.type === 'literal' || (t.type === 'uri' && !g.has(t.value))) return t.value;
    // A typed node (vcard:Voice, vcard:Work) holds the value one step away; walk() bounds cycles.
    for (const n of g.walk(t.value, { predicates: [VCARD.hasValue], maxDepth: 3 })) {
      const v = g.objects(n, VCARD.hasValue).find((x) => x.type !== 'bnode' && x.value.trim() !== '');
      if (v) return v.value;
    }
  }
  return undefined;
}

function buildContactPoint(g: Graph, id: string, isBlank: boolean): ContactPointOut {
  const c: ContactPointOut = {};
  if (!isBlank) c.uri = id;
  if (!g.has(id)) return c;
  const name = firstText(g.langText(id, VCARD.fn)) ?? firstText(g.langText(id, VCARD.organizationName));
  if (name !== undefined) c.name = name;
  const email = vcardValue(g, id, VCARD.hasEmail);
  if (email !== undefined) c.email = stripPrefix(email, MAILTO);
  const phone = vcardValue(g, id, VCARD.hasTelephone);
  if (phone !== undefined) c.phone = stripPrefix(phone, TEL);
  const url = vcardValue(g, id, VCARD.hasURL);
  if (url !== undefined) c.url = url;
  const types = g.types(id);
  if (types.includes(VCARD.Organization)) c.kind = 'organization';
  else if (types.includes(VCARD.Individual)) c.kind = 'individual';
  else if (types.includes(VCARD.Kind)) c.kind = 'kind';
  return c;
}

function contactPointsOf(g: Graph, node: string, skipped: Skipped[]): ContactPointOut[] {
  const out: ContactPointOut[] = [];
  for (const t of g.objects(node, DCAT.contactPoint)) {
    if (t.type === 'literal') {
      // Some catalogues put a bare address here instead of a vcard.
      const v = t.value.trim();
      if (v === '') continue;
      const c: ContactPointOut = /@/.test(v) && !HTTP_URL.test(v) ? { email: stripPrefix(v, MAILTO) } : { url: v };
      out.push(c);
      continue;
    }
    const isBlank = t.type === 'bnode';
    if (isBlank && !g.has(t.value)) {
      skipped.push({ node: t.value, reason: 'contact point blank node is not in the graph' });
      continue;
    }
    const v = ContactPoint.safeParse(buildContactPoint(g, t.value, isBlank));
    if (v.success) out.push(v.data);
    else skipped.push({ node: t.value, reason: `contact point failed validation: ${firstIssue(v.error)}` });
  }
  return out;
}

function temporalOf(g: Graph, node: string, skipped: Skipped[]): PeriodOut[] {
  const out: PeriodOut[] = [];
  for (const id of g.refs(node, DCT.temporal)) {
    if (!g.has(id)) {
      skipped.push({ node: id, reason: 'temporal node is not in the graph' });
      continue;
    }
    const start = g.firstLiteral(id, DCAT.startDate) ?? g.firstLiteral(id, SCHEMA.startDate);
    const end = g.firstLiteral(id, DCAT.endDate) ?? g.firstLiteral(id, SCHEMA.endDate);
    if (start === undefined && end === undefined) {
      skipped.push({ node: id, reason: 'period of time has neither start nor end date' });
      continue;
    }
    const p: PeriodOut = {};
    if (start !== undefined) p.start = start;
    if (end !== undefined) p.end = end;
    const v = Period.safeParse(p);
    if (v.success) out.push(v.data);
  }
  return out;
}

function spatialOf(g: Graph, node: string): PlaceOut[] {
  const out: PlaceOut[] = [];
  for (const t of g.objects(node, DCT.spatial)) {
    if (t.value.trim() === '') continue;
    const place: PlaceOut = {};
    if (t.type === 'literal') {
      place.label = { any: t.value };
    } else {
      if (t.type === 'uri') place.uri = t.value;
      // The name may sit on the location itself or on a nested node; walk() bounds depth and cycles.
      for (const n of g.walk(t.value, { maxDepth: 2 })) {
        const label = nodeLabel(g, n);
        if (!isEmptyText(label)) {
          place.label = label;
          break;
        }
      }
    }
    // A blank location with only a bounding box has nothing a reader can see here.
    if (place.uri === undefined && place.label === undefined) continue;
    const v = Place.safeParse(place);
    if (v.success) out.push(v.data);
  }
  return out;
}

/** Endpoint URLs and descriptions of a service node, and of the services a dataset is served by. */
function endpointsOf(g: Graph, node: string, distributions: readonly DistributionOut[]): { urls: string[]; descriptions: string[] } {
  const services = uniq([
    node,
    ...g.refs(node, ESTERMS.servedByDataService),
    ...distributions.flatMap((d) => d.accessServiceUris),
  ]).filter((s) => g.has(s));
  return {
    urls: uniq(services.flatMap((s) => g.strings(s, DCAT.endpointURL))),
    descriptions: uniq(services.flatMap((s) => g.strings(s, DCAT.endpointDescription))),
  };
}

/**
 * One item (dataset, data service or series) from a `/store/{ctx}/metadata/{entry}?recursive=dcat`
 * graph, with its distributions, publisher and contact points resolved from the same graph.
 */
export function parseItemGraph(json: unknown, ref: ItemRef): ItemResult {
  const r = z.object({ contextId: EntryIdValue, entryId: EntryIdValue }).safeParse(ref);
  if (!r.success) return { ok: false, reason: 'invalid entry reference' };
  const rdf = parseRdfJson(json);
  if (!rdf.ok) return { ok: false, reason: rdf.reason };
  const g = rdf.graph;
  const skipped: Skipped[] = [...rdf.skipped];
  const main = findMainNode(g, ref.uri);
  if (!main.ok) return main;
  const node = main.node;
  const built = buildSummary(g, node, r.data, skipped, true);
  if (!built.ok) return built;
  const { summary, distributions } = built;
  if (ref.registryModified !== undefined) summary.registryModified = ref.registryModified;
  const endpoints = endpointsOf(g, node, distributions);
  const detail: ItemDetailOut = {
    ...summary,
    landingPages: g.strings(node, DCAT.landingPage),
    documentation: g.strings(node, FOAF.page),
    contactPoints: contactPointsOf(g, node, skipped),
    distributions,
    temporal: temporalOf(g, node, skipped),
    spatial: spatialOf(g, node),
    conformsTo: g.strings(node, DCT.conformsTo),
    inSeries: g.refs(node, DCAT.inSeries),
    endpointUrls: endpoints.urls,
    endpointDescriptions: endpoints.descriptions,
    servesDatasets: g.refs(node, DCAT.servesDataset),
    skipped,
  };
  const publisher = publisherOf(g, node, skipped);
  if (publisher) detail.publisher = publisher;
  // Each distribution was validated by distributionsOf; validating them again with the item doubled the
  // cost of a record with thousands of them (10 000: ~0.2 s more in jitless zod, hostile tests).
  const v = ItemDetail.safeParse({ ...detail, distributions: [] });
  if (!v.success) return { ok: false, reason: `item failed validation: ${firstIssue(v.error)}` };
  return { ok: true, item: { ...v.data, distributions } };
}

// ---------------------------------------------------------------------------------------------
// Publishers

/**
 * Organisation number from a publisher URI of the form recommended by DCAT-AP-SE,
 * `http(s)://dataportal.se/organisation/SE<10 digits>[-suffix]`, or any URI whose last path segment
 * has that form (`http://id.kb.se/organisations/SE…`).
 */
export function orgNumberFromPublisherUri(uri: string): string | undefined {
  const m = /^https?:\/\/[^/?#]+\/(?:[^?#]*\/)?SE(\d{10})(?:-[^/?#]*)?\/?(?:[?#].*)?$/i.exec(uri.trim());
  return m?.[1];
}

/** dcterms:identifier as an organisation number: `2021005448`, `202100-5448`, `SE2021005448`, VAT `SE202100544801`. */
function orgNumberFromIdentifiers(ids: readonly string[]): string | undefined {
  for (const id of ids) {
    const compact = id.replace(/[\s-]/g, '');
    const m = /^(?:SE)?(\d{10})(?:01)?$/i.exec(compact);
    if (m?.[1] !== undefined) return m[1];
  }
  return undefined;
}

/** The agent `uri` described in an RDF/JSON graph (an agent entry's metadata), or undefined. */
export function parsePublisherGraph(metadata: unknown, uri: string): Publisher | undefined {
  const rdf = parseRdfJson(metadata);
  if (!rdf.ok || !rdf.graph.has(uri)) return undefined;
  const v = Publisher.safeParse(buildPublisher(rdf.graph, uri));
  return v.success ? v.data : undefined;
}

/** Publishers from a Solr search over agents (`rdfType:foaf:Agent` or `resource:<uri>` lookups). */
export function parsePublishersFromSearch(json: unknown): { publishers: Publisher[]; skipped: Skipped[] } {
  const env = SearchEnvelope.safeParse(json);
  if (!env.success) return { publishers: [], skipped: [{ node: 'response', reason: `not a search response: ${firstIssue(env.error)}` }] };
  const skipped: Skipped[] = [];
  const publishers: Publisher[] = [];
  (env.data.resource?.children ?? []).forEach((child, i) => {
    const c = readChild(child, i, skipped);
    if (!c) return;
    const p = buildPublisher(c.graph, c.uri);
    p.entry = c.ref;
    const v = validPublisher(p, skipped);
    if (v) publishers.push(v);
  });
  return { publishers, skipped };
}

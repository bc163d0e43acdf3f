// The metadata quality score, aligned with the EU data portal's Metadata Quality Assessment (MQA):
// 5 dimensions, 23 indicators, 405 points, four bands. Pure: the record (and, when the user ran
// one, the link check's results) in, the score out.
//
// Honest by construction: an indicator that cannot be judged from what we have is "not checked"
// and counts neither for nor against. A list row has only the dataset node (ItemSummary), so its
// score covers the dataset-level indicators; the detail record (ItemDetail) covers everything
// except whether the links answer, which needs a link check. The score is always "points achieved
// of points checked"; the band is read from that share scaled to 405 and marked as an estimate
// until all 405 points were checked.
import type { Distribution, ItemDetail, ItemSummary, Licence } from '../dcat/types';
import { accessRightConcept, formatLabel, licenceFor } from '../dcat/vocab';
import { pickList } from '../dcat/text';
import { isFromFormatVocabulary, isMachineReadable, isMediaType, isNonProprietary } from './formats';
import type { LinkStatus } from './linkcheck';

export const DIMENSIONS = ['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const INDICATORS = [
  { id: 'keywords', dimension: 'findability', points: 30 },
  { id: 'themes', dimension: 'findability', points: 30 },
  { id: 'spatial', dimension: 'findability', points: 20 },
  { id: 'temporal', dimension: 'findability', points: 20 },
  { id: 'accessUrlAnswers', dimension: 'accessibility', points: 50 },
  { id: 'downloadUrlGiven', dimension: 'accessibility', points: 20 },
  { id: 'downloadUrlAnswers', dimension: 'accessibility', points: 30 },
  { id: 'format', dimension: 'interoperability', points: 20 },
  { id: 'mediaType', dimension: 'interoperability', points: 10 },
  { id: 'formatVocabulary', dimension: 'interoperability', points: 10 },
  { id: 'nonProprietary', dimension: 'interoperability', points: 20 },
  { id: 'machineReadable', dimension: 'interoperability', points: 20 },
  { id: 'dcatAp', dimension: 'interoperability', points: 30 },
  { id: 'licence', dimension: 'reusability', points: 20 },
  { id: 'licenceVocabulary', dimension: 'reusability', points: 10 },
  { id: 'accessRights', dimension: 'reusability', points: 10 },
  { id: 'accessRightsVocabulary', dimension: 'reusability', points: 5 },
  { id: 'contactPoint', dimension: 'reusability', points: 20 },
  { id: 'publisher', dimension: 'reusability', points: 10 },
  { id: 'rights', dimension: 'contextuality', points: 5 },
  { id: 'byteSize', dimension: 'contextuality', points: 5 },
  { id: 'issued', dimension: 'contextuality', points: 5 },
  { id: 'modified', dimension: 'contextuality', points: 5 },
] as const satisfies ReadonlyArray<{ id: string; dimension: Dimension; points: number }>;

export type IndicatorId = (typeof INDICATORS)[number]['id'];
export const MAX_SCORE = 405;

export const BANDS = ['excellent', 'good', 'sufficient', 'bad'] as const;
export type Band = (typeof BANDS)[number];

/** MQA bands: Excellent 351–405, Good 221–350, Sufficient 121–220, Bad 0–120. */
export function bandOf(points: number): Band {
  if (points >= 351) return 'excellent';
  if (points >= 221) return 'good';
  if (points >= 121) return 'sufficient';
  return 'bad';
}

/** Why an indicator was not judged: the list row lacks the data, or the links were not checked yet. */
export type NotChecked = 'needs-detail' | 'needs-link-check';

/** Something missing or wrong, to be said in plain words (lib/quality/text.ts). */
export interface Gap {
  key: IndicatorId | 'noDistributions';
  /** Distribution-level: on how many of how many distributions. */
  n?: number;
  total?: number;
  /** Concrete values: proprietary formats, HTTP status codes, missing DCAT-AP fields. */
  values?: string[];
}

export interface IndicatorResult {
  id: IndicatorId;
  dimension: Dimension;
  max: number;
  checked: boolean;
  /** Points earned; 0 when not checked. */
  points: number;
  notChecked?: NotChecked;
  /** Distribution-level indicators: distributions meeting it, of how many. */
  met?: number;
  of?: number;
}

export interface DimensionScore {
  achieved: number;
  checkable: number;
  max: number;
}

export interface QualityScore {
  /** What the score was computed from: a list row (dataset node only) or the full record. */
  basis: 'summary' | 'detail';
  achieved: number;
  /** Points of the indicators that could be judged. */
  checkable: number;
  max: typeof MAX_SCORE;
  /** achieved / checkable, 0..1 (0 when nothing could be checked). */
  ratio: number;
  /** The share scaled to 405 points; equals `achieved` once everything was checked. */
  projected: number;
  band: Band;
  /** Every indicator was checked: the band is the MQA band, not an estimate. */
  complete: boolean;
  /** The band if every unchecked indicator failed (low) or passed (high). */
  bandRange: { low: Band; high: Band };
  /** Whether link-check results were part of the score. */
  linksChecked: boolean;
  dimensions: Record<Dimension, DimensionScore>;
  indicators: IndicatorResult[];
  gaps: Gap[];
}

export type LinkResults = ReadonlyMap<string, LinkStatus> | Readonly<Record<string, LinkStatus>>;

export interface ScoreOptions {
  /** Results of a link check, by URL. Without them the two "answers" indicators are not checked. */
  links?: LinkResults;
}

function isDetail(item: ItemSummary | ItemDetail): item is ItemDetail {
  return 'distributions' in item && Array.isArray((item as ItemDetail).distributions);
}

function linkOf(links: LinkResults | undefined, url: string): LinkStatus | undefined {
  if (!links) return undefined;
  if (links instanceof Map) return links.get(url);
  return (links as Readonly<Record<string, LinkStatus>>)[url];
}

/** What a failing link shows as evidence in a gap: its HTTP status or the kind of failure. */
export function linkEvidence(s: LinkStatus): string {
  if (s.status !== undefined) return String(s.status);
  return s.error ?? 'error';
}

/** A licence is "from a vocabulary" when we recognise its URI (EU licence table, Creative Commons, ODC, SPDX). */
function licenceKnown(l: Licence): boolean {
  if (l.uri.trim() === '') return false;
  return licenceFor(l.uri).kind !== 'unknown';
}

function labelOf(d: Pick<Distribution, 'formatLabel' | 'format' | 'mediaType'>): string | undefined {
  return d.formatLabel ?? (d.format !== undefined ? formatLabel(d.format) : undefined) ?? (d.mediaType !== undefined ? formatLabel(d.mediaType) : undefined);
}

/**
 * The distributions scored. A data service has none: its endpoint URLs stand in as access URLs,
 * with the service's own licence and format, so an API is not scored as an empty dataset.
 */
export function scoredDistributions(item: ItemDetail): Distribution[] {
  if (item.distributions.length > 0 || item.kind !== 'dataservice' || item.endpointUrls.length === 0) return item.distributions;
  const licence = item.licences[0];
  return item.endpointUrls.map((url) => ({
    uri: url,
    title: {},
    description: {},
    accessUrl: url,
    downloadUrls: [],
    accessServiceUris: [],
    conformsTo: [],
    ...(item.formats[0] !== undefined && { formatLabel: item.formats[0] }),
    ...(licence && { licence }),
  }));
}

/** The URLs a link check of this item asks about: each distribution's access URL and download URLs. */
export function linkTargets(item: ItemDetail, max = 60): string[] {
  const urls: string[] = [];
  for (const d of scoredDistributions(item)) {
    if (d.accessUrl) urls.push(d.accessUrl);
    urls.push(...d.downloadUrls);
  }
  return [...new Set(urls.map((u) => u.trim()).filter((u) => u !== ''))].slice(0, max);
}

interface Builder {
  results: IndicatorResult[];
  gaps: Gap[];
}

function def(id: IndicatorId) {
  const d = INDICATORS.find((i) => i.id === id);
  if (!d) throw new Error(`unknown indicator ${id}`);
  return d;
}

function yes(b: Builder, id: IndicatorId, ok: boolean, gap?: Omit<Gap, 'key'>): void {
  const d = def(id);
  b.results.push({ id, dimension: d.dimension, max: d.points, checked: true, points: ok ? d.points : 0 });
  if (!ok) b.gaps.push({ key: id, ...gap });
}

/** Not met, and already said by another gap (no value → nothing taken from a vocabulary). */
function zero(b: Builder, id: IndicatorId): void {
  const d = def(id);
  b.results.push({ id, dimension: d.dimension, max: d.points, checked: true, points: 0 });
}

/** Distribution-level: points in proportion to the distributions that meet it. */
function share(b: Builder, id: IndicatorId, met: number, of: number, gap?: Omit<Gap, 'key'> | false): void {
  const d = def(id);
  const points = of === 0 ? 0 : Math.round((d.points * met) / of);
  b.results.push({ id, dimension: d.dimension, max: d.points, checked: true, points, met, of });
  if (gap !== false && met < of) b.gaps.push({ key: id, n: of - met, total: of, ...gap });
}

function skip(b: Builder, id: IndicatorId, why: NotChecked): void {
  const d = def(id);
  b.results.push({ id, dimension: d.dimension, max: d.points, checked: false, points: 0, notChecked: why });
}

function hasKeywords(item: ItemSummary): boolean {
  return pickList(item.keywords, 'sv').length > 0 || pickList(item.keywords, 'en').length > 0;
}

function datasetLevel(b: Builder, item: ItemSummary): void {
  yes(b, 'keywords', hasKeywords(item));
  yes(b, 'themes', item.themes.length > 0);
  const ar = item.accessRights;
  yes(b, 'accessRights', ar !== undefined);
  // Without access rights there is nothing to take from a vocabulary; one gap says it.
  if (ar) yes(b, 'accessRightsVocabulary', accessRightConcept(ar.uri).known, { values: [ar.uri] });
  else zero(b, 'accessRightsVocabulary');
  yes(b, 'publisher', item.publisherUri !== undefined && item.publisherUri.trim() !== '');
  yes(b, 'issued', Boolean(item.issued?.trim()));
  yes(b, 'modified', Boolean(item.modified?.trim()));
}

function summaryScore(b: Builder, item: ItemSummary): void {
  datasetLevel(b, item);
  for (const id of ['spatial', 'temporal', 'downloadUrlGiven', 'mediaType', 'formatVocabulary', 'dcatAp', 'contactPoint', 'rights', 'byteSize'] as const) {
    skip(b, id, 'needs-detail');
  }
  skip(b, 'accessUrlAnswers', 'needs-detail');
  skip(b, 'downloadUrlAnswers', 'needs-detail');
  // EntryScape copies the distributions' licences and formats up to the dataset node, so the row
  // can judge them for the dataset as a whole (the detail view judges each distribution).
  yes(b, 'licence', item.licences.length > 0);
  if (item.licences.length > 0) {
    const unknown = item.licences.filter((l) => !licenceKnown(l));
    yes(b, 'licenceVocabulary', unknown.length === 0, { values: unknown.map((l) => l.uri || l.label.any || '?') });
  } else zero(b, 'licenceVocabulary');
  const formats = item.formats;
  yes(b, 'format', formats.length > 0);
  if (formats.length > 0) {
    const prop = formats.filter((f) => !isNonProprietary(f));
    share(b, 'nonProprietary', formats.length - prop.length, formats.length, false);
    if (prop.length) b.gaps.push({ key: 'nonProprietary', values: prop });
    const notMr = formats.filter((f) => !isMachineReadable(f));
    share(b, 'machineReadable', formats.length - notMr.length, formats.length, false);
    if (notMr.length) b.gaps.push({ key: 'machineReadable', values: notMr });
  } else {
    zero(b, 'nonProprietary');
    zero(b, 'machineReadable');
  }
}

/** Fields DCAT-AP (and DCAT-AP-SE) make mandatory that we can see; an approximation of the MQA's SHACL validation. */
export function dcatApViolations(item: ItemDetail, dists: readonly Distribution[]): string[] {
  const out: string[] = [];
  const hasText = (t: { sv?: string; en?: string; any?: string }) => [t.sv, t.en, t.any].some((v) => v !== undefined && v.trim() !== '');
  if (!hasText(item.title)) out.push('title');
  if (!hasText(item.description)) out.push('description');
  if (!item.publisherUri && !item.publisher) out.push('publisher');
  if (dists.some((d) => !d.accessUrl)) out.push('accessURL');
  if (item.skipped.length > 0) out.push('invalid');
  return out;
}

function detailScore(b: Builder, item: ItemDetail, links: LinkResults | undefined): void {
  datasetLevel(b, item);
  yes(b, 'spatial', item.spatial.length > 0);
  yes(b, 'temporal', item.temporal.length > 0);
  yes(b, 'contactPoint', item.contactPoints.length > 0);
  const violations = dcatApViolations(item, scoredDistributions(item));
  yes(b, 'dcatAp', violations.length === 0, { values: violations });

  const dists = scoredDistributions(item);
  const n = dists.length;
  if (n === 0) {
    b.gaps.push({ key: 'noDistributions' });
    for (const id of ['accessUrlAnswers', 'downloadUrlGiven', 'downloadUrlAnswers', 'format', 'mediaType', 'formatVocabulary', 'nonProprietary', 'machineReadable', 'licence', 'licenceVocabulary', 'rights', 'byteSize'] as const) {
      share(b, id, 0, 0, false);
    }
    return;
  }
  const count = (p: (d: Distribution) => boolean) => dists.filter(p).length;

  // Accessibility: do the links answer? Judged only with a result for every URL.
  const accessUrls = dists.flatMap((d) => (d.accessUrl ? [d.accessUrl] : []));
  if (links && accessUrls.every((u) => linkOf(links, u) !== undefined)) {
    const failed = dists.filter((d) => !d.accessUrl || !linkOf(links, d.accessUrl)?.ok);
    const evidence = failed.flatMap((d) => (d.accessUrl ? [linkEvidence(linkOf(links, d.accessUrl) as LinkStatus)] : []));
    share(b, 'accessUrlAnswers', n - failed.length, n, { values: [...new Set(evidence)] });
  } else skip(b, 'accessUrlAnswers', 'needs-link-check');
  const withDownload = dists.filter((d) => d.downloadUrls.length > 0);
  share(b, 'downloadUrlGiven', withDownload.length, n);
  const downloadUrls = withDownload.flatMap((d) => d.downloadUrls);
  if (withDownload.length === 0) share(b, 'downloadUrlAnswers', 0, 0, false);
  else if (links && downloadUrls.every((u) => linkOf(links, u) !== undefined)) {
    const failed = withDownload.filter((d) => d.downloadUrls.some((u) => !linkOf(links, u)?.ok));
    const evidence = failed.flatMap((d) => d.downloadUrls.map((u) => linkOf(links, u) as LinkStatus).filter((s) => !s.ok).map(linkEvidence));
    share(b, 'downloadUrlAnswers', withDownload.length - failed.length, withDownload.length, { values: [...new Set(evidence)] });
  } else skip(b, 'downloadUrlAnswers', 'needs-link-check');

  // Interoperability.
  const stated = (d: Distribution) => Boolean(d.format?.trim() || d.mediaType?.trim());
  share(b, 'format', count(stated), n);
  share(b, 'mediaType', count((d) => isMediaType(d.mediaType) || isMediaType(d.format)), n);
  const fromVocab = (d: Distribution) => isFromFormatVocabulary(d.format) || isFromFormatVocabulary(d.mediaType);
  // Distributions with no format at all are already said under "format".
  const freeText = dists.filter((d) => stated(d) && !fromVocab(d));
  share(b, 'formatVocabulary', count(fromVocab), n, false);
  if (freeText.length) b.gaps.push({ key: 'formatVocabulary', n: freeText.length, total: n, values: [...new Set(freeText.map((d) => (d.format ?? d.mediaType ?? '').trim()))] });
  const labels = dists.map(labelOf);
  const prop = labels.filter((l): l is string => l !== undefined && !isNonProprietary(l));
  share(b, 'nonProprietary', labels.filter(isNonProprietary).length, n, false);
  if (prop.length) b.gaps.push({ key: 'nonProprietary', n: prop.length, total: n, values: [...new Set(prop)] });
  const notMr = labels.filter((l): l is string => l !== undefined && !isMachineReadable(l));
  share(b, 'machineReadable', labels.filter(isMachineReadable).length, n, false);
  if (notMr.length) b.gaps.push({ key: 'machineReadable', n: notMr.length, total: n, values: [...new Set(notMr)] });

  // Reusability: licences on the distributions (where DCAT-AP puts them).
  share(b, 'licence', count((d) => d.licence !== undefined), n);
  const unknown = dists.filter((d) => d.licence !== undefined && !licenceKnown(d.licence));
  share(b, 'licenceVocabulary', count((d) => d.licence !== undefined && licenceKnown(d.licence)), n, false);
  if (unknown.length) {
    b.gaps.push({ key: 'licenceVocabulary', n: unknown.length, total: n, values: [...new Set(unknown.map((d) => d.licence?.uri || d.licence?.label.any || '?'))] });
  }

  // Contextuality.
  share(b, 'rights', count((d) => Boolean(d.rights)), n);
  share(b, 'byteSize', count((d) => d.byteSize !== undefined), n);
}

/** Scores a list row (ItemSummary) or a full record (ItemDetail). */
export function scoreItem(item: ItemSummary | ItemDetail, options: ScoreOptions = {}): QualityScore {
  const b: Builder = { results: [], gaps: [] };
  const detail = isDetail(item);
  if (detail) detailScore(b, item, options.links);
  else summaryScore(b, item);
  // Report in the MQA's order, whatever order they were computed in.
  const order = new Map(INDICATORS.map((d, i) => [d.id as IndicatorId, i]));
  const indicators = b.results.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  const gapOrder = (g: Gap) => (g.key === 'noDistributions' ? -1 : order.get(g.key) ?? 0);
  const gaps = b.gaps.sort((x, y) => gapOrder(x) - gapOrder(y));

  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, { achieved: 0, checkable: 0, max: 0 }])) as Record<Dimension, DimensionScore>;
  let achieved = 0;
  let checkable = 0;
  for (const r of indicators) {
    const dim = dimensions[r.dimension];
    dim.max += r.max;
    if (!r.checked) continue;
    dim.achieved += r.points;
    dim.checkable += r.max;
    achieved += r.points;
    checkable += r.max;
  }
  const ratio = checkable === 0 ? 0 : achieved / checkable;
  const projected = checkable === MAX_SCORE ? achieved : Math.round(ratio * MAX_SCORE);
  const linksChecked = indicators.some((r) => (r.id === 'accessUrlAnswers' || r.id === 'downloadUrlAnswers') && r.checked && (r.of ?? 0) > 0);
  return {
    basis: detail ? 'detail' : 'summary',
    achieved,
    checkable,
    max: MAX_SCORE,
    ratio,
    projected,
    band: bandOf(projected),
    complete: checkable === MAX_SCORE,
    bandRange: { low: bandOf(achieved), high: bandOf(achieved + MAX_SCORE - checkable) },
    linksChecked,
    dimensions,
    indicators,
    gaps,
  };
}

/** Worst first: lowest share of checked points first; ties by fewer checked points (less known), then key. */
export function compareWorstFirst(a: QualityScore, b: QualityScore): number {
  return a.ratio - b.ratio || a.achieved - b.achieved;
}

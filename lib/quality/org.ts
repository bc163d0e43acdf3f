// An organisation's data health: the score of each of its datasets summed up — how many fall in
// each band, how many are openly licensed (and CC0), have a contact point, are up to date, and the
// gaps most datasets share. Works on list rows (contact point then unknown), full records, or a mix.
import type { ItemDetail, ItemSummary } from '../dcat/types';
import { itemFreshness } from './freshness';
import { BANDS, scoreItem, type Band, type Gap, type QualityScore, type ScoreOptions } from './score';

export interface ScoredItem {
  item: ItemSummary | ItemDetail;
  score: QualityScore;
}

export interface CommonGap {
  key: Gap['key'];
  /** Datasets with this gap. */
  count: number;
}

export interface OrgHealth {
  /** Datasets counted. */
  total: number;
  /** What the scores were computed from. */
  basis: 'summary' | 'detail' | 'mixed';
  bands: Record<Band, number>;
  /** How many bands are estimates (not every indicator checked). */
  estimated: number;
  /** Mean share of checked points, 0..1. */
  averageRatio: number;
  /** Every stated licence is open (CC0, CC BY, …) and there is at least one. */
  openLicence: number;
  /** Every stated licence is CC0 or another public-domain dedication. */
  cc0: number;
  noLicence: number;
  /** Contact points can only be counted on full records: `of` says on how many. */
  withContact: { n: number; of: number };
  upToDate: number;
  overdue: number;
  /** No date, or a frequency (irregular, continuous, none) that cannot be judged. */
  freshnessUnknown: number;
  /** The gaps most datasets share, most common first. */
  commonGaps: CommonGap[];
}

function isDetail(item: ItemSummary | ItemDetail): item is ItemDetail {
  return 'distributions' in item && Array.isArray((item as ItemDetail).distributions);
}

export function scoreAll(items: ReadonlyArray<ItemSummary | ItemDetail>, options: (item: ItemSummary | ItemDetail) => ScoreOptions = () => ({})): ScoredItem[] {
  return items.map((item) => ({ item, score: scoreItem(item, options(item)) }));
}

export function orgHealth(rows: readonly ScoredItem[], now: number, maxGaps = 5): OrgHealth {
  const bands = Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
  const gaps = new Map<Gap['key'], number>();
  let details = 0;
  let contact = 0;
  let ratioSum = 0;
  const h = { openLicence: 0, cc0: 0, noLicence: 0, upToDate: 0, overdue: 0, freshnessUnknown: 0, estimated: 0 };
  for (const { item, score } of rows) {
    bands[score.band] += 1;
    if (!score.complete) h.estimated += 1;
    ratioSum += score.ratio;
    const kinds = item.licences.map((l) => l.kind);
    if (kinds.length === 0) h.noLicence += 1;
    else {
      if (kinds.every((k) => k === 'cc0' || k === 'open')) h.openLicence += 1;
      if (kinds.every((k) => k === 'cc0')) h.cc0 += 1;
    }
    if (isDetail(item)) {
      details += 1;
      if (item.contactPoints.length > 0) contact += 1;
    }
    const f = itemFreshness(item, now);
    if (f.state === 'ok') h.upToDate += 1;
    else if (f.state === 'overdue') h.overdue += 1;
    else h.freshnessUnknown += 1;
    for (const key of new Set(score.gaps.map((g) => g.key))) gaps.set(key, (gaps.get(key) ?? 0) + 1);
  }
  const commonGaps = [...gaps.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)))
    .slice(0, maxGaps);
  return {
    total: rows.length,
    basis: details === 0 ? 'summary' : details === rows.length ? 'detail' : 'mixed',
    bands,
    estimated: h.estimated,
    averageRatio: rows.length === 0 ? 0 : ratioSum / rows.length,
    openLicence: h.openLicence,
    cc0: h.cc0,
    noLicence: h.noLicence,
    withContact: { n: contact, of: details },
    upToDate: h.upToDate,
    overdue: h.overdue,
    freshnessUnknown: h.freshnessUnknown,
    commonGaps,
  };
}

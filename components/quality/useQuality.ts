// Scores of an organisation's loaded list rows, the health summary over them, and the
// "worst first" order, computed once per list (OrgData uses these; scoring is pure and cheap).
import { useMemo } from 'preact/hooks';
import type { ItemSummary } from '../../lib/dcat/types';
import { orgHealth, type OrgHealth } from '../../lib/quality/org';
import { compareWorstFirst, scoreItem, type QualityScore } from '../../lib/quality/score';

export interface ListQuality {
  scores: Map<ItemSummary, QualityScore>;
  health: OrgHealth;
  /** The items, worst quality first (stable for equal scores). */
  worstFirst(items: readonly ItemSummary[]): ItemSummary[];
}

export function useListQuality(items: readonly ItemSummary[], now: number): ListQuality {
  return useMemo(() => {
    const scores = new Map(items.map((i) => [i, scoreItem(i)]));
    const health = orgHealth(items.map((item) => ({ item, score: scores.get(item) as QualityScore })), now);
    const worstFirst = (list: readonly ItemSummary[]) =>
      list
        .map((item, i) => ({ item, i, s: scores.get(item) ?? scoreItem(item) }))
        .sort((a, b) => compareWorstFirst(a.s, b.s) || a.i - b.i)
        .map((x) => x.item);
    return { scores, health, worstFirst };
    // `now` moves every render; the day it falls on is what matters for freshness.
  }, [items, Math.floor(now / 86_400_000)]);
}

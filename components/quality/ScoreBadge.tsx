// The score on a list row: band and share of checked points, marked "≈" while it is an estimate.
// Carries its meaning in text (band name), not only in colour.
import { useI18n } from '../common/i18n';
import type { Band, QualityScore } from '../../lib/quality/score';
import { bandName } from '../../lib/quality/text';

/** Badge colours reuse the licence badges' tested-contrast pairs. */
export const BAND_CLASS: Record<Band, string> = { excellent: 'cc0', good: 'open', sufficient: 'warn', bad: 'restrictive' };

export function ScoreBadge({ score }: { score: QualityScore }) {
  const { t, lang } = useI18n();
  const pct = Math.round(score.ratio * 100);
  const band = bandName(lang, score.band);
  const text = score.complete ? t('scoreBadge', { band, pct }) : t('scoreBadgeEstimated', { band, pct });
  const title = score.basis === 'summary' ? t('scoreRowTitle', { achieved: score.achieved, checkable: score.checkable }) : undefined;
  return (
    <span class={`badge ${BAND_CLASS[score.band]}`} data-testid="score" data-band={score.band} data-ratio={score.ratio.toFixed(3)} title={title}>
      {text}
    </span>
  );
}

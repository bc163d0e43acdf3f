import { useI18n } from '../common/i18n';
import { pickText } from '../../lib/dcat/text';
import { freshness } from '../../lib/quality/freshness';
import { isoDate } from '../../lib/i18n';
import type { Frequency } from '../../lib/dcat/types';

/** "Updated yearly, last 2025-03-02" plus an "overdue" mark when the promise is broken. */
export function FreshnessLine({ modified, frequency, now }: { modified?: string; frequency?: Frequency; now: number }) {
  const { t, lang } = useI18n();
  const f = freshness(modified, frequency, now);
  const freq = frequency ? pickText(frequency.label, lang)?.toLowerCase() : undefined;
  const date = isoDate(modified);
  const text =
    freq && date ? t('updatedFreqLast', { freq, date }) : date ? t('updatedLast', { date }) : freq ? t('updatedFreq', { freq }) : undefined;
  return (
    <>
      {text && <span class="muted">{text}</span>}
      {f.state === 'overdue' && (
        <span class="badge warn" data-testid="overdue" title={t('overdueBy', { n: f.overdueMonths })}>
          {f.overdueMonths >= 1 ? t('overdueBy', { n: f.overdueMonths }) : t('overdue')}
        </span>
      )}
    </>
  );
}

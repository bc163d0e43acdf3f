// An organisation's data health above its list: bands, open licences, CC0, up to date, contact
// points (said to be unknown when only list rows are loaded), and the most common gaps.
import { useI18n } from '../common/i18n';
import type { OrgHealth } from '../../lib/quality/org';
import { BANDS } from '../../lib/quality/score';
import { bandName, gapText } from '../../lib/quality/text';
import { BAND_CLASS } from './ScoreBadge';

export function OrgHealthSummary({ health }: { health: OrgHealth }) {
  const { t, lang } = useI18n();
  if (health.total === 0) return null;
  const total = health.total;
  return (
    <details class="card small" data-testid="health">
      <summary>
        <strong>{t('healthTitle')}</strong>{' '}
        {BANDS.filter((b) => health.bands[b] > 0).map((b) => (
          <span key={b} class={`badge ${BAND_CLASS[b]}`} data-band={b} style={{ marginRight: '0.25rem' }}>
            {bandName(lang, b)} {health.bands[b]}
          </span>
        ))}
      </summary>
      {health.basis !== 'detail' && <p class="muted">{t('healthBasis', { n: total })}</p>}
      <ul>
        <li data-testid="health-open">{t('healthOpen', { n: health.openLicence, total })}</li>
        <li data-testid="health-cc0">{t('healthCc0', { n: health.cc0, total })}</li>
        <li data-testid="health-fresh">{t('healthUpToDate', { n: health.upToDate, total, overdue: health.overdue })}</li>
        <li data-testid="health-contact">
          {health.withContact.of > 0 ? t('healthContact', { n: health.withContact.n, total: health.withContact.of }) : t('healthContactUnknown')}
        </li>
      </ul>
      {health.commonGaps.length > 0 && (
        <>
          <p>
            <strong>{t('healthCommonGaps')}</strong>
          </p>
          <ul data-testid="health-gaps">
            {health.commonGaps.map((g) => (
              <li key={g.key}>{t('healthGapCount', { what: gapText(lang, { key: g.key }), n: g.count })}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

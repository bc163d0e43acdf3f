import { useI18n } from '../common/i18n';
import { SafeLink } from '../common/SafeLink';
import { pickText } from '../../lib/dcat/text';
import { formatOrgNumber, type StringKey } from '../../lib/i18n';
import { renderReason } from '../../lib/detect/reasons';
import type { Resolution } from '../../lib/detect/resolve';
import type { Publisher } from '../../lib/dcat/types';
import { organisationPortalUrl } from '../../lib/registry/portal';

const TYPE_KEY: Record<string, StringKey> = {
  agency: 'orgTypeAgency',
  municipality: 'orgTypeMunicipality',
  region: 'orgTypeRegion',
  'other-public': 'orgTypeOtherPublic',
  unknown: 'orgTypeUnknown',
};
const CONFIDENCE_KEY: Record<string, StringKey> = { high: 'confidenceHigh', medium: 'confidenceMedium', low: 'confidenceLow' };

interface Props {
  resolution: Resolution;
  publisher?: Publisher;
  host: string;
  onWrong: () => void;
  onPause: () => void;
  /** "A dataset is missing": opens the report form addressed to the organisation. */
  onReportMissing?: () => void;
}

export function OrgHeader({ resolution, publisher, host, onWrong, onPause, onReportMissing }: Props) {
  const { t, lang } = useI18n();
  const org = resolution.org;
  const name = pickText(publisher?.name, lang) ?? pickText(org?.name, lang) ?? formatOrgNumber(org?.orgNumber) ?? '';
  const orgNumber = formatOrgNumber(publisher?.orgNumber ?? org?.orgNumber);
  const portal = publisher ? organisationPortalUrl(publisher, lang) : undefined;
  return (
    <section aria-labelledby="org-name" data-testid="org-header">
      <h2 id="org-name" data-testid="org-name">
        {name}
      </h2>
      <p class="small muted">
        {t(TYPE_KEY[org?.type ?? 'unknown'] ?? 'orgTypeUnknown')}
        {orgNumber && (
          <>
            {' · '}
            {t('orgNumberLabel')} <span data-testid="org-number">{orgNumber}</span>
          </>
        )}
        {' · '}
        {t(CONFIDENCE_KEY[resolution.confidence] ?? 'confidenceLow')}
      </p>
      <details>
        <summary>{t('whyMatched')}</summary>
        <ul class="small" data-testid="reasons">
          {resolution.reasons.map((r, i) => (
            <li key={i}>{renderReason(r, lang)}</li>
          ))}
        </ul>
        {resolution.conflicts.length > 0 && (
          <>
            <p class="small muted">{t('conflictsLabel')}</p>
            <ul class="small">
              {resolution.conflicts.map((r, i) => (
                <li key={i}>{renderReason(r, lang)}</li>
              ))}
            </ul>
          </>
        )}
      </details>
      <p class="toolbar small">
        <button type="button" class="link" onClick={onWrong}>
          {t('wrongOrg')}
        </button>
        {portal && <SafeLink href={portal}>{t('openOrgOnPortal')}</SafeLink>}
        {onReportMissing && (
          <button type="button" class="link" onClick={onReportMissing} data-testid="report-missing">
            {t('reportMissingDataset')}
          </button>
        )}
        <button type="button" class="link" onClick={onPause}>
          {t('pauseHere', { host })}
        </button>
      </p>
    </section>
  );
}

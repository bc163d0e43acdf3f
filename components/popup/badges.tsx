// Small labelled markers used in list rows and the detail view. Each carries its meaning in
// text, not only in colour.
import { useI18n } from '../common/i18n';
import { pickText } from '../../lib/dcat/text';
import type { Concept, Licence } from '../../lib/dcat/types';

export function LicenceBadge({ licences }: { licences: Licence[] }) {
  const { t, lang } = useI18n();
  if (licences.length === 0) {
    return <span class="badge missing" data-licence="missing">{t('licenceMissing')}</span>;
  }
  // The least open licence decides the badge: a dataset is only as reusable as its strictest part.
  const order = ['restrictive', 'unknown', 'open', 'cc0'] as const;
  const worst = order.find((k) => licences.some((l) => l.kind === k)) ?? 'unknown';
  const named = licences.find((l) => l.kind === worst);
  const label =
    worst === 'cc0' ? t('licenceCc0') : worst === 'open' ? pickText(named?.label, lang) ?? t('licenceOpen') : worst === 'restrictive' ? t('licenceRestrictive') : t('licenceUnknown');
  return (
    <span class={`badge ${worst}`} data-licence={worst} title={licences.map((l) => pickText(l.label, lang) ?? l.uri).join(', ')}>
      {label}
    </span>
  );
}

export function AccessBadge({ access }: { access?: Concept }) {
  const { t } = useI18n();
  if (!access) return null;
  const code = access.uri.split('/').pop()?.toUpperCase();
  if (code === 'PUBLIC') return <span class="badge cc0">{t('accessPublic')}</span>;
  if (code === 'RESTRICTED') return <span class="badge warn">{t('accessRestricted')}</span>;
  if (code === 'NON_PUBLIC') return <span class="badge restrictive">{t('accessNonPublic')}</span>;
  return null;
}

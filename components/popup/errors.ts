import type { Translate } from '../../lib/i18n';

/** One sentence per failure class, for notices. */
export function errorText(t: Translate, kind: string | undefined): string {
  if (kind === 'offline' || kind === 'timeout') return t('offlineNoData');
  if (kind === 'rate-limited') return t('rateLimited');
  return t('registryError', { kind: kind ?? 'internal' });
}

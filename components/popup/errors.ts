import type { Translate } from '../../lib/i18n';

/** One sentence per failure class, for notices. Internal kind names never reach the user. */
export function errorText(t: Translate, kind: string | undefined): string {
  if (kind === 'offline' || kind === 'timeout') return t('offlineNoData');
  if (kind === 'rate-limited') return t('rateLimited');
  if (kind === 'malformed') return t('registryMalformed');
  if (kind === 'server') return t('registryServer');
  if (kind === 'storage-full') return t('storageFull');
  if (kind === 'storage-unavailable') return t('storageUnavailable');
  return t('registryError', { kind: kind ?? 'internal' });
}

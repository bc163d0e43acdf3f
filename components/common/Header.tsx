import { useI18n } from './i18n';

export function Header({ onOptions }: { onOptions?: () => void }) {
  const { t } = useI18n();
  return (
    <header class="app-header">
      <img src="/icon/32.png" width={20} height={20} alt="" />
      <div class="app-title">
        <h1>{t('appName')}</h1>
        <p class="muted small">{t('tagline')}</p>
      </div>
      {onOptions && (
        <button type="button" class="icon-button" onClick={onOptions} aria-label={t('openOptions')} title={t('openOptions')}>
          ⚙
        </button>
      )}
    </header>
  );
}

import { I18nProvider, useI18n } from '../common/i18n';
import type { Lang } from '../../lib/i18n';
import type { Target } from '../../lib/ext/tabs';
import { pageKind } from '../../lib/ext/page-kind';
import { Header } from '../common/Header';

export function PopupApp({ lang, target }: { lang: Lang; target: Target }) {
  return (
    <I18nProvider lang={lang}>
      <div class="popup">
        <Header />
        <main id="main">
          <PopupBody target={target} />
        </main>
      </div>
    </I18nProvider>
  );
}

function PopupBody({ target }: { target: Target }) {
  const { t } = useI18n();
  const kind = pageKind(target.url);
  if (kind.kind !== 'web') {
    return (
      <p class="notice" role="status">
        {t('notWebPage')}
      </p>
    );
  }
  return (
    <section aria-labelledby="site-label">
      <p>
        <span id="site-label" class="muted">
          {t('siteLabel')}:
        </span>{' '}
        <strong data-testid="site-host">{kind.host}</strong>
      </p>
    </section>
  );
}

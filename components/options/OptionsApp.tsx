import { useState } from 'preact/hooks';
import { I18nProvider, useI18n } from '../common/i18n';
import { resolveLang, type LangPref } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { Header } from '../common/Header';

interface Props {
  initial: Settings;
  uiLanguage: string;
  save: (s: Settings) => Promise<void>;
}

export function OptionsApp({ initial, uiLanguage, save }: Props) {
  const [settings, setSettings] = useState(initial);
  const lang = resolveLang(settings.lang, uiLanguage);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;

  const update = async (next: Settings) => {
    setSettings(next);
    await save(next);
  };

  return (
    <I18nProvider lang={lang}>
      <div class="options">
        <Header />
        <main id="main">
          <LanguageSection settings={settings} onChange={update} />
          <PrivacySection />
        </main>
      </div>
    </I18nProvider>
  );
}

function LanguageSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  return (
    <section class="card" aria-labelledby="lang-h">
      <h2 id="lang-h">{t('languageLabel')}</h2>
      <label for="lang-select" class="visually-hidden">
        {t('languageLabel')}
      </label>
      <select
        id="lang-select"
        value={settings.lang}
        onChange={(e) => {
          onChange({ ...settings, lang: (e.currentTarget as HTMLSelectElement).value as LangPref });
          setSaved(true);
        }}
      >
        <option value="auto">{t('languageAuto')}</option>
        <option value="sv">{t('languageSv')}</option>
        <option value="en">{t('languageEn')}</option>
      </select>
      <span role="status" class="muted small">
        {saved ? ` ${t('saved')}` : ''}
      </span>
    </section>
  );
}

function PrivacySection() {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="privacy-h">
      <h2 id="privacy-h">{t('privacyTitle')}</h2>
      <p>{t('privacySummary')}</p>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { I18nProvider, useI18n } from '../common/i18n';
import { Header } from '../common/Header';
import { Notice } from '../common/Notice';
import { formatBytes, resolveLang, type LangPref } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import type { ResponseOf } from '../../lib/messages';
import type { ReportApi } from '../report/api';
import { lazy } from '../common/lazy';

// The history (with the report model and its schemas) loads on its own.
const ReportHistory = lazy(() => import('../report/ReportHistory').then((m) => m.ReportHistory));

/** What the options page needs from the extension; the entrypoint wires the real APIs. */
export interface OptionsApi {
  save(s: Settings): Promise<void>;
  /** Asks the browser for an optional host permission; true when granted. */
  requestOrigin(originPattern: string): Promise<boolean>;
  removeOrigin(originPattern: string): Promise<void>;
  listCorrections(): Promise<ResponseOf<'list-corrections'>['items']>;
  clearCorrections(key?: string): Promise<void>;
  cacheStats(): Promise<{ entries: number; bytes: number }>;
  clearCache(): Promise<void>;
  /** Report history (export, import, statuses); absent in tests that do not need it. */
  reports?: ReportApi;
}

interface Props {
  initial: Settings;
  uiLanguage: string;
  api: OptionsApi;
}

export function OptionsApp({ initial, uiLanguage, api }: Props) {
  const [settings, setSettings] = useState(initial);
  const lang = resolveLang(settings.lang, uiLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const update = async (next: Settings) => {
    setSettings(next);
    await api.save(next);
  };

  return (
    <I18nProvider lang={lang}>
      <div class="options">
        <Header />
        <main id="main">
          <LanguageSection settings={settings} onChange={update} />
          <SitesSection settings={settings} onChange={update} api={api} />
          <CorrectionsSection api={api} />
          <CacheSection api={api} />
          <ReportsSection settings={settings} onChange={update} reports={api.reports} />
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

/** `https://www.1177.se/x` → `https://www.1177.se/*`; undefined when not an http(s) URL. */
export function originPattern(input: string): string | undefined {
  try {
    const u = new URL(input.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

function SitesSection({ settings, onChange, api }: { settings: Settings; onChange: (s: Settings) => void; api: OptionsApi }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async (e: Event) => {
    e.preventDefault();
    const pattern = originPattern(text);
    if (!pattern) return setError(t('addSiteInvalid'));
    if (!(await api.requestOrigin(pattern))) return setError(t('addSiteDenied'));
    setError(undefined);
    setText('');
    if (!settings.extraOrigins.includes(pattern)) onChange({ ...settings, extraOrigins: [...settings.extraOrigins, pattern] });
  };
  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">{t('sitesTitle')}</h2>
      <p class="small">{t('sitesIntro')}</p>
      <form onSubmit={add} class="toolbar">
        <label for="add-site" class="visually-hidden">
          {t('addSiteLabel')}
        </label>
        <input id="add-site" type="text" inputMode="url" value={text} placeholder={t('addSiteLabel')} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} style={{ flex: 1 }} aria-invalid={Boolean(error)} aria-describedby={error ? 'add-site-err' : undefined} />
        <button type="submit">{t('addSite')}</button>
      </form>
      {error && (
        <p id="add-site-err" role="alert" class="small">
          {error}
        </p>
      )}
      <ul data-testid="extra-sites">
        {settings.extraOrigins.length === 0 && <li class="muted small">{t('extraSitesNone')}</li>}
        {settings.extraOrigins.map((o) => (
          <li key={o}>
            {o}{' '}
            <button
              type="button"
              aria-label={`${t('remove')}: ${o}`}
              onClick={async () => {
                await api.removeOrigin(o);
                onChange({ ...settings, extraOrigins: settings.extraOrigins.filter((x) => x !== o) });
              }}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('pausedTitle')}</h3>
      <ul data-testid="paused-sites">
        {settings.pausedHosts.length === 0 && <li class="muted small">{t('pausedNone')}</li>}
        {settings.pausedHosts.map((h) => (
          <li key={h}>
            {h}{' '}
            <button type="button" aria-label={`${t('resume')}: ${h}`} onClick={() => onChange({ ...settings, pausedHosts: settings.pausedHosts.filter((x) => x !== h) })}>
              {t('resume')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CorrectionsSection({ api }: { api: OptionsApi }) {
  const { t } = useI18n();
  const [items, setItems] = useState<ResponseOf<'list-corrections'>['items'] | undefined>();
  const [error, setError] = useState(false);
  const load = () =>
    api
      .listCorrections()
      .then(setItems)
      .catch(() => setError(true));
  useEffect(() => void load(), []);
  return (
    <section class="card" aria-labelledby="corr-h">
      <h2 id="corr-h">{t('correctionsTitle')}</h2>
      <p class="small">{t('correctionsIntro')}</p>
      {error && <Notice tone="error">{t('registryError', { kind: 'internal' })}</Notice>}
      {items && items.length === 0 && <p class="muted small">{t('correctionsNone')}</p>}
      {items && items.length > 0 && (
        <>
          <ul data-testid="corrections">
            {items.map((c) => (
              <li key={c.key}>
                <strong>{c.key}</strong> → {c.correction.kind === 'org' ? c.correction.name ?? c.correction.publisherUri : t('correctionNotPublic')}{' '}
                <button
                  type="button"
                  aria-label={`${t('remove')}: ${c.key}`}
                  onClick={async () => {
                    await api.clearCorrections(c.key);
                    await load();
                  }}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={async () => {
              await api.clearCorrections();
              await load();
            }}
          >
            {t('clearAll')}
          </button>
        </>
      )}
    </section>
  );
}

function CacheSection({ api }: { api: OptionsApi }) {
  const { t, lang } = useI18n();
  const [stats, setStats] = useState<{ entries: number; bytes: number } | undefined>();
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    api.cacheStats().then(setStats, () => undefined);
  }, []);
  return (
    <section class="card" aria-labelledby="cache-h">
      <h2 id="cache-h">{t('cacheTitle')}</h2>
      {stats && <p data-testid="cache-stats">{t('cacheStats', { n: stats.entries, size: formatBytes(lang, stats.bytes) })}</p>}
      <button
        type="button"
        onClick={async () => {
          await api.clearCache();
          setStats(await api.cacheStats());
          setCleared(true);
        }}
      >
        {t('cacheClear')}
      </button>
      <span role="status" class="muted small">
        {cleared ? ` ${t('cacheCleared')}` : ''}
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

function ReportsSection({ settings, onChange, reports }: { settings: Settings; onChange: (s: Settings) => void; reports?: ReportApi }) {
  const { t } = useI18n();
  const [days, setDays] = useState(String(settings.reminderDays));
  const [saved, setSaved] = useState(false);
  const n = Number(days);
  const valid = /^\d{1,3}$/.test(days.trim()) && n <= 365;
  return (
    <section class="card" aria-labelledby="reports-opt-h">
      <h2 id="reports-opt-h">{t('reportsTitle')}</h2>
      <p>
        <label for="reminder-days">{t('reminderDaysLabel')}</label>{' '}
        <input
          id="reminder-days"
          type="number"
          min={0}
          max={365}
          value={days}
          aria-invalid={!valid}
          onInput={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            setDays(v);
            setSaved(false);
            if (/^\d{1,3}$/.test(v.trim()) && Number(v) <= 365) {
              onChange({ ...settings, reminderDays: Number(v) });
              setSaved(true);
            }
          }}
          style={{ width: '5rem' }}
        />
        <span role="status" class="muted small">
          {saved ? ` ${t('saved')}` : ''}
        </span>
      </p>
      {reports && <ReportHistory api={reports} />}
    </section>
  );
}

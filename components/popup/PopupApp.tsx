import { useEffect, useState } from 'preact/hooks';
import { I18nProvider, useI18n } from '../common/i18n';
import { Header } from '../common/Header';
import { Notice, Skeleton } from '../common/Notice';
import { formatOrgNumber, type Lang, type StringKey } from '../../lib/i18n';
import type { Target } from '../../lib/ext/tabs';
import type { TabState } from '../../lib/messages';
import type { PopupApi } from './api';
import { OrgHeader } from './OrgHeader';
import { OrgData } from './OrgData';
import { OrgPicker } from './OrgPicker';
import { errorText } from './errors';
import { EXTRA_PANELS, type PanelContext } from './panels';
import { Tabs } from '../common/Tabs';
import type { ComponentChildren } from 'preact';
import { lazy, preloadViews } from '../common/lazy';

// Not needed for the first content (they import the report model, with zod): separate chunks.
const OrgReport = lazy(() => import('../report/OrgReport').then((m) => m.OrgReport));
const ReminderNotice = lazy(() => import('../report/ReportHistory').then((m) => m.ReminderNotice));

/**
 * `firstTab`: the tab-state request, already on its way (entrypoints/popup/main.tsx sends it while
 * the language is read), so the first load does not wait for a render and an effect to ask.
 * `snapshot`: the background's last answer for this tab and URL (lib/tab-snapshot.ts), shown at
 * once; the real answer replaces it when it differs.
 */
export function PopupApp({ lang, target, api, firstTab, snapshot }: { lang: Lang; target: Target; api: PopupApi; firstTab?: Promise<TabState>; snapshot?: TabState }) {
  return (
    <I18nProvider lang={lang}>
      <div class="popup">
        <Header onOptions={api.openOptions} />
        <main id="main">
          <PopupBody target={target} api={api} firstTab={firstTab} snapshot={snapshot} />
        </main>
      </div>
    </I18nProvider>
  );
}

type Load = { state: 'loading' } | { state: 'ready'; tab: TabState } | { state: 'error'; kind: string };

/** Two answers that differ only in the cache's age show the same thing. */
function sameView(a: TabState, b: TabState): boolean {
  const key = (s: TabState) => JSON.stringify(s, (k, v: unknown) => (k === 'ageMs' ? undefined : v));
  return key(a) === key(b);
}

function PopupBody({ target, api, firstTab, snapshot }: { target: Target; api: PopupApi; firstTab?: Promise<TabState>; snapshot?: TabState }) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>(snapshot ? { state: 'ready', tab: snapshot } : { state: 'loading' });
  const [picking, setPicking] = useState(false);
  const [reportingOrg, setReportingOrg] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        let tab = await (version === 0 && firstTab ? firstTab : api.tabState({ tabId: target.tabId, url: target.url }));
        // Nothing known yet: run the detector on this page (activeTab) and ask again.
        if (tab.pageKind === 'web' && !tab.paused && !tab.signalsSeen && tab.resolution?.status === 'none') {
          tab = await api.tabState({ tabId: target.tabId, url: target.url, detect: true });
        }
        if (live && !(version === 0 && snapshot && sameView(tab, snapshot))) setLoad({ state: 'ready', tab });
      } catch (err) {
        // A snapshot on screen stays there; the error shows only when there is nothing else to show.
        if (live && !(version === 0 && snapshot)) setLoad({ state: 'error', kind: (err as { kind?: string }).kind ?? 'internal' });
      }
    })();
    return () => {
      live = false;
    };
  }, [target.tabId, target.url, version]);

  useEffect(() => {
    // The first content is up: fetch the other views' chunks while the user reads.
    if (load.state === 'ready') preloadViews();
  }, [load.state]);

  if (load.state === 'loading') return <Skeleton rows={3} label={t('loading')} />;
  if (load.state === 'error') {
    return (
      <Notice tone="error">
        {errorText(t, load.kind)} <button type="button" onClick={() => setVersion((v) => v + 1)}>{t('retry')}</button>
      </Notice>
    );
  }
  const tab = load.tab;
  if (tab.pageKind === 'not-web') return <Notice>{t('notWebPage')}</Notice>;

  const reload = () => {
    setPicking(false);
    setVersion((v) => v + 1);
  };
  if (tab.paused) {
    return (
      <Notice testid="paused">
        {t('pausedHere', { host: tab.host })}{' '}
        <button type="button" onClick={async () => { await api.setPaused(tab.host, false); reload(); }}>
          {t('resume')}
        </button>
      </Notice>
    );
  }
  const r = tab.resolution;
  const recognised = r && (r.status === 'matched' || r.status === 'public-unpublished') && r.org;

  if (picking || !recognised) {
    const picker = (
      <OrgPicker
        api={api}
        url={tab.url}
        host={tab.host}
        tabId={target.tabId}
        resolution={r}
        onDone={reload}
        onCancel={recognised ? () => setPicking(false) : undefined}
      />
    );
    // On a site Insyn does not recognise, "On this page" still works: the first tab asks who it is.
    return recognised ? picker : <PanelTabs ctx={{ api, tab, tabId: target.tabId }} data={picker} firstLabel="panelWho" />;
  }

  const ctx: PanelContext = { api, tab, tabId: target.tabId };
  const data = r.org?.publisherUri && r.org.hasPublished ? (
    // Keyed by what the list starts from too: when the worker's answer replaces the snapshot with a
    // first page that is there or not, stale or not, the list starts over from it (and revalidates).
    <OrgData
      key={`${r.org.publisherUri} ${tab.firstPage ? (tab.firstPage.cache.stale ? 'stale' : 'fresh') : 'none'}`}
      api={api}
      publisherUri={r.org.publisherUri}
      pageUrl={tab.url}
      initial={tab.firstPage}
    />
  ) : (
    <NoDatasets name={tab.publisher?.name ?? r.org?.name} orgNumber={r.org?.orgNumber} />
  );
  return (
    <>
      <OrgHeader
        resolution={r}
        publisher={tab.publisher}
        onWrong={() => setPicking(true)}
        onPause={async () => {
          await api.setPaused(tab.host, true);
          reload();
        }}
        host={tab.host}
        onReportMissing={tab.publisher ? () => setReportingOrg(true) : undefined}
      />
      <ReminderNotice api={api} />
      {reportingOrg && tab.publisher ? <OrgReport api={api} publisher={tab.publisher} pageUrl={tab.url} onClose={() => setReportingOrg(false)} /> : <PanelTabs ctx={ctx} data={data} />}
    </>
  );
}

function PanelTabs({ ctx, data, firstLabel = 'panelData' }: { ctx: PanelContext; data: ComponentChildren; firstLabel?: StringKey }) {
  const { t } = useI18n();
  const [active, setActive] = useState('data');
  const extra = EXTRA_PANELS.filter((p) => p.applies(ctx));
  const tabs = [{ id: 'data', label: t(firstLabel) }, ...extra.map((p) => ({ id: p.id, label: t(p.label) }))];
  const panel = extra.find((p) => p.id === active);
  return (
    <Tabs tabs={tabs} active={panel ? active : 'data'} onSelect={setActive}>
      {panel ? panel.render(ctx) : data}
    </Tabs>
  );
}

function NoDatasets({ name, orgNumber }: { name?: { sv?: string; en?: string; any?: string }; orgNumber?: string }) {
  const { t, lang } = useI18n();
  const display =
    (lang === 'sv' ? name?.sv ?? name?.en : name?.en ?? name?.sv) ??
    name?.any ??
    (orgNumber ? t('bodyWithOrgNumber', { orgnr: formatOrgNumber(orgNumber) ?? orgNumber }) : t('thisBody'));
  return (
    <section class="card" aria-labelledby="none-h" data-testid="no-datasets">
      <h2 id="none-h">{t('noDatasetsTitle')}</h2>
      <p>{t('noDatasets', { name: display })}</p>
      <p class="small">{t('noDatasetsWhat')}</p>
      <p class="small">
        <a href={lang === 'sv' ? 'https://www.digg.se/kunskap-och-stod/oppna-och-delade-data' : 'https://www.digg.se/en'} target="_blank" rel="noopener noreferrer">
          {t('readMoreOpenData')}
        </a>
      </p>
    </section>
  );
}

// "On this page": the data files, APIs, map services and OpenAPI documents the page fetches or links
// to, each matched to dataportal.se (documented as …, licence …) or marked "not in the catalogue",
// with a curl line, a fetch snippet for APIs, and a prefilled "missing from the catalogue" report in the
// report form (draft kept, sent through the user's own mail client, listed under "My reports").
// The page is read only now, when this panel opens (activeTab), and only its URLs.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n';
import { CopyButton } from '../common/CopyButton';
import { SafeLink } from '../common/SafeLink';
import { Notice, Skeleton } from '../common/Notice';
import { LicenceBadge } from '../popup/badges';
import { pickText } from '../../lib/dcat/text';
import { curlLine, fetchSnippet, isWebUrl } from '../../lib/dcat/snippets';
import type { StringKey } from '../../lib/i18n';
import { missingDatasetDraft } from '../../lib/pagedata/report';
import { ReportForm } from '../report/ReportForm';
import type { Finding, FindingKind, FindingMatch, PageFindings } from '../../lib/pagedata/types';
import type { ReportDraft } from '../../lib/report/types';
import type { PanelContext } from '../popup/panels';

const KIND_LABEL: Record<FindingKind, StringKey> = {
  api: 'pageDataKindApi',
  file: 'pageDataKindFile',
  service: 'pageDataKindService',
  docs: 'pageDataKindDocs',
  feed: 'pageDataKindFeed',
  catalog: 'pageDataKindCatalog',
};
const MAX_SHOWN = 100;

type Read = { state: 'reading' } | { state: 'unavailable' } | { state: 'ready'; data: PageFindings };
type Matches = { state: 'checking' } | { state: 'done'; byId: Map<string, FindingMatch>; failed: boolean };

export function PageDataPanel({ ctx }: { ctx: PanelContext }) {
  const { t, lang } = useI18n();
  const { api, tabId, tab } = ctx;
  const publisherUri = tab.resolution?.org?.publisherUri;
  const [read, setRead] = useState<Read>({ state: 'reading' });
  const [matches, setMatches] = useState<Matches>({ state: 'checking' });
  // The finding being reported and its prefilled draft, made once on the click (its reference id is random).
  const [reporting, setReporting] = useState<{ id: string; draft: ReportDraft } | undefined>();
  const list = useRef<HTMLElement>(null);
  const returnTo = useRef<string | undefined>(undefined);

  // Back from the report form: focus returns to the finding's report button.
  useEffect(() => {
    if (reporting || !returnTo.current) return;
    const id = returnTo.current;
    returnTo.current = undefined;
    list.current?.querySelector<HTMLElement>(`[data-finding-id="${CSS.escape(id)}"] [data-testid="report-missing"]`)?.focus();
  }, [reporting]);

  useEffect(() => {
    let live = true;
    (async () => {
      if (!api.pageData || !api.pageMatch || tabId === undefined) {
        setRead({ state: 'unavailable' });
        return;
      }
      let data: PageFindings;
      try {
        data = await api.pageData({ tabId });
      } catch {
        if (live) setRead({ state: 'unavailable' });
        return;
      }
      if (!live) return;
      setRead({ state: 'ready', data });
      if (data.findings.length === 0) return;
      try {
        const r = await api.pageMatch({ findings: data.findings, ...(publisherUri && { publisherUri }) });
        if (live) setMatches({ state: 'done', byId: new Map(r.matches.map((m) => [m.id, m])), failed: r.error !== undefined });
      } catch {
        if (live) setMatches({ state: 'done', byId: new Map(), failed: true });
      }
    })();
    return () => {
      live = false;
    };
  }, [tabId, publisherUri]);

  if (read.state === 'reading') return <Skeleton rows={3} label={t('pageDataReading')} />;
  if (read.state === 'unavailable') return <Notice testid="pagedata-unavailable">{t('pageDataUnavailable')}</Notice>;
  const { findings, stats } = read.data;
  if (reporting) {
    const { draft } = reporting;
    return (
      <ReportForm
        api={api}
        target={draft.target}
        routes={draft.routes}
        pageUrl={tab.url}
        prefill={draft}
        onClose={() => {
          returnTo.current = reporting.id;
          setReporting(undefined);
        }}
      />
    );
  }
  const report = (f: Finding) =>
    setReporting({
      id: f.id,
      draft: missingDatasetDraft({
        finding: f,
        pageUrl: tab.url,
        ...(tab.publisher && { publisher: tab.publisher }),
        ...(publisherUri && { publisherUri }),
        ...(pickText(tab.resolution?.org?.name, lang) && { orgName: pickText(tab.resolution?.org?.name, lang) }),
        lang,
        now: api.now(),
      }),
    });
  return (
    <section aria-label={t('panelPageData')} data-testid="pagedata" ref={list}>
      <p class="small">{t('pageDataIntro')}</p>
      {findings.length === 0 && <Notice testid="pagedata-none">{t('pageDataNone')}</Notice>}
      {(stats.truncated || stats.dropped > 0) && <p class="small muted">{t('pageDataTruncated')}</p>}
      {matches.state === 'done' && matches.failed && <Notice tone="warn">{t('pageDataMatchFailed')}</Notice>}
      <ul class="items" data-testid="pagedata-list">
        {findings.slice(0, MAX_SHOWN).map((f) => (
          <FindingRow key={f.id} f={f} match={matches.state === 'done' ? matches.byId.get(f.id) : undefined} checking={matches.state === 'checking'} onReport={report} />
        ))}
      </ul>
      <p class="small muted">{t('pageDataPrivacy')}</p>
    </section>
  );
}

function shortUrl(f: Finding): string {
  try {
    const u = new URL(f.pattern ?? f.url);
    const path = decodeURI(u.pathname);
    return `${u.host}${path === '/' ? '' : path}`;
  } catch {
    return f.pattern ?? f.url;
  }
}

function FindingRow({ f, match, checking, onReport }: { f: Finding; match?: FindingMatch; checking: boolean; onReport(f: Finding): void }) {
  const { t } = useI18n();
  const status = match?.status ?? (checking ? 'checking' : 'unknown');
  const curl = curlLine(f.url);
  const fetchJs = f.kind === 'api' || (f.kind === 'file' && /json/i.test(f.format ?? '')) ? fetchSnippet(f.url) : undefined;
  const docs = f.docs ?? match?.docs;
  return (
    <li data-testid="finding" data-finding-id={f.id} data-kind={f.kind} data-status={status} style={{ padding: '0.45rem 0' }}>
      <p class="item-meta" style={{ marginTop: 0 }}>
        <span class={f.kind === 'api' ? 'badge api' : 'badge unknown'}>{t(KIND_LABEL[f.kind])}</span>
        {f.format && <span class="badge unknown">{f.format}</span>}
        <span class="muted">{f.requests > 0 ? t('pageDataRequests', { n: f.requests }) : t('pageDataLinked')}</span>
      </p>
      <p style={{ margin: '0.2rem 0', overflowWrap: 'anywhere' }}>
        <code data-testid="finding-url">{shortUrl(f)}</code>
      </p>
      <Status f={f} match={match} status={status} onReport={onReport} />
      {docs && isWebUrl(docs) && (
        <p class="small" style={{ margin: '0.2rem 0' }}>
          <SafeLink href={docs}>{t('pageDataOpenApi')}</SafeLink>
        </p>
      )}
      {curl && (
        <details>
          <summary class="small">{fetchJs ? `${t('detailCurl')} · ${t('pageDataFetch')}` : t('detailCurl')}</summary>
          <pre class="code" data-testid="finding-curl">
            {curl}
          </pre>
          <CopyButton text={curl} label={`curl ${shortUrl(f)}`} />
          {fetchJs && (
            <>
              <pre class="code" data-testid="finding-fetch">
                {fetchJs}
              </pre>
              <CopyButton text={fetchJs} label={`fetch ${shortUrl(f)}`} />
            </>
          )}
        </details>
      )}
    </li>
  );
}

function Status({ f, match, status, onReport }: { f: Finding; match?: FindingMatch; status: string; onReport(f: Finding): void }) {
  const { t, lang } = useI18n();
  if (status === 'checking' && f.kind !== 'catalog' && f.kind !== 'feed') return <p class="small muted">{t('pageDataChecking')}</p>;
  if (status === 'documented' && match?.item) {
    const title = pickText(match.item.title, lang) ?? `${match.item.contextId}_${match.item.entryId}`;
    const licences = match.licence ? [match.licence] : match.item.licences;
    return (
      <p class="small" data-testid="finding-match" style={{ margin: '0.2rem 0' }}>
        {t('pageDataDocumented')} <SafeLink href={match.item.portalUrl[lang]}>{title}</SafeLink> <LicenceBadge licences={licences} />
      </p>
    );
  }
  if (status === 'undocumented') return <Undocumented f={f} onReport={onReport} />;
  // A catalogue link or a feed is not looked up: it is not itself a dataset.
  if (f.kind === 'catalog' || f.kind === 'feed') return null;
  return <p class="small muted">{t('pageDataUnknown')}</p>;
}

function Undocumented({ f, onReport }: { f: Finding; onReport(f: Finding): void }) {
  const { t } = useI18n();
  return (
    <p class="small" style={{ margin: '0.2rem 0' }}>
      <span class="badge warn" data-testid="finding-undocumented">
        {t('pageDataUndocumented')}
      </span>{' '}
      <button type="button" class="link" data-testid="report-missing" onClick={() => onReport(f)}>
        {t('pageDataReportMissing')}
      </button>
    </p>
  );
}

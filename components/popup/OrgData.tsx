import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../common/i18n';
import { Notice, Skeleton } from '../common/Notice';
import { formatAge, type StringKey } from '../../lib/i18n';
import type { ItemDetail, ItemSummary, SearchPage } from '../../lib/dcat/types';
import type { ErrorKind } from '../../lib/messages';
import type { PopupApi } from './api';
import type { ResponseOf } from '../../lib/messages';
import { ItemRow } from './ItemRow';
import { lazy } from '../common/lazy';
import { errorText } from './errors';
import { itemTarget } from '../../lib/report/target';
import type { Distribution } from '../../lib/dcat/types';
import { OrgHealthSummary } from '../quality/OrgHealthSummary';
import { useListQuality } from '../quality/useQuality';

// The detail view and the report form are not part of the first content: separate chunks, preloaded after it.
const ItemDetailView = lazy(() => import('./ItemDetailView').then((m) => m.ItemDetailView));
const ReportForm = lazy(() => import('../report/ReportForm').then((m) => m.ReportForm));
const ReportedNote = lazy(() => import('../report/ReportHistory').then((m) => m.ReportedNote));

/** 'worst' sorts the loaded items by quality score on this side; the registry is asked in its default order. */
type Sort = 'modified' | 'title' | 'relevance' | 'worst';
const SEARCH_DEBOUNCE_MS = 300;
const NO_ITEMS: ItemSummary[] = [];

interface ListState {
  items: ItemSummary[];
  total: number;
  /** Age of cached data, when it came from the cache. */
  cacheAgeMs?: number;
  stale: boolean;
  refreshError?: ErrorKind;
}

type Load =
  | { state: 'loading' }
  | { state: 'ready'; list: ListState }
  | { state: 'error'; kind: string };

type FirstPage = ResponseOf<'org-items'>;

export function OrgData({
  api,
  publisherUri,
  pageUrl,
  initial,
}: {
  api: PopupApi;
  publisherUri: string;
  /** The tab's page, offered to include in a report. */
  pageUrl?: string;
  /** The default first page, when the background sent it along with the tab state. */
  initial?: Pick<FirstPage, 'page' | 'cache'>;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [effectiveQuery, setEffectiveQuery] = useState('');
  const [sort, setSort] = useState<Sort>('modified');
  const [apisOnly, setApisOnly] = useState(false);
  const [openOnly, setOpenOnly] = useState(false);
  const [format, setFormat] = useState('');
  const toList = (res: Pick<FirstPage, 'page' | 'cache'>): ListState => ({
    items: res.page.items,
    total: res.page.total,
    cacheAgeMs: res.cache.source === 'cache' ? res.cache.ageMs : undefined,
    stale: res.cache.stale,
  });
  // A warm popup renders its list in the first frame, from the tab-state answer.
  const [load, setLoad] = useState<Load>(initial ? { state: 'ready', list: toList(initial) } : { state: 'loading' });
  const usedInitial = useRef(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [detail, setDetail] = useState<ItemSummary | undefined>();
  const [attempt, setAttempt] = useState(0);
  const lastOpened = useRef<string | undefined>(undefined);

  // Debounce typing; the registry needs at least 3 characters.
  useEffect(() => {
    const q = query.trim();
    const id = setTimeout(() => setEffectiveQuery(q.length >= 3 ? q : ''), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [query]);

  const effectiveSort: Sort = effectiveQuery && sort === 'modified' ? 'relevance' : sort;
  const serverSort = effectiveSort === 'worst' ? (effectiveQuery ? 'relevance' : 'modified') : effectiveSort;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const isDefault = !effectiveQuery && serverSort === 'modified' && attempt === 0;
        const res = initial && isDefault && !usedInitial.current ? initial : await api.orgItems({ publisherUri, query: effectiveQuery || undefined, sort: serverSort });
        usedInitial.current = true;
        if (!live) return;
        const list = toList(res);
        setLoad({ state: 'ready', list });
        if (res.cache.stale) {
          // Shown at once from the cache; now ask the registry, and say so if it cannot answer.
          const fresh = await api.orgItems({ publisherUri, query: effectiveQuery || undefined, sort: serverSort, revalidate: true });
          if (!live) return;
          setLoad({
            state: 'ready',
            list: fresh.refreshError
              ? { ...list, stale: false, refreshError: fresh.refreshError }
              : { items: fresh.page.items, total: fresh.page.total, stale: false, cacheAgeMs: undefined },
          });
        }
      } catch (err) {
        if (live) setLoad({ state: 'error', kind: (err as { kind?: string }).kind ?? 'internal' });
      }
    })();
    return () => {
      live = false;
    };
  }, [publisherUri, effectiveQuery, serverSort, attempt]);

  const list = load.state === 'ready' ? load.list : undefined;
  const formats = useMemo(() => [...new Set((list?.items ?? []).flatMap((i) => i.formats))].sort(), [list]);
  const visible = useMemo(
    () =>
      (list?.items ?? []).filter(
        (i) =>
          (!apisOnly || i.isApi) &&
          (!openOnly || i.licences.some((l) => l.kind === 'cc0' || l.kind === 'open')) &&
          (!format || i.formats.includes(format)),
      ),
    [list, apisOnly, openOnly, format],
  );
  const quality = useListQuality(list?.items ?? NO_ITEMS, api.now());

  const loadMore = async () => {
    if (!list) return;
    setLoadingMore(true);
    try {
      const res = await api.orgItems({ publisherUri, query: effectiveQuery || undefined, sort: serverSort, offset: list.items.length });
      const seen = new Set(list.items.map((i) => `${i.contextId}_${i.entryId}`));
      setLoad({
        state: 'ready',
        list: { ...list, items: [...list.items, ...res.page.items.filter((i) => !seen.has(`${i.contextId}_${i.entryId}`))], total: res.page.total },
      });
    } catch (err) {
      setLoad({ state: 'ready', list: { ...list, refreshError: ((err as { kind?: ErrorKind }).kind ?? 'internal') as ErrorKind } });
    } finally {
      setLoadingMore(false);
    }
  };

  if (detail) {
    return (
      <DetailLoader
        api={api}
        summary={detail}
        pageUrl={pageUrl}
        onBack={() => {
          lastOpened.current = `${detail.contextId}_${detail.entryId}`;
          setDetail(undefined);
        }}
      />
    );
  }

  const counts = list ? countLine(t, list) : undefined;

  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h" class="visually-hidden">
        {t('searchLabel')}
      </h2>
      {counts && (
        <p class="small" data-testid="counts">
          {counts}
        </p>
      )}
      <div class="toolbar" role="search">
        <label for="q" class="visually-hidden">
          {t('searchLabel')}
        </label>
        <input
          id="q"
          type="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          aria-describedby={query.trim().length > 0 && query.trim().length < 3 ? 'q-hint' : undefined}
        />
        <label for="sort" class="visually-hidden">
          {t('sortLabel')}
        </label>
        <select id="sort" value={effectiveSort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as Sort)}>
          {effectiveQuery && <option value="relevance">{t('sortRelevance')}</option>}
          <option value="modified">{t('sortModified')}</option>
          <option value="title">{t('sortTitle')}</option>
          <option value="worst">{t('sortWorst')}</option>
        </select>
      </div>
      {query.trim().length > 0 && query.trim().length < 3 && (
        <p id="q-hint" class="small muted">
          {t('searchTooShort')}
        </p>
      )}
      <div class="toolbar small">
        <label>
          <input type="checkbox" checked={apisOnly} onChange={(e) => setApisOnly((e.currentTarget as HTMLInputElement).checked)} /> {t('filterApis')}
        </label>
        <label>
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly((e.currentTarget as HTMLInputElement).checked)} /> {t('filterOpen')}
        </label>
        <label for="fmt" class="visually-hidden">
          {t('filterFormat')}
        </label>
        <select id="fmt" value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('filterAnyFormat')}</option>
          {formats.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>

      {load.state === 'loading' && <Skeleton label={t('loading')} />}
      {load.state === 'error' && (
        <Notice tone="error" testid="error">
          {errorText(t, load.kind)}{' '}
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('retry')}
          </button>
        </Notice>
      )}
      {list && <CacheNotice list={list} onRetry={() => setAttempt((a) => a + 1)} />}
      {list && (
        <>
          <OrgHealthSummary health={quality.health} />
          {visible.length === 0 ? (
            <p class="muted">{t('noMatches')}</p>
          ) : (
            <ul class="items" aria-label={t('searchLabel')}>
              {(effectiveSort === 'worst' ? quality.worstFirst(visible) : visible).map((item) => (
                <ItemRow key={`${item.contextId}_${item.entryId}`} item={item} now={api.now()} onOpen={setDetail} autoFocus={lastOpened.current === `${item.contextId}_${item.entryId}`} />
              ))}
            </ul>
          )}
          <p class="small muted" aria-live="polite">
            {t('showingOf', { shown: list.items.length, total: list.total })}
          </p>
          {list.items.length < list.total && (
            <button type="button" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
              {loadingMore ? t('loading') : t('loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function countLine(t: (k: StringKey, p?: Record<string, string | number>) => string, list: ListState): string {
  // APIs are the data services; datasets served through an API still count as datasets (they
  // carry the API marker in the list). Exact only when every item is loaded; else a lower bound.
  const services = list.items.filter((i) => i.kind === 'dataservice').length;
  const complete = list.items.length >= list.total;
  const datasets = list.total - services;
  const d = datasets === 1 ? t('countDataset1') : t('countDatasets', { n: complete ? datasets : `≤ ${datasets}` });
  const a = services === 1 && complete ? t('countApi1') : t('countApis', { n: complete ? services : `${services}+` });
  return `${d} · ${a}`;
}

function CacheNotice({ list, onRetry }: { list: ListState; onRetry: () => void }) {
  const { t, lang } = useI18n();
  if (list.refreshError && list.cacheAgeMs !== undefined) {
    return (
      <Notice tone="warn" testid="offline">
        {t('offlineNotice', { age: formatAge(lang, list.cacheAgeMs) })}{' '}
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      </Notice>
    );
  }
  if (list.refreshError) {
    return (
      <Notice tone="warn" testid="offline">
        {errorText(t, list.refreshError)}
      </Notice>
    );
  }
  if (list.stale && list.cacheAgeMs !== undefined) {
    return (
      <p class="small muted" data-testid="cache-age" role="status">
        {t('cachedAge', { age: formatAge(lang, list.cacheAgeMs) })}
      </p>
    );
  }
  return null;
}

function DetailLoader({ api, summary, onBack, pageUrl }: { api: PopupApi; summary: ItemSummary; onBack: () => void; pageUrl?: string }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<{ item?: ItemDetail; portal?: { sv: string; en: string }; error?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [reporting, setReporting] = useState<{ distribution?: Distribution } | undefined>();
  useEffect(() => {
    let live = true;
    api
      .itemDetail({ contextId: summary.contextId, entryId: summary.entryId, uri: summary.uri })
      .then((r) => live && setState({ item: r.item, portal: r.portalUrl }))
      .catch((err) => live && setState({ error: (err as { kind?: string }).kind ?? 'internal' }));
    return () => {
      live = false;
    };
  }, [summary.contextId, summary.entryId, attempt]);

  if (state.error) {
    return (
      <>
        <button type="button" class="link" onClick={onBack}>
          ← {t('back')}
        </button>
        <Notice tone="error" testid="error">
          {errorText(t, state.error)}{' '}
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('retry')}
          </button>
        </Notice>
      </>
    );
  }
  if (!state.item || !state.portal) return <Skeleton rows={5} label={t('loading')} />;
  if (reporting) {
    const r = itemTarget(state.item, state.portal, lang, reporting.distribution);
    return (
      <ReportForm
        api={api}
        target={r.target}
        routes={r.routes}
        noContactPoint={r.noContactPoint}
        pageUrl={pageUrl}
        defaultCategory={reporting.distribution ? 'broken-link' : undefined}
        onClose={() => setReporting(undefined)}
      />
    );
  }
  return (
    <ItemDetailView
      item={state.item}
      portalUrl={state.portal[lang]}
      now={api.now()}
      onBack={onBack}
      onReport={(_item, distribution) => setReporting({ distribution })}
      quality={{ api, portal: state.portal }}
      reportedNote={<ReportedNote api={api} datasetKey={`${state.item.contextId}_${state.item.entryId}`} />}
    />
  );
}


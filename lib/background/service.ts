// The background's behaviour, independent of how it is wired to browser events: everything that
// touches the browser comes in through BackgroundDeps, so unit tests drive it with fakes and the
// service worker wires the real APIs (entrypoints/background.ts, lib/ext/).
import { buildDirectory, type Directory } from '../detect/directory';
import { resolve, type Correction, type Resolution } from '../detect/resolve';
import type { Signals } from '../detect/signals';
import type { Publisher, SearchPage } from '../dcat/types';
import type { RegistryClient, ItemSort } from '../registry/client';
import { pickText } from '../dcat/text';
import { t, type Lang } from '../i18n';
import { pageKind } from '../ext/page-kind';
import { ErrorKind, type Handlers, type TabState } from '../messages';
import { VERSION } from '../version';
import type { CorrectionStore } from './corrections';
import type { LinkChecker } from '../quality/linkcheck';
import { extractFindings } from '../pagedata/extract';
import { createPageMatcher } from '../pagedata/registry';
import { PageUrlsSchema } from '../pagedata/types';
import type { ReportStore } from '../report/store';
import { reportHandlers } from '../report/handlers';

/** The first page the popup shows; the badge counts from the same request so one fetch serves both. */
export const FIRST_PAGE = { offset: 0, limit: 50 } as const;

export interface TabRecord {
  url: string;
  signals?: Signals;
  resolution?: Resolution;
  updatedAt: number;
}

/** Per-tab state that must survive the service worker's restarts (storage.session in the extension). */
export interface TabStore {
  get(tabId: number): Promise<TabRecord | undefined>;
  set(tabId: number, record: TabRecord): Promise<void>;
  /** Also drops the tab's snapshot. */
  remove(tabId: number): Promise<void>;
  /**
   * Keeps the tab's latest `tab-state` answer where the popup reads it before the worker answers
   * (lib/tab-snapshot.ts). Optional: the CLI and some tests do without.
   */
  setSnapshot?(tabId: number, state: TabState): Promise<void>;
}

export interface Badge {
  set(tabId: number, badge: { text: string; title: string; color: string }): Promise<void>;
  clear(tabId: number): Promise<void>;
}

export interface BackgroundDeps {
  client: RegistryClient;
  tabs: TabStore;
  badge: Badge;
  corrections: CorrectionStore;
  /** Cache statistics and clearing for the options page. */
  cacheAdmin: { stats(): Promise<{ entries: number; bytes: number }>; clear(): Promise<void> };
  /** Current UI language (settings + browser), for the badge tooltip. */
  lang(): Promise<Lang>;
  /** Hosts where the user paused the detector and the badge. */
  pausedHosts(): Promise<string[]>;
  /** Report drafts and history (lib/report/store.ts). */
  reports: ReportStore;
  /** Injects the detector into a tab the user opened the popup on (activeTab). */
  injectDetector?(tabId: number): Promise<void>;
  /** Runs the page-data collector in a tab (activeTab) and returns its raw answer, validated here. */
  collectPageData?(tabId: number): Promise<unknown>;
  /** Checks whether distribution links answer (HEAD, then ranged GET; 2 at a time; cached 24 h). */
  links?: LinkChecker;
  now?: () => number;
  log?: (message: string, err?: unknown) => void;
}

const BADGE_COLOR = '#005293';
const BADGE_COLOR_NONE = '#6e7781';

/** Badge text has room for about four characters. */
export function badgeText(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(n / 1000)}k`;
}

function orgName(resolution: Resolution, publisher: Publisher | undefined, lang: Lang): string {
  return (
    pickText(publisher?.name, lang) ??
    pickText(resolution.org?.name, lang) ??
    (resolution.org?.orgNumber ? `${resolution.org.orgNumber.slice(0, 6)}-${resolution.org.orgNumber.slice(6)}` : '?')
  );
}

export function createBackground(deps: BackgroundDeps) {
  const now = deps.now ?? (() => Date.now());
  const log = deps.log ?? (() => undefined);

  // The directory is derived from the cached publisher list; rebuilt only when the list changes.
  let directoryFor: Publisher[] | undefined;
  let directory: Directory = { byHost: {}, byOrg: {} };
  let publishersByUri: Record<string, Publisher> = {};

  async function publishers(): Promise<Publisher[]> {
    try {
      return await deps.client.listPublishers({ onRefresh: (list) => adopt(list) });
    } catch (err) {
      log('publisher list unavailable', err);
      return directoryFor ?? [];
    }
  }

  function adopt(list: Publisher[]): void {
    if (list === directoryFor) return;
    directoryFor = list;
    directory = buildDirectory(list);
    publishersByUri = Object.fromEntries(list.map((p) => [p.uri, p]));
  }

  // Within one worker life the directory stays in memory: reading and validating the whole
  // publisher list from IndexedDB on every popup open cost ~40 ms. A stale list still refreshes
  // (listPublishers' onRefresh adopts it) and the daily alarm replaces it.
  let directoryCheckedAt = -Infinity;
  const DIRECTORY_RECHECK_MS = 10 * 60_000;
  async function ensureDirectory(): Promise<void> {
    if (directoryFor && directoryFor.length > 0 && now() - directoryCheckedAt < DIRECTORY_RECHECK_MS) return;
    adopt(await publishers());
    directoryCheckedAt = now();
  }

  async function resolveFor(url: string, signals?: Signals): Promise<Resolution> {
    await ensureDirectory();
    const correction = await deps.corrections.find(url).catch(() => undefined);
    return resolve({ url, signals, directory, publishersByUri, correction: correction?.correction });
  }

  const pageMatcher = createPageMatcher(deps.client, now);

  // Waiters for a detector run the popup asked for (unknown sites, through activeTab).
  const signalWaiters = new Map<number, () => void>();

  async function firstPage(publisherUri: string, onRefresh?: (p: SearchPage) => void) {
    let info: { stale: boolean; ageMs: number; source: 'cache' | 'network' } = { stale: false, ageMs: 0, source: 'network' };
    const page = await deps.client.searchPublisherItems(
      { publisherUri, ...FIRST_PAGE },
      { onCacheInfo: (i) => (info = i), onRefresh },
    );
    return { page, info };
  }

  async function updateBadge(tabId: number, record: TabRecord): Promise<void> {
    const r = record.resolution;
    const host = pageKind(record.url);
    const paused = host.kind === 'web' && (await deps.pausedHosts()).includes(host.host);
    if (!r || paused || (r.status !== 'matched' && r.status !== 'public-unpublished')) {
      await deps.badge.clear(tabId);
      return;
    }
    const lang = await deps.lang();
    const uri = r.org?.publisherUri;
    const publisher = uri ? publishersByUri[uri] : undefined;
    const name = orgName(r, publisher, lang);
    const none = () =>
      deps.badge.set(tabId, { text: '–', title: t(lang, 'badgeTitleNone', { name }), color: BADGE_COLOR_NONE });
    if (!uri || r.org?.hasPublished === false) {
      await none();
      return;
    }
    const show = (n: number) =>
      n === 0 ? none() : deps.badge.set(tabId, { text: badgeText(n), title: t(lang, 'badgeTitle', { name, n }), color: BADGE_COLOR });
    // The directory's facet count answers at once; the first page (shared with the popup) then
    // gives the exact number of datasets + APIs, from cache when it can.
    if (publisher?.datasetCount !== undefined) await show(publisher.datasetCount);
    try {
      const { page } = await firstPage(uri, (fresh) => void show(fresh.total));
      await show(page.total);
    } catch (err) {
      log(`badge count for ${uri} failed`, err);
    }
  }

  async function refreshTab(tabId: number, url: string, signals?: Signals, opts: { awaitBadge?: boolean } = {}): Promise<TabRecord> {
    const previous = await deps.tabs.get(tabId);
    // Signals belong to one page: keep them only while the tab stays on the same URL (without fragment).
    const samePage = previous && stripHash(previous.url) === stripHash(url);
    const keptSignals = signals ?? (samePage ? previous?.signals : undefined);
    const resolution = await resolveFor(url, keptSignals);
    const record: TabRecord = { url, signals: keptSignals, resolution, updatedAt: now() };
    const unchanged = samePage && previous?.url === url && JSON.stringify(previous.resolution) === JSON.stringify(resolution) && previous.signals === keptSignals;
    if (!unchanged) await deps.tabs.set(tabId, record);
    const badge = updateBadge(tabId, record).catch((err) => log('badge update failed', err));
    // The popup does not wait for the badge (its own answer comes first); navigation and tests do.
    if (opts.awaitBadge !== false) {
      await badge;
      // What a popup opened now would be told, ready before it asks (lib/tab-snapshot.ts).
      if (deps.tabs.setSnapshot) void snapshot(tabId, url, record).catch((err) => log('tab snapshot failed', err));
    }
    return record;
  }

  async function snapshot(tabId: number, url: string, record: TabRecord): Promise<void> {
    const kind = pageKind(url);
    if (kind.kind !== 'web') return;
    // The badge has just read the first page, so it is at hand; a slow cache gets a second.
    const state = await answerFor(kind, record, await deps.pausedHosts(), 1000);
    await deps.tabs.setSnapshot?.(tabId, state);
  }

  /** The `tab-state` answer for a web page, from its record; the first page rides along if it comes within `waitMs`. */
  async function answerFor(kind: { url: URL; host: string }, record: TabRecord, pausedHosts: string[], waitMs: number): Promise<TabState> {
    const uri = record.resolution?.org?.publisherUri;
    const paused = pausedHosts.includes(kind.host);
    // The first page of the body's data rides along when it is at hand (cache), so a warm popup
    // renders everything from one answer; a cold one asks with org-items, which shares this fetch.
    let firstPageAnswer: { page: SearchPage; cache: { stale: boolean; ageMs: number; source: 'cache' | 'network' } } | undefined;
    if (uri && record.resolution?.org?.hasPublished && !paused) {
      const pending = firstPage(uri).then((r) => ({ page: r.page, cache: r.info }));
      pending.catch(() => undefined);
      firstPageAnswer = await Promise.race([pending, new Promise<undefined>((r) => setTimeout(() => r(undefined), waitMs))]).catch(() => undefined);
    }
    return {
      pageKind: 'web' as const,
      url: kind.url.href,
      host: kind.host,
      paused,
      signalsSeen: Boolean(record.signals),
      resolution: record.resolution,
      publisher: uri ? publishersByUri[uri] : undefined,
      ...(firstPageAnswer && { firstPage: firstPageAnswer }),
    };
  }

  async function tabState(tabId: number | undefined, url: string | undefined): Promise<TabState> {
    const kind = pageKind(url);
    if (kind.kind !== 'web' || tabId === undefined) return { pageKind: 'not-web' as const };
    // Re-resolving is local and cheap; doing it here also re-badges the tab after a correction.
    const [record, pausedHosts] = await Promise.all([refreshTab(tabId, kind.url.href, undefined, { awaitBadge: false }), deps.pausedHosts()]);
    const answer = await answerFor(kind, record, pausedHosts, 40);
    if (deps.tabs.setSnapshot) void deps.tabs.setSnapshot(tabId, answer).catch((err) => log('tab snapshot failed', err));
    return answer;
  }

  const handlers: Partial<Handlers> = {
    ping: async () => ({ version: VERSION }),

    signals: async ({ signals }, sender) => {
      // Only the detector, running in a tab, sends signals; the tab's URL comes from the browser,
      // not from the message, so a page cannot claim to be another site.
      if (sender.tabId === undefined || !sender.url) throw Object.assign(new Error('signals only from a tab'), { kind: 'forbidden' });
      const record = await refreshTab(sender.tabId, sender.url, { ...signals, url: stripQuery(sender.url) });
      signalWaiters.get(sender.tabId)?.();
      return { status: record.resolution?.status ?? 'none' };
    },

    'tab-state': async ({ tabId, url, detect }) => {
      const asked = now();
      if (detect && tabId !== undefined && deps.injectDetector && pageKind(url).kind === 'web') {
        const record = await deps.tabs.get(tabId);
        if (!record?.signals) {
          // Wait briefly for the detector's message; a page without signals never sends one.
          const arrived = new Promise<void>((r) => signalWaiters.set(tabId, r));
          await deps.injectDetector(tabId).catch((err) => log('detector injection failed', err));
          await Promise.race([arrived, new Promise((r) => setTimeout(r, 600))]);
          signalWaiters.delete(tabId);
        }
        // A single-page site may have changed route while we waited: the URL the popup asked about
        // is then older than the tab's record, and answering for it would undo the newer route's
        // resolution and badge.
        const latest = await deps.tabs.get(tabId);
        if (latest && latest.updatedAt >= asked && latest.url !== url) return tabState(tabId, latest.url);
      }
      return tabState(tabId, url);
    },

    'org-items': async ({ publisherUri, query, offset, limit, sort, revalidate }) => {
      let info = { stale: false, ageMs: 0, source: 'network' as 'cache' | 'network' };
      let refreshError: ErrorKind | undefined;
      const page = await deps.client.searchPublisherItems(
        {
          publisherUri,
          query: query || undefined,
          offset: offset ?? FIRST_PAGE.offset,
          limit: limit ?? FIRST_PAGE.limit,
          sort: sort as ItemSort | undefined,
        },
        { onCacheInfo: (i) => (info = i), forceRefresh: revalidate, onRefreshError: (e) => (refreshError = errorKind(e)) },
      );
      return { page, cache: info, refreshError: revalidate ? refreshError : undefined };
    },

    'item-detail': async ({ contextId, entryId, uri, revalidate }) => {
      let info = { stale: false, ageMs: 0, source: 'network' as 'cache' | 'network' };
      let refreshError: ErrorKind | undefined;
      const item = await deps.client.getItem(
        { contextId, entryId, uri },
        { onCacheInfo: (i) => (info = i), forceRefresh: revalidate, onRefreshError: (e) => (refreshError = errorKind(e)) },
      );
      return {
        refreshError: revalidate ? refreshError : undefined,
        item,
        portalUrl: { sv: deps.client.portalUrl(item, 'sv'), en: deps.client.portalUrl(item, 'en') },
        cache: info,
      };
    },

    'find-publishers': async ({ text }) => ({ publishers: findPublishers(await publishers(), text) }),

    'set-correction': async ({ url, scope, correction, tabId }) => {
      const kind = pageKind(url);
      if (kind.kind !== 'web') throw Object.assign(new Error('not a web page'), { kind: 'bad-message' });
      if (correction) await deps.corrections.set(kind.url, scope, correction as Correction);
      else await deps.corrections.removeFor(kind.url);
      if (tabId !== undefined) {
        const record = await deps.tabs.get(tabId);
        if (record) await refreshTab(tabId, record.url, record.signals);
      }
      return { ok: true };
    },

    'list-corrections': async () => ({ items: await deps.corrections.list() }),

    'clear-corrections': async ({ key }) => {
      if (key) await deps.corrections.remove(key);
      else await deps.corrections.clear();
      return { ok: true };
    },

    'page-data': async ({ tabId }) => {
      if (!deps.collectPageData) throw Object.assign(new Error('page data not available'), { kind: 'forbidden' });
      const record = await deps.tabs.get(tabId);
      const raw = await deps.collectPageData(tabId);
      // Whatever the page answered is checked strictly: URLs and counts only, anything else is refused.
      const parsed = PageUrlsSchema.safeParse(raw);
      if (!parsed.success) throw Object.assign(new Error('unusable page data'), { kind: 'bad-message' });
      return extractFindings(parsed.data, record?.url);
    },

    'page-match': async ({ findings, publisherUri }) => {
      const r = await pageMatcher.match(findings, { ...(publisherUri && { publisherUri }), log });
      return { matches: r.matches, searchedHosts: r.searchedHosts, ...(r.error && { error: errorKind({ kind: r.error }) }) };
    },

    'cache-stats': async () => deps.cacheAdmin.stats(),
    'cache-clear': async () => {
      await deps.cacheAdmin.clear();
      return { ok: true };
    },
    'link-check': async ({ urls, force }) => {
      if (!deps.links) throw Object.assign(new Error('link checking is not available'), { kind: 'internal' });
      return { results: await deps.links.check(urls, { force }) };
    },
    ...reportHandlers(deps.reports, now),
  };

  return {
    handlers,
    /** A tab navigated (tabs.onUpdated with a URL we may read): resolve by hostname at once. */
    async onTabUrl(tabId: number, url: string): Promise<void> {
      if (pageKind(url).kind !== 'web') {
        await deps.tabs.remove(tabId);
        await deps.badge.clear(tabId);
        return;
      }
      // Always re-resolve: it is local and cheap, and a correction made since must win at once.
      await refreshTab(tabId, url);
    },
    async onTabRemoved(tabId: number): Promise<void> {
      await deps.tabs.remove(tabId);
    },
    /** Daily alarm and first install: refresh the publisher list behind the directory. */
    async refreshDirectory(): Promise<void> {
      adopt(await deps.client.listPublishers({ forceRefresh: true }));
    },
    /** Re-evaluates a tab after a correction or a settings change. */
    async reresolveTab(tabId: number): Promise<void> {
      const record = await deps.tabs.get(tabId);
      if (record) await refreshTab(tabId, record.url, record.signals);
    },
  };
}

function errorKind(err: unknown): ErrorKind {
  const parsed = ErrorKind.safeParse((err as { kind?: unknown } | undefined)?.kind);
  return parsed.success ? parsed.data : 'internal';
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

function stripQuery(url: string): string {
  return stripHash(url).replace(/\?.*$/, '');
}

/** Local search over the cached publisher list: by org number (with or without dash) or by name words. */
export function findPublishers(list: Publisher[], text: string, max = 20): Publisher[] {
  const q = text.trim().toLowerCase();
  if (q.length < 2) return [];
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{4,10}$/.test(digits)) return list.filter((p) => p.orgNumber?.startsWith(digits)).slice(0, max);
  const words = q.split(/\s+/).filter(Boolean);
  const scored: { p: Publisher; score: number }[] = [];
  for (const p of list) {
    const names = [p.name.sv, p.name.en, p.name.any].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase());
    if (names.length === 0) continue;
    if (!words.every((w) => names.some((n) => n.includes(w)))) continue;
    const starts = names.some((n) => n.startsWith(q)) ? 2 : 0;
    scored.push({ p, score: starts + Math.min(1, (p.datasetCount ?? 0) / 1000) });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, max).map((s) => s.p);
}

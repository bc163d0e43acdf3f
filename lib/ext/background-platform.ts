// The real browser behind BackgroundDeps (lib/background/service.ts): storage.session for tab
// state (survives service-worker restarts, cleared with the browser session), the action badge,
// IndexedDB for cache and corrections, and the registry client. One of the lib/ext/ modules
// that touch browser.*.
import browser from 'webextension-polyfill';
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import { createTransport } from '../registry/transport';
import { createRegistryClient } from '../registry/client';
import { IdbCache } from '../storage/idb-cache';
import { withHotEntries } from '../storage/hot-cache';
import { insynDbOpener, kvGet, kvSet } from '../storage/db';
import { createCorrectionStore } from '../background/corrections';
import { idbReportStore } from '../report/store';
import { ResolutionSchema, SignalsSchema } from '../detect/schema';
import type { BackgroundDeps, TabRecord, TabStore } from '../background/service';
import { parseSettings, SETTINGS_KEY } from '../settings';
import { resolveLang } from '../i18n';
import { createLinkChecker } from '../quality/linkcheck';
import { SNAPSHOT_PREFIX, snapshotKey } from '../tab-snapshot';

const TabRecordSchema = z.object({
  url: z.string(),
  signals: SignalsSchema.optional(),
  resolution: ResolutionSchema.optional(),
  updatedAt: z.number(),
});

const tabKey = (id: number) => `tab:${id}`;

/**
 * Tab records read through once per worker life: every write goes through this store, so the copy
 * in memory is the stored one (a popup open then costs no storage round trip for it). A worker that
 * was stopped starts empty and reads storage.session again.
 */
const tabMemo = new Map<number, TabRecord | undefined>();
/** Bumped by every write, so a read that raced a write does not put the older record in memory. */
let tabWrites = 0;

export const sessionTabStore: TabStore = {
  async get(tabId) {
    if (tabMemo.has(tabId)) {
      const r = tabMemo.get(tabId);
      return r && structuredClone(r);
    }
    const writes = tabWrites;
    const got = await browser.storage.session.get(tabKey(tabId));
    const parsed = TabRecordSchema.safeParse(got[tabKey(tabId)]);
    const record = parsed.success ? (parsed.data as TabRecord) : undefined;
    if (writes === tabWrites) tabMemo.set(tabId, record && structuredClone(record));
    return record;
  },
  async set(tabId, record) {
    tabWrites++;
    tabMemo.delete(tabId);
    await browser.storage.session.set({ [tabKey(tabId)]: record });
    tabMemo.set(tabId, structuredClone(record));
  },
  async remove(tabId) {
    tabWrites++;
    tabMemo.delete(tabId);
    await browser.storage.session.remove([tabKey(tabId), snapshotKey(tabId)]);
  },
  async setSnapshot(tabId, state) {
    await browser.storage.session.set({ [snapshotKey(tabId)]: state });
  },
};

/** Settings, read once and again only after they change (language, paused hosts: asked on every tab). */
let settingsMemo: ReturnType<typeof readSettings> | undefined;
async function readSettings() {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}
function settings() {
  const p = (settingsMemo ??= readSettings());
  p.catch(() => {
    if (settingsMemo === p) settingsMemo = undefined;
  });
  return p;
}
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) settingsMemo = undefined;
});

export function createPlatform(apiBase?: string): BackgroundDeps {
  // One connection, reopened after a failed open or a connection the browser closed (db.ts).
  const db = insynDbOpener({ log: (message) => console.warn(`[insyn] storage: ${message}`) });
  // Every read and write goes through the hot entries (lib/storage/hot-cache.ts), clears included.
  const cache = withHotEntries(new IdbCache({ db }));
  const transport = createTransport({ base: apiBase });
  const client = createRegistryClient({ transport, cache });
  const corrections = createCorrectionStore({
    load: async () => kvGet(await db(), 'corrections', z.unknown()),
    save: async (records) => kvSet(await db(), 'corrections', records),
  });
  return {
    client,
    tabs: sessionTabStore,
    corrections,
    // Drafts and reports matter more than cached registry answers: on a full quota the cache makes room.
    reports: idbReportStore(db, (message, err) => console.warn(`[insyn] ${message}`, err ?? ''), { makeRoom: () => cache.makeRoom() }),
    cacheAdmin: {
      stats: () => cache.stats(),
      async clear() {
        await cache.clear();
        // The popups' snapshots carry cached data too: "clear the cache" means all of it.
        const all = await browser.storage.session.get(null);
        const snaps = Object.keys(all).filter((k) => k.startsWith(SNAPSHOT_PREFIX));
        if (snaps.length) await browser.storage.session.remove(snaps);
      },
    },
    badge: {
      async set(tabId, { text, title, color }) {
        await Promise.all([
          browser.action.setBadgeText({ tabId, text }),
          browser.action.setTitle({ tabId, title }),
          browser.action.setBadgeBackgroundColor({ tabId, color }),
        ]).catch(() => undefined); // the tab may have closed meanwhile
      },
      async clear(tabId) {
        await Promise.all([browser.action.setBadgeText({ tabId, text: '' }), browser.action.setTitle({ tabId, title: '' })]).catch(
          () => undefined,
        );
      },
    },
    lang: async () => resolveLang((await settings()).lang, browser.i18n.getUILanguage()),
    pausedHosts: async () => (await settings()).pausedHosts,
    injectDetector: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/detector.js'] });
    },
    collectPageData: async (tabId) => {
      // Top frame only; the script's return value (URLs only) is the whole answer.
      const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-data.js'] });
      return first?.result;
    },
    log: (message, err) => console.warn(`[insyn] ${message}`, err ?? ''),
    // Works for hosts Insyn may read (the .se domain, or an origin the user granted from the popup);
    // anything else fails as "network", which the popup prevents by asking for the permission first.
    links: createLinkChecker({ fetch: (url, init) => fetch(url, init), cache }),
  };
}

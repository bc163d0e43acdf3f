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
import { insynDbOpener, kvGet, kvSet } from '../storage/db';
import { createCorrectionStore } from '../background/corrections';
import { idbReportStore } from '../report/store';
import { ResolutionSchema, SignalsSchema } from '../detect/schema';
import type { BackgroundDeps, TabRecord, TabStore } from '../background/service';
import { parseSettings, SETTINGS_KEY } from '../settings';
import { resolveLang } from '../i18n';
import { createLinkChecker } from '../quality/linkcheck';

const TabRecordSchema = z.object({
  url: z.string(),
  signals: SignalsSchema.optional(),
  resolution: ResolutionSchema.optional(),
  updatedAt: z.number(),
});

const tabKey = (id: number) => `tab:${id}`;

export const sessionTabStore: TabStore = {
  async get(tabId) {
    const got = await browser.storage.session.get(tabKey(tabId));
    const parsed = TabRecordSchema.safeParse(got[tabKey(tabId)]);
    return parsed.success ? (parsed.data as TabRecord) : undefined;
  },
  async set(tabId, record) {
    await browser.storage.session.set({ [tabKey(tabId)]: record });
  },
  async remove(tabId) {
    await browser.storage.session.remove(tabKey(tabId));
  },
};

async function settings() {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export function createPlatform(apiBase?: string): BackgroundDeps {
  // One connection, reopened after a failed open or a connection the browser closed (db.ts).
  const db = insynDbOpener({ log: (message) => console.warn(`[insyn] storage: ${message}`) });
  const cache = new IdbCache({ db });
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
    cacheAdmin: { stats: () => cache.stats(), clear: () => cache.clear() },
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

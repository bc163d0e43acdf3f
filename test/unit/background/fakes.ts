// Fakes for BackgroundDeps: a registry client answering from tables, in-memory tab store,
// badge recorder and correction store. The real service code runs on top of them.
import type { BackgroundDeps, TabRecord } from '../../../lib/background/service';
import { createCorrectionStore, memoryCorrectionBackend } from '../../../lib/background/corrections';
import { memoryReportStore } from '../../../lib/report/store';
import type { RegistryClient } from '../../../lib/registry/client';
import type { ItemSummary, Publisher, SearchPage } from '../../../lib/dcat/types';

export const SKV: Publisher = {
  uri: 'http://dataportal.se/organisation/SE2021005448',
  name: { sv: 'Skatteverket' },
  orgNumber: '2021005448',
  homepages: ['https://www.skatteverket.se'],
  datasetCount: 11,
  entry: { contextId: '6', entryId: '1' },
};
export const GBG: Publisher = {
  uri: 'http://dataportal.se/organisation/SE2120001355',
  name: { sv: 'Göteborgs Stad' },
  orgNumber: '2120001355',
  homepages: ['https://goteborg.se'],
  datasetCount: 5,
};
export const REGION_STHLM: Publisher = {
  uri: 'http://dataportal.se/organisation/SE2321000016',
  name: { sv: 'Region Stockholm' },
  orgNumber: '2321000016',
  homepages: ['https://www.regionstockholm.se'],
  datasetCount: 0,
};

export function item(n: number, isApi = false): ItemSummary {
  return {
    kind: 'dataset',
    contextId: '6',
    entryId: String(n),
    uri: `https://skatteverket.se/data/${n}`,
    title: { sv: `Datamängd ${n}` },
    description: {},
    licences: [],
    formats: [],
    themes: [],
    keywords: { sv: [], en: [], any: [] },
    isApi,
  };
}

export function fakeClient(pages: Record<string, SearchPage> = {}, publishers: Publisher[] = [SKV, GBG, REGION_STHLM]) {
  const calls: string[] = [];
  const client: RegistryClient = {
    transport: { base: 'x', getJson: async () => ({}), stats: () => ({ requests: 0, maxInFlight: 0, inFlight: 0 }) } as unknown as RegistryClient['transport'],
    publisherUri: (o) => `http://dataportal.se/organisation/SE${o}`,
    async searchPublisherItems(q, opts) {
      calls.push(`items ${q.publisherUri} ${q.offset ?? 0}`);
      opts?.onCacheInfo?.({ source: 'network', stale: false, ageMs: 0 });
      const page = pages[q.publisherUri];
      if (!page) throw Object.assign(new Error('offline'), { kind: 'offline' });
      return page;
    },
    async getItem() {
      throw Object.assign(new Error('not in fake'), { kind: 'bad-request' });
    },
    async listPublishers() {
      calls.push('publishers');
      return publishers;
    },
    async searchPublishers() {
      return publishers;
    },
    portalUrl: (i, lang) => `https://www.dataportal.se/${lang === 'en' ? 'en/' : ''}datasets/${i.contextId}_${i.entryId}`,
    organisationPortalUrl: () => undefined,
  };
  return { client, calls };
}

export function fakeDeps(over: Partial<BackgroundDeps> = {}) {
  const tabs = new Map<number, TabRecord>();
  const badges = new Map<number, { text: string; title: string; color: string }>();
  const deps: BackgroundDeps = {
    client: fakeClient().client,
    tabs: {
      get: async (id) => tabs.get(id),
      set: async (id, r) => void tabs.set(id, structuredClone(r)),
      remove: async (id) => void tabs.delete(id),
    },
    badge: {
      set: async (id, b) => void badges.set(id, b),
      clear: async (id) => void badges.delete(id),
    },
    corrections: createCorrectionStore(memoryCorrectionBackend()),
    reports: memoryReportStore(),
    cacheAdmin: { stats: async () => ({ entries: 0, bytes: 0 }), clear: async () => undefined },
    lang: async () => 'sv',
    pausedHosts: async () => [],
    links: fakeLinks().checker,
    ...over,
  };
  return Object.assign(deps, { tabsMap: tabs, badges });
}

/** A link checker answering from a table (URL → HTTP status, or 'timeout'); records what it was asked. */
export function fakeLinks(statuses: Record<string, number | 'timeout'> = {}) {
  const asked: string[][] = [];
  const checker: NonNullable<BackgroundDeps['links']> = {
    async check(urls) {
      asked.push([...urls]);
      return urls.map((url) => {
        const s = statuses[url] ?? 200;
        return s === 'timeout'
          ? { url, ok: false, error: 'timeout' as const, method: 'HEAD' as const, checkedAt: 0 }
          : { url, ok: s >= 200 && s < 300, status: s, method: 'HEAD' as const, checkedAt: 0 };
      });
    },
  };
  return { checker, asked };
}

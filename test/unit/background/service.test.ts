import { describe, expect, it } from 'vitest';
import { badgeText, createBackground, findPublishers } from '../../../lib/background/service';
import { createDispatcher } from '../../../lib/messages';
import type { Signals } from '../../../lib/detect/signals';
import { fakeClient, fakeDeps, GBG, item, REGION_STHLM, SKV } from './fakes';

const OWN = 'ext';
const page = (n: number, apis = 0) => ({
  total: n,
  offset: 0,
  limit: 50,
  items: Array.from({ length: Math.min(n, 50) }, (_, i) => item(i, i < apis)),
  skipped: [],
});

function setup(pages = { [SKV.uri]: page(12, 3), [GBG.uri]: page(5) }) {
  const { client, calls } = fakeClient(pages);
  const deps = fakeDeps({ client });
  const bg = createBackground(deps);
  const dispatch = createDispatcher(bg.handlers, OWN);
  return { deps, bg, dispatch, calls };
}

const signals = (over: Partial<Signals> = {}): Signals => ({
  url: 'https://www.skatteverket.se/',
  host: 'www.skatteverket.se',
  path: '/',
  orgNumbers: [{ value: '2021005448', where: 'footer', labelled: true }],
  jsonLd: [],
  links: [],
  meta: {},
  ...over,
});

describe('badge', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [4315, '4.3k'],
    [23548, '24k'],
  ])('%i datasets → "%s"', (n, want) => expect(badgeText(n)).toBe(want));

  it("shows a known agency's dataset count from its hostname alone", async () => {
    const { deps, bg } = setup();
    await bg.onTabUrl(1, 'https://www.skatteverket.se/privat');
    expect(deps.badges.get(1)).toMatchObject({ text: '12' });
    expect(deps.badges.get(1)?.title).toContain('Skatteverket');
  });

  it('marks a body that publishes nothing with a distinct sign', async () => {
    const { deps, bg } = setup();
    await bg.onTabUrl(2, 'https://www.regionstockholm.se/');
    expect(deps.badges.get(2)).toMatchObject({ text: '–' });
    expect(deps.badges.get(2)?.title).toContain('Region Stockholm');
    expect(REGION_STHLM.datasetCount).toBe(0);
  });

  it('shows nothing on a site that is not recognised, and clears on non-web pages', async () => {
    const { deps, bg } = setup();
    await bg.onTabUrl(3, 'https://www.handelsbolaget-exempel.se/');
    expect(deps.badges.has(3)).toBe(false);
    await bg.onTabUrl(1, 'https://www.skatteverket.se/');
    await bg.onTabUrl(1, 'chrome://newtab/');
    expect(deps.badges.has(1)).toBe(false);
  });

  it('keeps the facet count when the registry is unreachable', async () => {
    const { deps, bg } = setup({});
    await bg.onTabUrl(1, 'https://www.skatteverket.se/');
    expect(deps.badges.get(1)).toMatchObject({ text: '11' });
  });

  it('clears the badge on a paused host', async () => {
    const { client } = fakeClient({ [SKV.uri]: page(12) });
    const deps = fakeDeps({ client, pausedHosts: async () => ['www.skatteverket.se'] });
    await createBackground(deps).onTabUrl(1, 'https://www.skatteverket.se/');
    expect(deps.badges.has(1)).toBe(false);
  });
});

describe('messages', () => {
  it('accepts signals only from a tab, and takes the URL from the browser, not the message', async () => {
    const { dispatch, deps } = setup();
    const fromPopup = await dispatch({ type: 'signals', payload: { signals: signals() } }, { id: OWN });
    expect(fromPopup).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const forged = signals({ url: 'https://www.skatteverket.se/' });
    const reply = await dispatch({ type: 'signals', payload: { signals: forged } }, { id: OWN, tabId: 5, url: 'https://www.goteborg.se/x?q=1' });
    expect(reply.ok).toBe(true);
    expect(deps.tabsMap.get(5)?.url).toBe('https://www.goteborg.se/x?q=1');
    expect(deps.tabsMap.get(5)?.signals?.url).toBe('https://www.goteborg.se/x');
  });

  it('rejects oversized or malformed signals', async () => {
    const { dispatch } = setup();
    const many = signals({ orgNumbers: Array.from({ length: 500 }, () => ({ value: '2021005448', where: 'footer' as const, labelled: true })) });
    const r1 = await dispatch({ type: 'signals', payload: { signals: many } }, { id: OWN, tabId: 1, url: 'https://x.se/' });
    expect(r1).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
    const r2 = await dispatch({ type: 'signals', payload: { signals: { url: 1 } } }, { id: OWN, tabId: 1, url: 'https://x.se/' });
    expect(r2).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
  });

  it('tab-state tells the popup who is behind the page, with the publisher', async () => {
    const { dispatch } = setup();
    const reply = await dispatch({ type: 'tab-state', payload: { tabId: 1, url: 'https://www.skatteverket.se/' } }, { id: OWN });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data).toMatchObject({
      pageKind: 'web',
      host: 'www.skatteverket.se',
      resolution: { status: 'matched', org: { publisherUri: SKV.uri } },
      publisher: { orgNumber: '2021005448' },
    });
  });

  it('tab-state says not-web for browser pages', async () => {
    const { dispatch } = setup();
    await expect(dispatch({ type: 'tab-state', payload: { tabId: 1, url: 'chrome://extensions' } }, { id: OWN })).resolves.toEqual({
      ok: true,
      data: { pageKind: 'not-web' },
    });
  });

  it('a correction wins over detection and re-badges the tab', async () => {
    const { dispatch, deps } = setup();
    await dispatch({ type: 'tab-state', payload: { tabId: 9, url: 'https://www.skatteverket.se/' } }, { id: OWN });
    expect(deps.badges.get(9)?.text).toBe('12');
    await dispatch(
      {
        type: 'set-correction',
        payload: { url: 'https://www.skatteverket.se/', scope: 'host', tabId: 9, correction: { kind: 'org', publisherUri: GBG.uri } },
      },
      { id: OWN },
    );
    expect(deps.badges.get(9)?.text).toBe('5');
    await dispatch({ type: 'set-correction', payload: { url: 'https://www.skatteverket.se/', scope: 'host', tabId: 9, correction: { kind: 'not-public' } } }, { id: OWN });
    expect(deps.badges.has(9)).toBe(false);
    const list = await dispatch({ type: 'list-corrections', payload: {} }, { id: OWN });
    expect(list).toMatchObject({ ok: true, data: { items: [{ key: 'skatteverket.se', correction: { kind: 'not-public' } }] } });
    await dispatch({ type: 'clear-corrections', payload: {} }, { id: OWN });
    await dispatch({ type: 'tab-state', payload: { tabId: 9, url: 'https://www.skatteverket.se/' } }, { id: OWN });
    expect(deps.badges.get(9)?.text).toBe('12');
  });

  it('org-items reports a failed revalidation instead of hiding it', async () => {
    const deps = fakeDeps();
    deps.client.searchPublisherItems = async (_q, opts) => {
      opts?.onCacheInfo?.({ source: 'cache', stale: true, ageMs: 7 * 3600_000 });
      if (opts?.forceRefresh) opts.onRefreshError?.(Object.assign(new Error('down'), { kind: 'offline' }) as never);
      return page(3);
    };
    const dispatch = createDispatcher(createBackground(deps).handlers, OWN);
    const r = await dispatch({ type: 'org-items', payload: { publisherUri: SKV.uri, revalidate: true } }, { id: OWN });
    expect(r).toMatchObject({ ok: true, data: { cache: { stale: true }, refreshError: 'offline' } });
  });
});

describe('findPublishers', () => {
  const list = [SKV, GBG, REGION_STHLM];
  it.each([
    ['skatte', [SKV.uri]],
    ['Göteborg', [GBG.uri]],
    ['region stock', [REGION_STHLM.uri]],
    ['202100-5448', [SKV.uri]],
    ['2120', [GBG.uri]],
    ['x', []],
    ['no such body', []],
  ])('%s', (q, want) => expect(findPublishers(list, q).map((p) => p.uri)).toEqual(want));
});

describe('link check', () => {
  it('answers a link-check message through the injected checker, validated both ways', async () => {
    const { fakeLinks } = await import('./fakes');
    const links = fakeLinks({ 'https://x.se/gone.csv': 404, 'https://x.se/slow.csv': 'timeout' });
    const { client } = fakeClient({});
    const bg = createBackground(fakeDeps({ client, links: links.checker }));
    const dispatch = createDispatcher(bg.handlers, OWN);
    const urls = ['https://x.se/ok.csv', 'https://x.se/gone.csv', 'https://x.se/slow.csv'];
    const reply = await dispatch({ type: 'link-check', payload: { urls } }, { id: OWN });
    expect(reply.ok).toBe(true);
    const results = (reply as { data: { results: { url: string; ok: boolean; status?: number; error?: string }[] } }).data.results;
    expect(results.map((r) => [r.ok, r.status ?? r.error])).toEqual([[true, 200], [false, 404], [false, 'timeout']]);
    expect(links.asked).toEqual([urls]);
    // An empty or oversized request never reaches the checker.
    expect((await dispatch({ type: 'link-check', payload: { urls: [] } }, { id: OWN })).ok).toBe(false);
    expect((await dispatch({ type: 'link-check', payload: { urls: Array.from({ length: 61 }, (_, i) => `https://x.se/${i}`) } }, { id: OWN })).ok).toBe(false);
    expect(links.asked).toHaveLength(1);
  });
});

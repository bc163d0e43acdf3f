// The tab snapshot: the background keeps its latest tab-state answer per tab (storage.session in the
// extension), written after a navigation's badge and after each tab-state answer, so the popup can
// show it before the worker answers. The popup uses it only for the same tab and URL.
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../lib/background/service';
import type { TabState } from '../../../lib/messages';
import { TabState as TabStateSchema } from '../../../lib/messages';
import { snapshotKey, usableSnapshot } from '../../../lib/tab-snapshot';
import { fakeClient, fakeDeps, GBG, item, SKV } from './fakes';

const page = (n: number) => ({ total: n, offset: 0, limit: 50, items: Array.from({ length: n }, (_, i) => item(i, false)), skipped: [] });

function setup(paused: string[] = []) {
  const { client } = fakeClient({ [SKV.uri]: page(12), [GBG.uri]: page(5) });
  const snaps = new Map<number, TabState>();
  const deps = fakeDeps({ client, pausedHosts: async () => paused });
  deps.tabs.setSnapshot = async (id, s) => void snaps.set(id, structuredClone(s));
  const bg = createBackground(deps);
  const settle = () => new Promise((r) => setTimeout(r, 10));
  return { bg, snaps, settle };
}

describe('tab snapshot (background side)', () => {
  it('after a navigation: the answer a popup would get, with the first page, valid for the protocol', async () => {
    const { bg, snaps, settle } = setup();
    await bg.onTabUrl(1, 'https://www.skatteverket.se/privat');
    await settle();
    const s = snaps.get(1);
    expect(TabStateSchema.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({ pageKind: 'web', url: 'https://www.skatteverket.se/privat', host: 'www.skatteverket.se', paused: false });
    expect(s?.pageKind === 'web' && s.firstPage?.page.total).toBe(12);
  });

  it('after a tab-state answer: the same answer', async () => {
    const { bg, snaps, settle } = setup();
    const answer = await bg.handlers['tab-state']!({ tabId: 2, url: 'https://goteborg.se/' }, { id: 'ext' });
    await settle();
    expect(snaps.get(2)).toEqual(answer);
  });

  it('a paused host is snapshotted as paused, without data', async () => {
    const { bg, snaps, settle } = setup(['www.skatteverket.se']);
    await bg.onTabUrl(3, 'https://www.skatteverket.se/');
    await settle();
    expect(snaps.get(3)).toMatchObject({ paused: true });
    expect(snaps.get(3)).not.toHaveProperty('firstPage');
  });
});

describe('tab snapshot (popup side): used only for the same tab URL', () => {
  const web = { pageKind: 'web', url: 'https://www.skatteverket.se/privat', host: 'www.skatteverket.se', paused: false, signalsSeen: false };
  it.each([
    ['the same URL', web, 'https://www.skatteverket.se/privat', true],
    ['another URL (the tab navigated)', web, 'https://www.skatteverket.se/foretag', false],
    ['no URL known', web, undefined, false],
    ['not a web page', { pageKind: 'not-web' }, 'https://www.skatteverket.se/privat', false],
    ['nothing stored', undefined, 'https://www.skatteverket.se/privat', false],
    ['garbage', 'snap', 'https://www.skatteverket.se/privat', false],
  ])('%s', (_n, raw, url, usable) => {
    expect(usableSnapshot(raw, url) !== undefined).toBe(usable);
  });

  it('keys by tab', () => {
    expect(snapshotKey(7)).toBe('snap:7');
  });
});

describe('tab-state after a detector run, when the page changed route meanwhile', () => {
  it('answers for the newer route instead of undoing its resolution and badge', async () => {
    const { client } = fakeClient({ [SKV.uri]: page(12) });
    const deps = fakeDeps({ client });
    const bg = createBackground(deps);
    // The start page names nobody; while the popup's detector run is pending, the single-page site
    // routes to a section whose footer names Skatteverket, and the detector reports it.
    await bg.onTabUrl(5, 'https://www.verksamt.se/');
    deps.injectDetector = async () => {
      await bg.handlers.signals!(
        {
          signals: {
            url: 'https://www.verksamt.se/skatter',
            host: 'www.verksamt.se',
            path: '/skatter',
            orgNumbers: [{ value: '2021005448', where: 'footer', labelled: true }],
            jsonLd: [],
            links: [],
            meta: {},
          },
        },
        { id: 'ext', tabId: 5, url: 'https://www.verksamt.se/skatter' },
      );
    };
    const answer = await bg.handlers['tab-state']!({ tabId: 5, url: 'https://www.verksamt.se/', detect: true }, { id: 'ext' });
    expect(answer).toMatchObject({ url: 'https://www.verksamt.se/skatter', resolution: { status: 'matched' } });
    expect(deps.badges.get(5)).toMatchObject({ text: '12' });
    expect((await deps.tabs.get(5))?.url).toBe('https://www.verksamt.se/skatter');
  });
});

// Hot entries in front of the IndexedDB cache (service worker memory): a repeated read within HOT_MS
// is served from memory, as a copy; any write, delete or clear through it is seen at once.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryCache } from '../../../lib/storage/memory-cache';
import { HOT_ENTRIES, HOT_MS, withHotEntries } from '../../../lib/storage/hot-cache';
import type { Cache } from '../../../lib/storage/cache';

const Page = z.object({ total: z.number(), items: z.array(z.string()) });
const Other = z.object({ total: z.number() });

/** A MemoryCache that counts the reads reaching it. */
function counted(now: () => number) {
  const inner = new MemoryCache({ now });
  let reads = 0;
  let roomMade = 0;
  const cache: Cache & { makeRoom(): Promise<void> } = {
    get: (k, s) => {
      reads++;
      return inner.get(k, s);
    },
    set: (k, v, o) => inner.set(k, v, o),
    delete: (k) => inner.delete(k),
    clear: () => inner.clear(),
    stats: () => inner.stats(),
    async makeRoom() {
      roomMade++;
      await inner.clear();
    },
  };
  return { cache, reads: () => reads, roomMade: () => roomMade };
}

function setup() {
  let t = 1_000_000;
  const now = () => t;
  const c = counted(now);
  const hot = withHotEntries(c.cache, now);
  return { hot, c, advance: (ms: number) => (t += ms) };
}

describe('hot cache entries', () => {
  it('a second read within HOT_MS comes from memory, a later one from the store', async () => {
    const { hot, c, advance } = setup();
    await hot.set('k', { total: 2, items: ['a', 'b'] }, { kind: 'publisher-items' });
    expect((await hot.get('k', Page))?.value).toEqual({ total: 2, items: ['a', 'b'] });
    expect((await hot.get('k', Page))?.value.total).toBe(2);
    expect(c.reads()).toBe(1);
    advance(HOT_MS);
    await hot.get('k', Page);
    expect(c.reads()).toBe(2);
  });

  it('hands out copies: a caller changing its value changes nothing for the next', async () => {
    const { hot } = setup();
    await hot.set('k', { total: 1, items: ['a'] }, { kind: 'publisher-items' });
    const first = await hot.get('k', Page);
    first!.value.items.push('mutated');
    const second = await hot.get('k', Page);
    expect(second!.value.items).toEqual(['a']);
  });

  it('another schema reads the store again', async () => {
    const { hot, c } = setup();
    await hot.set('k', { total: 1, items: [] }, { kind: 'publisher-items' });
    await hot.get('k', Page);
    await hot.get('k', Other);
    expect(c.reads()).toBe(2);
  });

  it.each([
    ['set', (h: ReturnType<typeof setup>['hot']) => h.set('k', { total: 9, items: [] }, { kind: 'publisher-items' }), 9],
    ['delete', (h: ReturnType<typeof setup>['hot']) => h.delete('k'), undefined],
    ['clear', (h: ReturnType<typeof setup>['hot']) => h.clear(), undefined],
    ['makeRoom', (h: ReturnType<typeof setup>['hot']) => h.makeRoom(), undefined],
  ])('%s is seen by the next read at once', async (_name, change, total) => {
    const { hot } = setup();
    await hot.set('k', { total: 1, items: [] }, { kind: 'publisher-items' });
    await hot.get('k', Page);
    await change(hot);
    expect((await hot.get('k', Page))?.value.total).toBe(total);
  });

  it('makeRoom reaches the store\'s own makeRoom (drafts and reports need the space)', async () => {
    const { hot, c } = setup();
    await hot.makeRoom();
    expect(c.roomMade()).toBe(1);
  });

  it('keeps at most HOT_ENTRIES entries, the oldest read goes first', async () => {
    const { hot, c } = setup();
    for (let i = 0; i <= HOT_ENTRIES; i++) await hot.set(`k${i}`, { total: i, items: [] }, { kind: 'publisher-items' });
    for (let i = 0; i <= HOT_ENTRIES; i++) await hot.get(`k${i}`, Page);
    const before = c.reads();
    await hot.get(`k${HOT_ENTRIES}`, Page);
    expect(c.reads()).toBe(before);
    await hot.get('k0', Page);
    expect(c.reads()).toBe(before + 1);
  });

  it('a miss is not remembered', async () => {
    const { hot, c } = setup();
    expect(await hot.get('none', Page)).toBeUndefined();
    expect(await hot.get('none', Page)).toBeUndefined();
    expect(c.reads()).toBe(2);
  });
});

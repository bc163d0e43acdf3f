// The draft journal: a synchronous copy of the draft as typed, replayed into the stored drafts the
// next time they are read, so an edit made inside the autosave delay survives a browser quit.
import { describe, expect, it } from 'vitest';
import { clearJournal, JOURNAL_KEY, journalDraft, readJournal, replayJournal, type SyncStore } from '../../../lib/report/draft-journal';
import type { ReportDraft } from '../../../lib/report/types';
import { MessageError } from '../../../lib/message-client';
import { form, TARGET } from './helpers';

const T0 = Date.parse('2026-01-20T08:00:00Z');

function draft(over: Partial<ReportDraft> = {}): ReportDraft {
  return {
    key: '6_68000',
    refId: 'INSYN-20260120-K7QF',
    target: TARGET,
    routes: [],
    form: form(),
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

class MapStore implements SyncStore {
  m = new Map<string, string>();
  failWrites = false;
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

/** A stored-drafts target that records what was saved. */
function target(stored?: ReportDraft, fail?: unknown) {
  const saved: ReportDraft[] = [];
  return {
    saved,
    async get() {
      if (fail) throw fail;
      return stored;
    },
    async save(d: ReportDraft) {
      saved.push(d);
    },
  };
}

describe('draft journal', () => {
  it('keeps the latest edit, synchronously', () => {
    const s = new MapStore();
    journalDraft(s, draft({ updatedAt: T0 + 1 }));
    journalDraft(s, draft({ updatedAt: T0 + 2, form: form({ description: 'senaste' }) }));
    expect(readJournal(s)).toMatchObject({ key: '6_68000', updatedAt: T0 + 2, form: { description: 'senaste' } });
  });

  it('a full storage loses only the journal, never throws', () => {
    const s = new MapStore();
    s.failWrites = true;
    expect(() => journalDraft(s, draft())).not.toThrow();
    expect(readJournal(s)).toBeUndefined();
  });

  it.each([
    ['newer than the stored draft', draft({ updatedAt: T0 }), 1],
    ['no stored draft (quit before the first save)', undefined, 1],
    ['older than the stored draft (saved later elsewhere)', draft({ updatedAt: T0 + 10 }), 0],
  ])('replay: %s', async (_name, stored, saves) => {
    const s = new MapStore();
    journalDraft(s, draft({ updatedAt: T0 + 5, form: form({ description: 'skrivet precis före' }) }));
    const t = target(stored);
    await replayJournal(s, t);
    expect(t.saved).toHaveLength(saves);
    if (saves) expect(t.saved[0]!.form.description).toBe('skrivet precis före');
    expect(s.getItem(JOURNAL_KEY)).toBeNull();
  });

  it('replay keeps the entry when the background cannot be reached, drops it when the background rejects it', async () => {
    const s = new MapStore();
    journalDraft(s, draft());
    await replayJournal(s, target(undefined, new Error('Receiving end does not exist')));
    expect(readJournal(s)).toBeDefined();
    await replayJournal(s, target(undefined, new MessageError('bad-message', 'Invalid report-draft-get')));
    expect(readJournal(s)).toBeUndefined();
  });

  it.each([['not JSON', '{'], ['JSON of the wrong shape', '{"key":7}'], ['null', 'null'], ['an array', '[]']])('a corrupt journal (%s) is dropped, not replayed', async (_n, raw) => {
    const s = new MapStore();
    s.m.set(JOURNAL_KEY, raw);
    const t = target();
    await replayJournal(s, t);
    expect(t.saved).toEqual([]);
    expect(s.getItem(JOURNAL_KEY)).toBeNull();
  });

  it('clearing after a save keeps an edit made while the save was on its way', () => {
    const s = new MapStore();
    journalDraft(s, draft({ updatedAt: T0 + 2 }));
    clearJournal(s, '6_68000', T0 + 1);
    expect(readJournal(s)?.updatedAt).toBe(T0 + 2);
    clearJournal(s, '6_68000', T0 + 2);
    expect(readJournal(s)).toBeUndefined();
  });

  it('clearing another draft\'s key leaves the entry; clearing its key (sent or discarded) drops it', () => {
    const s = new MapStore();
    journalDraft(s, draft());
    clearJournal(s, 'other');
    expect(readJournal(s)).toBeDefined();
    clearJournal(s, '6_68000');
    expect(readJournal(s)).toBeUndefined();
  });
});

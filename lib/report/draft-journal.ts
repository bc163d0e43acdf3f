// A synchronous copy of the report draft being typed, so the last keystrokes survive what the
// debounced autosave (300 ms, through the background) cannot: the browser quitting, or the popup
// being torn down, right after an edit. Kept in the extension's localStorage (written synchronously
// by the page, no message), one entry: the form open now. The next time drafts are read, a journal
// entry newer than the stored draft is saved through the background (which validates it) and cleared.
import type { ReportDraft } from './types';

export const JOURNAL_KEY = 'insyn.report-draft-journal';

/** The slice of the Web Storage API used here (localStorage in the popup, a Map in tests). */
export interface SyncStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Entry {
  key: string;
  updatedAt: number;
}

function isEntry(v: unknown): v is Entry & Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as Entry).key === 'string' && typeof (v as Entry).updatedAt === 'number';
}

/** Never throws: a full or disabled storage only loses the extra safety, not the autosave. */
export function journalDraft(store: SyncStore, draft: ReportDraft): void {
  try {
    store.setItem(JOURNAL_KEY, JSON.stringify(draft));
  } catch {
    // quota or storage disabled
  }
}

/** The journal entry, if it looks like one (the background validates it fully on save). */
export function readJournal(store: SyncStore): (Entry & Record<string, unknown>) | undefined {
  try {
    const raw = store.getItem(JOURNAL_KEY);
    const v: unknown = raw ? JSON.parse(raw) : undefined;
    return isEntry(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Drops the entry for `key` (all of it, or only if it is no newer than `upTo`: an edit made while a
 * save was on its way stays). A malformed entry is dropped too.
 */
export function clearJournal(store: SyncStore, key: string, upTo?: number): void {
  try {
    const raw = store.getItem(JOURNAL_KEY);
    if (raw === null) return;
    const e = readJournal(store);
    if (!e || (e.key === key && (upTo === undefined || e.updatedAt <= upTo))) store.removeItem(JOURNAL_KEY);
  } catch {
    // nothing to do
  }
}

export interface JournalTarget {
  get(key: string): Promise<ReportDraft | undefined>;
  save(draft: ReportDraft): Promise<void>;
}

/**
 * Saves the journal entry when it is newer than the stored draft (or there is none), then clears it.
 * A rejected entry (malformed: the background said `bad-message`) is cleared; on any other failure
 * (worker restarting) it stays for the next read. Never throws.
 */
export async function replayJournal(store: SyncStore, target: JournalTarget): Promise<void> {
  const e = readJournal(store);
  if (!e) {
    clearJournal(store, '');
    return;
  }
  try {
    const stored = await target.get(e.key);
    if (!stored || stored.updatedAt < e.updatedAt) await target.save(e as unknown as ReportDraft);
    clearJournal(store, e.key, e.updatedAt);
  } catch (err) {
    if ((err as { kind?: string }).kind === 'bad-message') clearJournal(store, e.key);
  }
}

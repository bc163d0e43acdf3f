// The last answer to `tab-state` for a tab, kept by the background in storage.session so that the
// popup can show it without waiting for the service worker: a warm popup reads it in one storage
// round trip (no worker hop) and renders, while the real `tab-state` answer is on its way and
// replaces it if anything changed. No zod here: the popup's first load stays small; the background
// wrote the snapshot from a validated answer, and the popup uses it only for the same tab and URL.
import type { TabState } from './messages';

export const SNAPSHOT_PREFIX = 'snap:';
export const snapshotKey = (tabId: number) => `${SNAPSHOT_PREFIX}${tabId}`;

/** The snapshot if it describes this tab's current URL. */
export function usableSnapshot(raw: unknown, url: string | undefined): TabState | undefined {
  if (!raw || typeof raw !== 'object' || !url) return undefined;
  const s = raw as { pageKind?: unknown; url?: unknown };
  return s.pageKind === 'web' && s.url === url ? (raw as TabState) : undefined;
}

// The page-data collector: injected by the background through activeTab only when the user opens
// the popup's "On this page" (never on page load, never by a manifest match). It reads links and
// the page's own fetch/XHR resource-timing entries and returns URLs only (lib/pagedata/collect.ts);
// the value of main() is what scripting.executeScript resolves to. No zod, no polyfill.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectPageUrls, type PageUrls, type ResourceEntryLike } from '../lib/pagedata/collect';

export default defineUnlistedScript((): PageUrls | null => {
  try {
    if (window.top !== window || !document.documentElement) return null;
    let entries: ArrayLike<ResourceEntryLike> = [];
    try {
      entries = performance.getEntriesByType('resource') as unknown as ArrayLike<ResourceEntryLike>;
    } catch {
      // no resource timing in this document
    }
    return collectPageUrls(document, location.href, entries);
  } catch {
    return null;
  }
});

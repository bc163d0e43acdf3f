// Pure: tells a web page from browser-internal pages, which the popup cannot inspect.
export type PageKind = { kind: 'web'; host: string; url: URL } | { kind: 'not-web' };

export function pageKind(url: string | undefined): PageKind {
  if (!url) return { kind: 'not-web' };
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return { kind: 'web', host: u.hostname, url: u };
  } catch {
    // fall through
  }
  return { kind: 'not-web' };
}

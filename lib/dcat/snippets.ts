// Ready-to-paste commands for developers. Quoting is POSIX-shell single quotes, so any URL
// from metadata (even a hostile one) ends up as one inert argument.
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Only http(s) URLs are offered as commands or links (DESIGN: metadata URLs are opened only if http(s)/mailto). */
export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isSafeLink(url: string | undefined): url is string {
  if (!url) return false;
  if (isWebUrl(url)) return true;
  return /^mailto:[^\s]+@[^\s]+$/i.test(url);
}

export function curlLine(url: string, accept?: string): string | undefined {
  if (!isWebUrl(url)) return undefined;
  const header = accept ? ` -H ${shellQuote(`Accept: ${accept}`)}` : '';
  return `curl -sSL${header} ${shellQuote(url)}`;
}

export function fetchSnippet(url: string): string | undefined {
  if (!isWebUrl(url)) return undefined;
  return `const res = await fetch(${JSON.stringify(url)});\nconst data = await res.json();`;
}

import { describe, expect, it } from 'vitest';
import { curlLine, fetchSnippet, isSafeLink, shellQuote } from '../../../lib/dcat/snippets';

describe('developer snippets', () => {
  it.each([
    ['https://api.example.se/v1/data?x=1&y=2', "curl -sSL 'https://api.example.se/v1/data?x=1&y=2'"],
    ["https://e.se/it's", "curl -sSL 'https://e.se/it'\\''s'"],
    ['https://e.se/$(rm -rf ~)', "curl -sSL 'https://e.se/$(rm%20-rf%20~)'".replace('%20-rf%20', ' -rf ')],
  ])('curl for %s', (url, want) => {
    expect(curlLine(url)).toBe(want);
  });

  it('adds an Accept header when asked', () => {
    expect(curlLine('https://e.se/a', 'application/json')).toBe("curl -sSL -H 'Accept: application/json' 'https://e.se/a'");
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'ftp://x.se/a', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(curlLine(url)).toBeUndefined();
      expect(fetchSnippet(url)).toBeUndefined();
      expect(isSafeLink(url)).toBe(false);
    },
  );

  it('allows http(s) and mailto links only', () => {
    expect(isSafeLink('mailto:statistik@skatteverket.se')).toBe(true);
    expect(isSafeLink('https://www.skatteverket.se')).toBe(true);
    expect(isSafeLink('mailto:')).toBe(false);
  });

  it('fetch snippet quotes the URL as a JS string', () => {
    expect(fetchSnippet('https://e.se/"x"')).toContain('fetch("https://e.se/\\"x\\"")');
  });

  it('shellQuote handles empty strings', () => {
    expect(shellQuote('')).toBe("''");
  });
});

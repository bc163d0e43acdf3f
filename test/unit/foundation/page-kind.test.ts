import { describe, expect, it } from 'vitest';
import { pageKind } from '../../../lib/ext/page-kind';

describe('pageKind', () => {
  it.each([
    ['https://www.skatteverket.se/privat', 'web', 'www.skatteverket.se'],
    ['http://goteborg.se/', 'web', 'goteborg.se'],
    ['chrome://extensions', 'not-web', undefined],
    ['about:blank', 'not-web', undefined],
    ['file:///home/a.html', 'not-web', undefined],
    ['chrome-extension://abc/popup.html', 'not-web', undefined],
    ['not a url', 'not-web', undefined],
    [undefined, 'not-web', undefined],
  ])('%s is %s', (url, kind, host) => {
    const got = pageKind(url);
    expect(got.kind).toBe(kind);
    if (got.kind === 'web') expect(got.host).toBe(host);
  });
});

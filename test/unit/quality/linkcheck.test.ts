import { describe, expect, it } from 'vitest';
import { checkLink, createLinkChecker, originPatterns, type FetchLike } from '../../../lib/quality/linkcheck';
import { MemoryCache } from '../../../lib/storage/memory-cache';

type Route = { head?: number | 'hang' | 'fail'; get?: number | 'hang' | 'fail' };

/** A fake fetch answering per URL and method, recording each call. */
function fakeFetch(routes: Record<string, Route>, opts: { delayMs?: number } = {}) {
  const calls: { url: string; method: string; range?: string; credentials?: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch: FetchLike = async (url, init) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, range: (init?.headers as Record<string, string> | undefined)?.Range, credentials: init?.credentials });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const r = routes[url] ?? {};
      const what = method === 'HEAD' ? r.head : r.get;
      if (what === 'hang') {
        await new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      }
      if (opts.delayMs) await new Promise((res) => setTimeout(res, opts.delayMs));
      if (what === 'fail' || what === undefined) throw new TypeError('fetch failed');
      return new Response(method === 'HEAD' ? null : 'x', { status: what as number });
    } finally {
      inFlight--;
    }
  };
  return { fetch, calls, maxInFlight: () => maxInFlight };
}

const U = (p: string) => `https://data.example.se/${p}`;

describe('checkLink', () => {
  it('HEAD 200 is enough', async () => {
    const f = fakeFetch({ [U('ok')]: { head: 200 } });
    expect(await checkLink(U('ok'), { fetch: f.fetch, now: () => 7 })).toEqual({ url: U('ok'), ok: true, status: 200, method: 'HEAD', checkedAt: 7 });
    expect(f.calls).toEqual([{ url: U('ok'), method: 'HEAD', range: undefined, credentials: 'omit' }]);
  });

  it('a server refusing HEAD is asked for one byte', async () => {
    const f = fakeFetch({ [U('nohead')]: { head: 405, get: 206 } });
    expect(await checkLink(U('nohead'), { fetch: f.fetch })).toMatchObject({ ok: true, status: 206, method: 'GET' });
    expect(f.calls[1]).toMatchObject({ method: 'GET', range: 'bytes=0-0', credentials: 'omit' });
  });

  it('404 stays broken after the ranged GET', async () => {
    const f = fakeFetch({ [U('gone')]: { head: 404, get: 404 } });
    expect(await checkLink(U('gone'), { fetch: f.fetch })).toMatchObject({ ok: false, status: 404, method: 'GET' });
  });

  it('416 to the ranged GET means an empty file that is there', async () => {
    const f = fakeFetch({ [U('empty')]: { head: 403, get: 416 } });
    expect((await checkLink(U('empty'), { fetch: f.fetch })).ok).toBe(true);
  });

  it('a HEAD that hangs times out without a second wait', async () => {
    const f = fakeFetch({ [U('slow')]: { head: 'hang', get: 'hang' } });
    const r = await checkLink(U('slow'), { fetch: f.fetch, timeoutMs: 30 });
    expect(r).toMatchObject({ ok: false, error: 'timeout' });
    expect(f.calls).toHaveLength(1);
  });

  it('a connection failure on both is "network"; a HEAD status survives a failing GET', async () => {
    const f = fakeFetch({ [U('down')]: { head: 'fail', get: 'fail' }, [U('half')]: { head: 500, get: 'fail' } });
    expect(await checkLink(U('down'), { fetch: f.fetch })).toMatchObject({ ok: false, error: 'network' });
    expect(await checkLink(U('half'), { fetch: f.fetch })).toMatchObject({ ok: false, status: 500, method: 'HEAD' });
  });

  it('does not fetch what is not http(s)', async () => {
    const f = fakeFetch({});
    expect(await checkLink('ftp://ftp.example.se/x.csv', { fetch: f.fetch })).toMatchObject({ ok: false, error: 'unsupported' });
    expect(await checkLink('javascript:alert(1)', { fetch: f.fetch })).toMatchObject({ ok: false, error: 'unsupported' });
    expect(f.calls).toEqual([]);
  });
});

describe('createLinkChecker', () => {
  it('never has more than 2 requests in flight, and answers in the order asked', async () => {
    const routes = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [U(`f${i}`), { head: 200 }]));
    const f = fakeFetch(routes, { delayMs: 5 });
    const checker = createLinkChecker({ fetch: f.fetch });
    const [a, b] = await Promise.all([checker.check(Object.keys(routes).slice(0, 4)), checker.check(Object.keys(routes).slice(3))]);
    expect(f.maxInFlight()).toBeLessThanOrEqual(2);
    expect(a.map((r) => r.url)).toEqual(Object.keys(routes).slice(0, 4));
    expect(b.every((r) => r.ok)).toBe(true);
    // The URL both asked about at once was checked once.
    expect(f.calls.filter((c) => c.url === U('f3'))).toHaveLength(1);
  });

  it('reuses results for 24 hours, then checks again; force skips the cache', async () => {
    let now = Date.UTC(2026, 10, 23);
    const cache = new MemoryCache({ now: () => now });
    const f = fakeFetch({ [U('x')]: { head: 200 } });
    const checker = createLinkChecker({ fetch: f.fetch, cache, now: () => now });
    await checker.check([U('x')]);
    now += 23 * 3600_000;
    await checker.check([U('x')]);
    expect(f.calls).toHaveLength(1);
    await checker.check([U('x')], { force: true });
    expect(f.calls).toHaveLength(2);
    now += 25 * 3600_000;
    await checker.check([U('x')]);
    expect(f.calls).toHaveLength(3);
  });

  it('reports each result as it arrives', async () => {
    const f = fakeFetch({ [U('a')]: { head: 200 }, [U('b')]: { head: 404, get: 404 } });
    const seen: string[] = [];
    await createLinkChecker({ fetch: f.fetch }).check([U('a'), U('b')], { onResult: (r) => seen.push(`${r.url}:${r.ok}`) });
    expect(seen.sort()).toEqual([`${U('a')}:true`, `${U('b')}:false`]);
  });
});

describe('originPatterns', () => {
  it('one pattern per scheme and host, http(s) only', () => {
    expect(originPatterns([U('a'), U('b'), 'http://other.example.com:8080/x', 'ftp://x/y', 'nonsense'])).toEqual([
      'https://data.example.se/*',
      'http://other.example.com/*',
    ]);
  });
});

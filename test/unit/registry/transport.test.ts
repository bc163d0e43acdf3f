import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../../lib/registry/errors';
import { createTransport, parseRetryAfter, type TransportOptions } from '../../../lib/registry/transport';

type Handler = (url: string, init: RequestInit, call: number) => Response | Promise<Response>;

/** A fetch stand-in that records calls and answers from `handler`. */
function fakeFetch(handler: Handler): { fetch: typeof fetch; calls: Array<{ url: string; init: RequestInit }> } {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return handler(url, init ?? {}, calls.length);
  }) as typeof fetch;
  return { fetch: f, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Sequence of answers, one per call; the last one repeats. */
function sequence(...answers: Array<() => Response | Promise<Response>>): Handler {
  return (_url, _init, call) => (answers[Math.min(call, answers.length) - 1] as () => Response | Promise<Response>)();
}

function setup(handler: Handler, extra: TransportOptions = {}) {
  const f = fakeFetch(handler);
  const delays: number[] = [];
  const transport = createTransport({
    base: 'https://registry.test/store',
    fetch: f.fetch,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    isOnline: () => true,
    ...extra,
  });
  return { transport, calls: f.calls, delays };
}

async function failure(p: Promise<unknown>): Promise<RegistryError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(RegistryError);
    return err as RegistryError;
  }
  throw new Error('expected a rejection');
}

/** A promise with its resolve exposed. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A fetch answer that only ends when the request is aborted. */
function hangUntilAborted(init: RequestInit): Promise<Response> {
  return new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });
}

describe('transport: success', () => {
  it('sends a plain credential-less GET for JSON and parses the body', async () => {
    const { transport, calls } = setup(() => json({ results: 1 }));
    await expect(transport.getJson('/search?type=solr&query=public:true')).resolves.toEqual({ results: 1 });
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.url).toBe('https://registry.test/store/search?type=solr&query=public:true');
    expect(call?.init.method).toBe('GET');
    expect(call?.init.credentials).toBe('omit');
    expect(call?.init.headers).toEqual({ Accept: 'application/json' });
    expect(transport.stats()).toEqual({ requests: 1, maxInFlight: 1, inFlight: 0 });
  });

  it('joins base and path with exactly one slash', async () => {
    const { transport, calls } = setup(() => json({}), { base: 'https://registry.test/store/' });
    await transport.getJson('6/metadata/1?recursive=dcat');
    expect(calls[0]?.url).toBe('https://registry.test/store/6/metadata/1?recursive=dcat');
  });
});

describe('transport: failure classes', () => {
  it('offline (navigator.onLine false): fails at once without fetching', async () => {
    const { transport, calls, delays } = setup(() => json({}), { isOnline: () => false });
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('offline');
    expect(calls).toHaveLength(0);
    expect(delays).toEqual([]);
  });

  it('offline (fetch TypeError): retried, then offline', async () => {
    const { transport, calls, delays } = setup(() => {
      throw new TypeError('fetch failed');
    });
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('offline');
    expect(err.cause).toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('a TypeError while the device went offline is not retried', async () => {
    let online = true;
    const { transport, calls } = setup(
      () => {
        online = false;
        throw new TypeError('fetch failed');
      },
      { isOnline: () => online },
    );
    expect((await failure(transport.getJson('/search'))).kind).toBe('offline');
    expect(calls).toHaveLength(1);
  });

  it('timeout: each attempt is cut at timeoutMs, retried, then timeout', async () => {
    const { transport, calls } = setup((_u, init) => hangUntilAborted(init), { timeoutMs: 20 });
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('timeout');
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.init.signal?.aborted)).toBe(true);
  });

  it('timeout also covers a body that never finishes', async () => {
    const stalled = (init: RequestInit): Response => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"results":'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    };
    const { transport } = setup((_u, init) => stalled(init), { timeoutMs: 20, maxTries: 1 });
    expect((await failure(transport.getJson('/search'))).kind).toBe('timeout');
  });

  it('429 without Retry-After: backoff, 3 tries, then rate-limited', async () => {
    const { transport, calls, delays } = setup(() => json({ error: 'slow down' }, 429));
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('rate-limited');
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBeUndefined();
    expect(calls).toHaveLength(3);
    expect(delays).toEqual([375, 750]); // 500·2^(n-1), equal jitter at random()=0.5
  });

  it('429 with Retry-After (seconds): waits exactly that long, then succeeds', async () => {
    const { transport, calls, delays } = setup(sequence(() => json({}, 429, { 'Retry-After': '2' }), () => json({ ok: true })));
    await expect(transport.getJson('/search')).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(2);
    expect(delays).toEqual([2000]);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    const { transport, delays } = setup(
      sequence(() => json({}, 429, { 'Retry-After': 'Fri, 20 Nov 2026 10:00:05 GMT' }), () => json({ ok: true })),
      { now: () => now },
    );
    await transport.getJson('/search');
    expect(delays).toEqual([5000]);
  });

  it('429 with a Retry-After over the cap fails at once with retryAfterMs', async () => {
    const { transport, calls, delays } = setup(() => json({}, 429, { 'Retry-After': '120' }));
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAfterMs).toBe(120_000);
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('503 with a long Retry-After is rate-limited too', async () => {
    const { transport } = setup(() => json({}, 503, { 'Retry-After': '3600' }));
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('rate-limited');
    expect(err.status).toBe(503);
    expect(err.retryAfterMs).toBe(3_600_000);
  });

  it.each([500, 502, 503])('%i then success: retried once', async (status) => {
    const { transport, calls, delays } = setup(sequence(() => json({ error: 'x' }, status), () => json({ ok: status })));
    await expect(transport.getJson('/search')).resolves.toEqual({ ok: status });
    expect(calls).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it('500, 502 then success on the third and last try', async () => {
    const { transport, calls } = setup(sequence(() => json({}, 500), () => json({}, 502), () => json({ ok: 3 })));
    await expect(transport.getJson('/search')).resolves.toEqual({ ok: 3 });
    expect(calls).toHaveLength(3);
  });

  it('5xx every time: server error with the last status', async () => {
    const { transport, calls } = setup(sequence(() => json({}, 500), () => json({}, 500), () => json({}, 502)));
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('server');
    expect(err.status).toBe(502);
    expect(calls).toHaveLength(3);
  });

  it('other 4xx: bad-request, not retried, with the server’s error text', async () => {
    const { transport, calls } = setup(() => json({ error: 'Query too short' }, 400));
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('bad-request');
    expect(err.status).toBe(400);
    expect(err.message).toContain('Query too short');
    expect(calls).toHaveLength(1);
  });

  it('404 is a bad-request with status 404', async () => {
    const { transport } = setup(() => new Response('<html>not found</html>', { status: 404 }));
    const err = await failure(transport.getJson('/6/metadata/999'));
    expect(err).toMatchObject({ kind: 'bad-request', status: 404 });
    expect(err.message).not.toContain('<html>');
  });

  it('truncated JSON: malformed, not retried', async () => {
    const { transport, calls } = setup(() => new Response('{"results": 3, "resource": {"chil', { status: 200 }));
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('malformed');
    expect(calls).toHaveLength(1);
  });

  it('HTML page with 200: malformed', async () => {
    const { transport } = setup(() => new Response('<!DOCTYPE html><html><body>Underhåll</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const err = await failure(transport.getJson('/search'));
    expect(err.kind).toBe('malformed');
    expect(err.message).toMatch(/HTML/);
  });

  it('empty body: malformed', async () => {
    const { transport } = setup(() => new Response('', { status: 200 }));
    expect((await failure(transport.getJson('/search'))).kind).toBe('malformed');
  });

  it('errors serialise to a plain object for messaging', async () => {
    const { transport } = setup(() => json({}, 429, { 'Retry-After': '120' }));
    const err = await failure(transport.getJson('/search'));
    expect(JSON.parse(JSON.stringify(err))).toEqual({ kind: 'rate-limited', message: err.message, status: 429, retryAfterMs: 120_000 });
  });
});

describe('transport: backoff', () => {
  it('doubles per retry and stays within [d/2, d] for any jitter', async () => {
    for (const r of [0, 0.25, 0.999999]) {
      const { transport, delays } = setup(() => json({}, 500), { random: () => r, maxTries: 5 });
      await failure(transport.getJson('/x'));
      expect(delays).toHaveLength(4);
      delays.forEach((ms, i) => {
        const d = 500 * 2 ** i;
        expect(ms).toBeGreaterThanOrEqual(d / 2);
        expect(ms).toBeLessThanOrEqual(d);
      });
    }
  });

  it('with real randomness, 200 delays all stay in bounds and are not all equal', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 100; i++) {
      const { transport, delays } = setup(() => json({}, 503), { random: Math.random });
      await failure(transport.getJson('/x'));
      expect(delays[0]).toBeGreaterThanOrEqual(250);
      expect(delays[0]).toBeLessThanOrEqual(500);
      expect(delays[1]).toBeGreaterThanOrEqual(500);
      expect(delays[1]).toBeLessThanOrEqual(1000);
      seen.push(...delays);
    }
    expect(new Set(seen).size).toBeGreaterThan(10);
  });

  it('is capped at maxDelayMs', async () => {
    const { transport, delays } = setup(() => json({}, 500), { random: () => 0.999999, maxTries: 8, maxDelayMs: 2000 });
    await failure(transport.getJson('/x'));
    expect(Math.max(...delays)).toBeLessThanOrEqual(2000);
  });

  it('never retries more than maxTries in total', async () => {
    const { transport, calls } = setup(() => json({}, 500), { maxTries: 1 });
    await failure(transport.getJson('/x'));
    expect(calls).toHaveLength(1);
  });
});

describe('transport: concurrency', () => {
  it('never has more than 2 requests in flight, in FIFO order', async () => {
    let active = 0;
    let peak = 0;
    const started: string[] = [];
    const gates: Array<() => void> = [];
    const { transport, calls } = setup(async (url) => {
      active++;
      peak = Math.max(peak, active);
      started.push(url);
      await new Promise<void>((r) => gates.push(r));
      active--;
      return json({ url });
    });
    const paths = Array.from({ length: 10 }, (_, i) => `/search?n=${i}`);
    const all = Promise.all(paths.map((p) => transport.getJson(p)));
    // Release answers one at a time, letting the queue refill between them.
    while (calls.length < 10 || gates.length > 0) {
      await new Promise((r) => setTimeout(r, 1));
      expect(active).toBeLessThanOrEqual(2);
      gates.shift()?.();
    }
    const results = await all;
    expect(results).toHaveLength(10);
    expect(peak).toBe(2);
    expect(started).toEqual(paths.map((p) => `https://registry.test/store${p}`));
    expect(transport.stats()).toEqual({ requests: 10, maxInFlight: 2, inFlight: 0 });
  });

  it('a retry waits for a free slot like any request', async () => {
    let active = 0;
    let peak = 0;
    const { transport } = setup(async (_url, _init, call) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      active--;
      return call % 2 === 0 ? json({}, 500) : json({ ok: true });
    });
    await Promise.allSettled(Array.from({ length: 8 }, (_, i) => transport.getJson(`/x${i}`)));
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('coalesces identical in-flight GETs into one request', async () => {
    const gate = deferred<void>();
    const { transport, calls } = setup(async () => {
      await gate.promise;
      return json({ n: calls.length });
    });
    const a = transport.getJson('/search?q=same');
    const b = transport.getJson('/search?q=same');
    const c = transport.getJson('/search?q=other');
    gate.resolve();
    const [ra, rb] = await Promise.all([a, b, c]);
    expect(ra).toBe(rb);
    expect(calls.map((x) => x.url)).toEqual(['https://registry.test/store/search?q=same', 'https://registry.test/store/search?q=other']);
    // Once settled, the same URL is fetched again (the transport is not a cache).
    await transport.getJson('/search?q=same');
    expect(calls).toHaveLength(3);
  });

  it('coalesced callers share a failure too', async () => {
    const { transport, calls } = setup(() => json({ error: 'bad' }, 400));
    const results = await Promise.allSettled([transport.getJson('/x'), transport.getJson('/x')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toHaveLength(1);
  });
});

describe('transport: abort', () => {
  it('an already aborted signal rejects without fetching', async () => {
    const { transport, calls } = setup(() => json({}));
    const err = await failure(transport.getJson('/x', { signal: AbortSignal.abort() }));
    expect(err.kind).toBe('aborted');
    expect(calls).toHaveLength(0);
  });

  it('aborting cancels the running fetch', async () => {
    const { transport, calls } = setup((_u, init) => hangUntilAborted(init));
    const ctl = new AbortController();
    const p = transport.getJson('/x', { signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 5));
    ctl.abort();
    expect((await failure(p)).kind).toBe('aborted');
    expect(calls[0]?.init.signal?.aborted).toBe(true);
    expect(calls).toHaveLength(1);
    expect(transport.stats().inFlight).toBe(0);
  });

  it('aborting a queued request removes it from the queue', async () => {
    const gates: Array<() => void> = [];
    const { transport, calls } = setup(async () => {
      await new Promise<void>((r) => gates.push(r));
      return json({});
    });
    const a = transport.getJson('/a');
    const b = transport.getJson('/b');
    const ctl = new AbortController();
    const c = transport.getJson('/c', { signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 5));
    ctl.abort();
    expect((await failure(c)).kind).toBe('aborted');
    gates.forEach((g) => g());
    await Promise.all([a, b]);
    expect(calls.map((x) => x.url.replace('https://registry.test/store', ''))).toEqual(['/a', '/b']);
  });

  it('one coalesced caller aborting does not cancel the others', async () => {
    const gate = deferred<void>();
    const { transport, calls } = setup(async (_u, init) => {
      await gate.promise;
      if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return json({ ok: true });
    });
    const ctl = new AbortController();
    const quitter = transport.getJson('/x', { signal: ctl.signal });
    const stayer = transport.getJson('/x', { signal: new AbortController().signal });
    ctl.abort();
    expect((await failure(quitter)).kind).toBe('aborted');
    gate.resolve();
    await expect(stayer).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('aborting during backoff stops the retries', async () => {
    const f = fakeFetch(() => json({}, 500));
    // Real sleep with a long backoff: only the abort can end it quickly.
    const transport = createTransport({ base: 'https://registry.test/store', fetch: f.fetch, baseDelayMs: 60_000, isOnline: () => true });
    const ctl = new AbortController();
    const p = transport.getJson('/x', { signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 10));
    ctl.abort();
    expect((await failure(p)).kind).toBe('aborted');
    expect(f.calls).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');
  it.each([
    [null, undefined],
    ['', undefined],
    ['0', 0],
    ['7', 7000],
    ['Fri, 20 Nov 2026 10:01:00 GMT', 60_000],
    ['Fri, 20 Nov 2026 09:00:00 GMT', 0],
    ['soon', undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('transport: abort then ask again', () => {
  it('a new caller after everyone aborted gets a new request', async () => {
    const { transport, calls } = setup((_u, init) => (calls.length === 1 ? hangUntilAborted(init) : json({ second: true })));
    const ctl = new AbortController();
    const first = transport.getJson('/x', { signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 5));
    ctl.abort();
    await expect(first).rejects.toMatchObject({ kind: 'aborted' });
    await expect(transport.getJson('/x')).resolves.toEqual({ second: true });
    expect(calls).toHaveLength(2);
  });
});

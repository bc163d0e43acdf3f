// The only code in Insyn that talks to the network. Everything the registry layer needs from HTTP
// is here: plain credential-less GETs, a time limit, retries with backoff, Retry-After, at most
// `maxInFlight` requests at once and one shared request per identical URL. DESIGN (Budgets): the
// registry is a shared public service, "never more than 2 in flight, coalesce, back off".
//
// Runs unchanged in an MV3 service worker and in Node 20: it uses only fetch, AbortController and
// timers, plus navigator.onLine when it exists.
import { RegistryError } from './errors';

export const DEFAULT_BASE = 'https://admin.dataportal.se/store';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface TransportOptions {
  /** Registry base, e.g. `https://admin.dataportal.se/store` (no trailing slash needed). */
  base?: string;
  fetch?: typeof fetch;
  /** Time limit per attempt, including reading the body. */
  timeoutMs?: number;
  /** Attempts in total, first one included. */
  maxTries?: number;
  maxInFlight?: number;
  /** First backoff step; doubles per retry. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After we wait for; a longer one fails at once with `rate-limited`. */
  maxRetryAfterMs?: number;
  /** Injected in tests so backoff takes no real time. */
  sleep?: Sleep;
  /** Injected in tests to pin the jitter; must return [0, 1). */
  random?: () => number;
  /** Clock for HTTP-date Retry-After values. */
  now?: () => number;
  /** Defaults to navigator.onLine where it exists. */
  isOnline?: () => boolean;
}

export interface TransportStats {
  /** fetch calls made (each retry counts). */
  requests: number;
  /** Highest number of fetch calls that were running at the same time. */
  maxInFlight: number;
  inFlight: number;
}

export interface GetOptions {
  signal?: AbortSignal;
}

export interface Transport {
  readonly base: string;
  /** GET `base + pathAndQuery` and return the parsed JSON body. Throws RegistryError only. */
  getJson(pathAndQuery: string, options?: GetOptions): Promise<unknown>;
  stats(): TransportStats;
}

const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function abortError(): RegistryError {
  return new RegistryError('aborted', 'The request was cancelled.');
}

function defaultIsOnline(): boolean {
  // `navigator` exists in the service worker and in Node ≥ 21; Node 20 has none, which means "assume online".
  const nav = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
  return nav?.onLine !== false;
}

/**
 * Parses Retry-After: delta-seconds or an HTTP date. Returns milliseconds (≥ 0), or undefined when
 * absent or unreadable (an unreadable value is treated as if the server had said nothing).
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** FIFO counting semaphore: the first waiter gets the next free slot. */
class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
      };
      const onAbort = (): void => {
        // A cancelled waiter leaves the queue without taking a slot.
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(abortError());
      };
      this.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    this.active--;
    const next = this.waiters.shift();
    if (next) next();
  }
}

/** Why one attempt failed, and whether another attempt may help. */
class AttemptFailure {
  constructor(
    readonly error: RegistryError,
    readonly retry: boolean,
    /** Server-requested wait before the next attempt (Retry-After), overriding backoff. */
    readonly waitMs?: number,
  ) {}
}

interface Shared {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
}

const TIMEOUT = Symbol('timeout');

export function createTransport(options: TransportOptions = {}): Transport {
  const base = (options.base ?? DEFAULT_BASE).replace(/\/+$/, '');
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxTries = Math.max(1, options.maxTries ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? defaultIsOnline;
  const semaphore = new Semaphore(Math.max(1, options.maxInFlight ?? 2));

  const stats: TransportStats = { requests: 0, maxInFlight: 0, inFlight: 0 };
  const shared = new Map<string, Shared>();
  /**
   * Until when the registry asked us to stay away (Retry-After on a 429 or 503). Honoured by every
   * later call too, not only by the retries of the call that was told: otherwise the next popup
   * open or badge update would knock again at once.
   */
  let quietUntil = 0;

  /** Backoff before attempt `tryNo + 1`: exponential, with "equal jitter" so the delay stays in [d/2, d]. */
  function backoff(tryNo: number): number {
    const d = Math.min(maxDelayMs, baseDelayMs * 2 ** (tryNo - 1));
    return Math.round(d / 2 + random() * (d / 2));
  }

  async function attempt(url: string, signal: AbortSignal): Promise<unknown> {
    if (!isOnline()) {
      // Known offline: fail at once, no fetch and no backoff; the caller shows cached data meanwhile.
      throw new AttemptFailure(new RegistryError('offline', 'The device is offline.', { url }), false);
    }
    await semaphore.acquire(signal);
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method: 'GET',
          headers: { Accept: 'application/json' },
          credentials: 'omit',
          signal: controller.signal,
        });
        // The body is read under the same time limit: a server that sends headers and then stalls is a timeout too.
        text = await response.text();
      } catch (err) {
        throw classifyThrown(err, url, controller.signal, signal);
      }
      return classifyResponse(response, text, url);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      stats.inFlight--;
      semaphore.release();
    }
  }

  function classifyThrown(err: unknown, url: string, attemptSignal: AbortSignal, callerSignal: AbortSignal): AttemptFailure {
    if (callerSignal.aborted) return new AttemptFailure(new RegistryError('aborted', 'The request was cancelled.', { url, cause: err }), false);
    if (attemptSignal.aborted && attemptSignal.reason === TIMEOUT) {
      return new AttemptFailure(new RegistryError('timeout', `The registry did not answer within ${timeoutMs} ms.`, { url, cause: err }), true);
    }
    // fetch rejects with a TypeError for DNS failures, refused or reset connections and CORS
    // refusals alike; from here they all look like "no usable network".
    const offline = !isOnline();
    return new AttemptFailure(
      new RegistryError('offline', offline ? 'The device is offline.' : 'Could not reach the registry.', { url, cause: err }),
      !offline,
    );
  }

  function classifyResponse(response: Response, text: string, url: string): unknown {
    const status = response.status;
    if (status >= 200 && status < 300) {
      if (text.trim() === '') throw fail('malformed', 'The registry sent an empty answer.', { url, status }, false);
      try {
        return JSON.parse(text) as unknown;
      } catch (err) {
        const looksHtml = /^\s*</.test(text);
        throw fail(
          'malformed',
          looksHtml ? 'The registry sent an HTML page instead of JSON.' : 'The registry sent JSON that could not be read (truncated or invalid).',
          { url, status, cause: err },
          false,
        );
      }
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
    if (status === 429 || status === 503) {
      if (retryAfterMs !== undefined) quietUntil = Math.max(quietUntil, now() + retryAfterMs);
      if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
        // Waiting minutes inside a popup helps no one: report it and let the caller show "try later".
        throw fail('rate-limited', `The registry asked us to wait ${Math.ceil(retryAfterMs / 1000)} s.`, { url, status, retryAfterMs }, false);
      }
      const kind = status === 429 ? 'rate-limited' : 'server';
      const message = status === 429 ? 'The registry is limiting requests (HTTP 429).' : 'The registry is unavailable (HTTP 503).';
      throw new AttemptFailure(
        new RegistryError(kind, message, { url, status, ...(retryAfterMs !== undefined && { retryAfterMs }) }),
        true,
        retryAfterMs,
      );
    }
    if (status >= 500) throw fail('server', `The registry failed (HTTP ${status}).`, { url, status }, true);
    if (status >= 400) {
      const detail = serverErrorText(text);
      throw fail('bad-request', `The registry refused the request (HTTP ${status})${detail ? `: ${detail}` : ''}.`, { url, status }, false);
    }
    // 1xx/3xx reaching us means a redirect fetch would not follow, or a proxy oddity.
    throw fail('server', `Unexpected HTTP status ${status} from the registry.`, { url, status }, false);
  }

  function fail(
    kind: RegistryError['kind'],
    message: string,
    opts: { url: string; status?: number; retryAfterMs?: number; cause?: unknown },
    retry: boolean,
  ): AttemptFailure {
    return new AttemptFailure(new RegistryError(kind, message, opts), retry);
  }

  async function run(url: string, signal: AbortSignal): Promise<unknown> {
    // A wait the registry asked for earlier: sit it out if it is short, else fail at once without a request.
    const quiet = quietUntil - now();
    if (quiet > maxRetryAfterMs) {
      throw new RegistryError('rate-limited', `The registry asked us to wait; ${Math.ceil(quiet / 1000)} s left.`, { url, retryAfterMs: quiet });
    }
    if (quiet > 0) {
      await sleep(quiet, signal).catch(() => {
        throw abortError();
      });
    }
    for (let tryNo = 1; ; tryNo++) {
      try {
        return await attempt(url, signal);
      } catch (thrown) {
        const failure = asFailure(thrown, url);
        if (!failure.retry || tryNo >= maxTries || signal.aborted) {
          throw signal.aborted && failure.error.kind !== 'aborted' ? abortError() : failure.error;
        }
        await sleep(failure.waitMs ?? backoff(tryNo), signal).catch(() => {
          throw abortError();
        });
        if (signal.aborted) throw abortError();
      }
    }
  }

  function getJson(pathAndQuery: string, opts: GetOptions = {}): Promise<unknown> {
    const url = base + (pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`);
    const callerSignal = opts.signal;
    if (callerSignal?.aborted) return Promise.reject(abortError());

    let entry = shared.get(url);
    if (!entry) {
      const controller = new AbortController();
      const promise = run(url, controller.signal).finally(() => {
        if (shared.get(url) === entry) shared.delete(url);
      });
      // Callers that all went away leave nobody to observe the rejection.
      promise.catch(() => undefined);
      entry = { promise, controller, callers: 0 };
      shared.set(url, entry);
    }
    const current = entry;
    current.callers++;
    if (!callerSignal) return current.promise;

    // Each caller can cancel its own wait; the shared request is cancelled only when every caller has.
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = (): void => {
        current.callers--;
        if (current.callers === 0) {
          current.controller.abort();
          // A caller arriving now must start afresh, not join a request that is being cancelled.
          if (shared.get(url) === current) shared.delete(url);
        }
        reject(abortError());
      };
      callerSignal.addEventListener('abort', onAbort, { once: true });
      current.promise.then(
        (v) => {
          callerSignal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          callerSignal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  return {
    base,
    getJson,
    stats: () => ({ ...stats }),
  };
}

function asFailure(thrown: unknown, url: string): AttemptFailure {
  if (thrown instanceof AttemptFailure) return thrown;
  if (thrown instanceof RegistryError) return new AttemptFailure(thrown, false);
  return new AttemptFailure(new RegistryError('server', String(thrown), { url, cause: thrown }), false);
}

/** The `{"error": "..."}` text EntryStore sends with a 4xx, kept short for messages. */
function serverErrorText(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') {
      return body.error.slice(0, 200);
    }
  } catch {
    // Not JSON: say nothing rather than echo an HTML page.
  }
  return undefined;
}

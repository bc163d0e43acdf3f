// What every registry command shares: its own option parsing (global options accepted anywhere),
// the registry client over a file cache, waiting out stale-while-revalidate so a script gets
// current data, and one-line errors with distinct exit codes.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatAge, t } from '../../i18n';
import { RegistryError } from '../../registry/errors';
import { createRegistryClient, type CallOptions, type RegistryClient } from '../../registry/client';
import { createTransport, DEFAULT_BASE } from '../../registry/transport';
import { defaultCachePath, FileCache } from '../../storage/file-cache';
import type { CliContext } from '../commands';
import { CliError } from '../errors';

/** Exit codes, the same for every command (documented in each command's --help). */
export const EXIT = {
  ok: 0,
  /** The question had no answer: no public body behind the page, no publisher for the host, no such item. */
  notFound: 1,
  /** Bad arguments or options. */
  usage: 2,
  /** The registry could not be reached or gave an unusable answer. */
  registry: 4,
} as const;

export const EXIT_HELP = 'Exit status: 0 success, 1 nothing found, 2 bad arguments, 4 registry unreachable or failing.';

export const CACHE_HELP = [
  'Registry answers are cached in $XDG_CACHE_HOME/insyn (else ~/.cache/insyn): the publisher list for',
  '24 h, datasets and details for 6 h. --no-cache or INSYN_CACHE=off skips the cache.',
].join('\n');

/** Options main() parses before the command runs; a command accepts them after its name too. */
const GLOBAL_OPTIONS = {
  'api-base': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'no-cache': { type: 'boolean' },
} as const;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Parses the command's own arguments strictly: an unknown option or a missing value is a usage error (exit 2). */
export function parseCommandArgs<O extends OptionsConfig>(ctx: CliContext, name: string, options: O) {
  try {
    return parseArgs({ args: ctx.argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's messages run to several lines of advice; the first sentence says what is wrong.
    const raw = err instanceof Error ? err.message : String(err);
    const message = raw.split('\n')[0]?.split('. ')[0] ?? raw;
    throw usage(`${message.replace(/\.$/, '')}. Run "insyn ${name} --help".`);
  }
}

export function usage(message: string): CliError {
  return new CliError(message, EXIT.usage);
}

/** The single positional argument of a command, or a usage error. */
export function onePositional(positionals: readonly string[], name: string, what: string): string {
  if (positionals.length === 0) throw usage(`missing ${what}. Run "insyn ${name} --help".`);
  if (positionals.length > 1) throw usage(`expected one ${what}, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0] as string;
}

/** An integer option in [min, max], or the default when absent. */
export function intOption(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw usage(`--${flag} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Registry access

export interface RegistryAccess {
  client: RegistryClient;
  /**
   * Runs one client call. A stale cached answer is not printed as if current: the CLI waits for the
   * background refresh and uses its result, and falls back to the saved answer (with a note on
   * stderr) only when the registry cannot be reached.
   */
  settle<T>(call: (options: CallOptions<T>) => Promise<T>): Promise<T>;
}

function cacheOff(ctx: CliContext, noCache: boolean | undefined): boolean {
  const v = (ctx.io.env.INSYN_CACHE ?? '').trim().toLowerCase();
  return noCache === true || v === 'off' || v === '0' || v === 'no' || v === 'false';
}

/**
 * One cache file per registry base, so answers from a test stub or a mirror never show up as the
 * live registry's: the default base uses `registry-cache.json`, another base a file named by its hash.
 */
export function cachePathFor(env: Record<string, string | undefined>, apiBase: string, defaultBase: string): string {
  const path = defaultCachePath(env);
  if (apiBase === defaultBase) return path;
  const tag = createHash('sha256').update(apiBase).digest('hex').slice(0, 12);
  return join(dirname(path), `registry-cache-${tag}.json`);
}

export async function withRegistry<T>(
  ctx: CliContext,
  options: { noCache?: boolean | undefined },
  run: (registry: RegistryAccess) => Promise<T>,
): Promise<T> {
  const cache = cacheOff(ctx, options.noCache) ? undefined : new FileCache({ path: cachePathFor(ctx.io.env, ctx.apiBase, DEFAULT_BASE) });
  const transport = createTransport({ base: ctx.apiBase, fetch: ctx.io.fetch ?? fetch });
  const client = createRegistryClient({ transport, ...(cache && { cache }) });

  async function settle<T2>(call: (o: CallOptions<T2>) => Promise<T2>): Promise<T2> {
    let stale = false;
    let ageMs = 0;
    let done: (v: T2 | undefined) => void = () => undefined;
    const refreshed = new Promise<T2 | undefined>((resolve) => (done = resolve));
    const value = await call({
      onCacheInfo: (info) => {
        stale = info.stale;
        ageMs = info.ageMs;
      },
      onRefresh: (v) => done(v),
      onRefreshError: () => done(undefined),
    });
    if (!stale) return value;
    const fresh = await refreshed;
    if (fresh !== undefined) return fresh;
    ctx.io.stderr(`insyn: ${t(ctx.lang, 'refreshFailed', { age: formatAge(ctx.lang, ageMs) })}\n`);
    return value;
  }

  try {
    return await run({ client, settle });
  } catch (err) {
    throw toCliError(err, ctx);
  } finally {
    await cache?.flush();
  }
}

/** RegistryError → one line for stderr and its exit code; anything else passes through. */
export function toCliError(err: unknown, ctx: CliContext): unknown {
  if (!(err instanceof RegistryError)) return err;
  const base = ctx.apiBase;
  switch (err.kind) {
    case 'offline':
      return new CliError(`the registry could not be reached (offline): ${base}. Check the network connection, or --api-base.`, EXIT.registry);
    case 'timeout':
      return new CliError(`the registry did not answer in time (timeout): ${base}. Try again in a moment.`, EXIT.registry);
    case 'rate-limited': {
      const wait = err.retryAfterMs !== undefined ? ` It asks to wait ${Math.ceil(err.retryAfterMs / 1000)} s.` : '';
      return new CliError(`the registry is limiting requests (rate-limited).${wait} Try again later.`, EXIT.registry);
    }
    case 'server':
      return new CliError(
        `the registry answered with an error${err.status !== undefined ? ` (HTTP ${err.status})` : ''}: ${base}. Try again in a moment.`,
        EXIT.registry,
      );
    case 'malformed':
      return new CliError(`the registry sent an answer Insyn cannot read (malformed): ${err.message} Is --api-base an EntryStore registry?`, EXIT.registry);
    case 'bad-request':
      if (err.status === 404) return new CliError('not found in the registry (HTTP 404).', EXIT.notFound);
      // No status: a request Insyn refused to send (too-short search text, bad id): the user's input.
      return new CliError(err.message.replace(/^./, (c) => c.toLowerCase()), err.status === undefined ? EXIT.usage : EXIT.registry);
    case 'aborted':
      return new CliError('the request was cancelled.', EXIT.registry);
  }
}

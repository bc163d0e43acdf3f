// The one error type the registry layer throws. The UI and the CLI switch on `kind` and show
// their own sv/en text; `message` is plain English for logs and developer output only.

export type RegistryErrorKind =
  /** No network at all (navigator.onLine false, DNS failure, connection refused or reset). */
  | 'offline'
  /** The registry did not answer within the time limit. */
  | 'timeout'
  /** HTTP 429, or 429/503 with a Retry-After longer than we are willing to wait. */
  | 'rate-limited'
  /** HTTP 5xx (or another unusable status) after all retries. */
  | 'server'
  /** A 2xx answer whose body is not the JSON we expect (HTML error page, truncated, empty, wrong shape). */
  | 'malformed'
  /** HTTP 4xx other than 429, or a request we refuse to send (query text too short, bad id). */
  | 'bad-request'
  /** The caller cancelled. */
  | 'aborted';

export const REGISTRY_ERROR_KINDS: readonly RegistryErrorKind[] = [
  'offline',
  'timeout',
  'rate-limited',
  'server',
  'malformed',
  'bad-request',
  'aborted',
];

export interface RegistryErrorOptions {
  status?: number;
  /** How long the server asked us to wait, when it said so (Retry-After). */
  retryAfterMs?: number;
  /** The registry URL that failed (never a page the user visited). */
  url?: string;
  cause?: unknown;
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly kind: RegistryErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly url?: string;

  constructor(kind: RegistryErrorKind, message: string, options: RegistryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.url !== undefined) this.url = options.url;
  }

  /** A plain object for messages between the service worker and the popup (Error does not survive structured clone with its fields). */
  toJSON(): { kind: RegistryErrorKind; message: string; status?: number; retryAfterMs?: number } {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
    };
  }
}

export function isRegistryError(err: unknown): err is RegistryError {
  return err instanceof RegistryError;
}

/** Wraps anything thrown below the registry layer so callers only ever see RegistryError. */
export function toRegistryError(err: unknown, fallback: RegistryErrorKind = 'server'): RegistryError {
  if (err instanceof RegistryError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new RegistryError(fallback, message, { cause: err });
}

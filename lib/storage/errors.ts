// The typed failures of local storage, so that what the user sees says what happened in words
// ("no room left", "the database cannot be used") instead of a DOMException name. The kinds are
// message-protocol error kinds too (lib/messages.ts), so they reach the popup intact.

export type StorageErrorKind =
  /** The browser refused a write for lack of space (QuotaExceededError), even after the cache made room. */
  | 'storage-full'
  /** The database could not be opened or used (private mode, a damaged or foreign database, storage disabled). */
  | 'storage-unavailable';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** QuotaExceededError as browsers report it (Firefox's legacy name too), on a request or a transaction. */
export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null | undefined)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** The connection was closed under us (another context upgraded, or the browser cleared site data). */
export function isClosedConnection(err: unknown): boolean {
  return (err as { name?: unknown } | null | undefined)?.name === 'InvalidStateError';
}

export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  if (isQuotaError(err)) return new StorageError('storage-full', 'The browser has no room left to save this.', { cause: err });
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new StorageError('storage-unavailable', `The browser database could not be used (${detail}).`, { cause: err });
}

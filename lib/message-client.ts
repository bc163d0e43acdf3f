// The UI side of the message protocol (popup, options). Deliberately free of zod: loading the
// schema library would cost the popup about a third of its script before the first content
// (DESIGN budget: warm popup ≤ 100 ms). The background validates every request it receives
// and every reply it sends against lib/messages.ts; here only the envelope is checked, so a
// missing, foreign or malformed reply still ends as a typed error, never as a crash.
import type { MessageType, RequestOf, ResponseOf } from './messages';

/** Kinds of error a reply can carry (the protocol's ErrorKind schema is built from this list). */
export const ERROR_KINDS = [
  'bad-message',
  'forbidden',
  'offline',
  'timeout',
  'rate-limited',
  'server',
  'malformed',
  'bad-request',
  'aborted',
  // Local storage (lib/storage/errors.ts): no room left, or the database cannot be used.
  'storage-full',
  'storage-unavailable',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** An error that crossed the message boundary, with its kind intact for the UI. */
export class MessageError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Sends one request through `send` (runtime.sendMessage) and unwraps the reply: the data of
 * `{ ok: true, data }`, or a MessageError with the kind of `{ ok: false, error }`.
 */
export async function call<T extends MessageType>(
  send: (message: unknown) => Promise<unknown>,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw = await send({ type, payload });
  if (!isRecord(raw)) throw new MessageError('bad-message', `No valid reply to ${type}`);
  if (raw.ok === true && 'data' in raw) return raw.data as ResponseOf<T>;
  if (raw.ok === false && isRecord(raw.error)) {
    const kind = (ERROR_KINDS as readonly unknown[]).includes(raw.error.kind) ? (raw.error.kind as ErrorKind) : 'internal';
    throw new MessageError(kind, typeof raw.error.message === 'string' ? raw.error.message : `${type} failed`);
  }
  throw new MessageError('bad-message', `No valid reply to ${type}`);
}

import { describe, expect, it } from 'vitest';
import { createDispatcher, ErrorKind, MessageError } from '../../../lib/messages';
import { call, ERROR_KINDS } from '../../../lib/message-client';
import { REGISTRY_ERROR_KINDS } from '../../../lib/registry/errors';
import { createBackground } from '../../../lib/background/service';
import { fakeDeps } from '../background/fakes';
import { VERSION } from '../../../lib/version';
import pkg from '../../../package.json';

const OWN = 'ownextensionid';

describe('message protocol', () => {
  const dispatch = createDispatcher(createBackground(fakeDeps()).handlers, OWN);

  it('answers a valid request from our own extension', async () => {
    await expect(dispatch({ type: 'ping', payload: {} }, { id: OWN })).resolves.toEqual({ ok: true, data: { version: VERSION } });
  });

  it('version matches package.json (the manifest version)', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it.each([
    ['another extension', { type: 'ping', payload: {} }, { id: 'someone-else' }, 'forbidden'],
    ['no sender id (a web page)', { type: 'ping', payload: {} }, {}, 'forbidden'],
    ['unknown type', { type: 'steal', payload: {} }, { id: OWN }, 'bad-message'],
    ['prototype key as type', { type: '__proto__', payload: {} }, { id: OWN }, 'bad-message'],
    ['not an object', 'ping', { id: OWN }, 'bad-message'],
    ['null', null, { id: OWN }, 'bad-message'],
  ])('rejects %s', async (_name, msg, sender, kind) => {
    const reply = await dispatch(msg, sender);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.kind).toBe(kind);
  });

  it('keeps the kind of typed errors thrown by handlers', async () => {
    const d = createDispatcher(
      {
        ping: async () => {
          throw Object.assign(new Error('registry unreachable'), { kind: 'offline' });
        },
      },
      OWN,
    );
    await expect(d({ type: 'ping', payload: {} }, { id: OWN })).resolves.toEqual({
      ok: false,
      error: { kind: 'offline', message: 'registry unreachable' },
    });
  });

  it('the dispatcher validates its own replies: a malformed one becomes an internal error, not data', async () => {
    const d = createDispatcher({ ping: async () => ({ version: 7 }) as never }, OWN);
    const reply = await d({ type: 'ping', payload: {} }, { id: OWN });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.kind).toBe('internal');
    // Unknown keys are stripped on the way out (nothing the protocol does not name leaves the background).
    const extra = createDispatcher({ ping: async () => ({ version: '1', secret: 'x' }) as never }, OWN);
    await expect(extra({ type: 'ping', payload: {} }, { id: OWN })).resolves.toEqual({ ok: true, data: { version: '1' } });
  });

  it('call() (the UI client, no zod) unwraps the reply and rethrows wire errors with their kind', async () => {
    await expect(call(async () => ({ ok: true, data: { version: '1.2.3' } }), 'ping', {})).resolves.toEqual({ version: '1.2.3' });
    await expect(call(async () => ({ ok: false, error: { kind: 'timeout', message: 'slow' } }), 'ping', {})).rejects.toMatchObject({
      kind: 'timeout',
      message: 'slow',
    });
  });

  it.each([
    ['no reply', undefined, 'bad-message'],
    ['null', null, 'bad-message'],
    ['a string', 'ok', 'bad-message'],
    ['an array', [true], 'bad-message'],
    ['ok without data', { ok: true }, 'bad-message'],
    ['ok as a string', { ok: 'true', data: {} }, 'bad-message'],
    ['error without an error object', { ok: false }, 'bad-message'],
    ['error of an unknown kind', { ok: false, error: { kind: 'pwned', message: 'x' } }, 'internal'],
    ['error without a message', { ok: false, error: { kind: 'offline' } }, 'offline'],
  ])('call() turns %s into a typed error', async (_name, raw, kind) => {
    const err = await call(async () => raw, 'ping', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MessageError);
    expect((err as MessageError).kind).toBe(kind);
  });

  it('the client and the protocol know the same error kinds, and every registry error kind crosses intact', () => {
    expect(ErrorKind.options).toEqual([...ERROR_KINDS]);
    for (const k of REGISTRY_ERROR_KINDS) expect(ERROR_KINDS).toContain(k);
  });
});

import { describe, expect, it } from 'vitest';
import { call, createDispatcher, MessageError } from '../../../lib/messages';
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

  it('call() validates the reply and rethrows wire errors with their kind', async () => {
    await expect(call(async () => ({ ok: true, data: { version: '1.2.3' } }), 'ping', {})).resolves.toEqual({ version: '1.2.3' });
    await expect(call(async () => ({ ok: true, data: { version: 7 } }), 'ping', {})).rejects.toBeInstanceOf(MessageError);
    await expect(call(async () => undefined, 'ping', {})).rejects.toMatchObject({ kind: 'bad-message' });
    await expect(call(async () => ({ ok: false, error: { kind: 'timeout', message: 'slow' } }), 'ping', {})).rejects.toMatchObject({
      kind: 'timeout',
      message: 'slow',
    });
  });
});

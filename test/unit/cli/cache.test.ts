import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cachePathFor } from '../../../lib/cli/commands/common';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { cliAgainst } from './helpers';

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;

beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
});
afterEach(() => stub.setMode('ok'));
afterAll(() => stub.close());

async function cacheEnv(): Promise<{ env: Record<string, string | undefined>; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'insyn-cli-cache-'));
  return { dir, env: { XDG_CACHE_HOME: dir, INSYN_CACHE: undefined } };
}

/** Pretend every cached entry was stored two days ago (past every TTL). */
async function ageCache(path: string): Promise<void> {
  const file = JSON.parse(await readFile(path, 'utf8')) as { entries: { storedAt: number }[] };
  for (const e of file.entries) e.storedAt -= 2 * 24 * 3600 * 1000;
  await writeFile(path, JSON.stringify(file));
}

describe('CLI cache', () => {
  it('a repeated call is answered from the file cache without a registry request', async () => {
    const { env, dir } = await cacheEnv();
    stub.reset();
    const first = await cli(['datasets', '2021005448'], env);
    expect(first.code).toBe(0);
    expect(stub.requests.length).toBeGreaterThan(0);
    stub.reset();
    const second = await cli(['datasets', '2021005448'], env);
    expect(second).toEqual(first);
    expect(stub.requests).toHaveLength(0);
    // One file per registry base, so stub answers never pass for the live registry's.
    expect(await readdir(join(dir, 'insyn'))).toEqual([cachePathFor(env, stub.base, 'https://admin.dataportal.se/store').split('/').pop()]);
  });

  it('--no-cache and INSYN_CACHE=off go to the registry every time', async () => {
    const { env, dir } = await cacheEnv();
    await cli(['publishers'], env);
    stub.reset();
    await cli(['publishers', '--no-cache'], env);
    expect(stub.requests.length).toBeGreaterThan(0);
    stub.reset();
    await cli(['publishers'], { ...env, INSYN_CACHE: 'off' });
    expect(stub.requests.length).toBeGreaterThan(0);
    const { dir: unused } = await cacheEnv();
    await cli(['publishers'], { XDG_CACHE_HOME: unused, INSYN_CACHE: 'off' });
    await expect(readdir(unused)).resolves.toEqual([]);
    expect(dir).not.toBe(unused);
  });

  it('a stale entry is refreshed before printing; when the registry is down the saved answer is shown with a note', async () => {
    const { env } = await cacheEnv();
    const path = cachePathFor(env, stub.base, 'https://admin.dataportal.se/store');
    const first = await cli(['dataset', '6_68000', '--lang', 'en'], env);
    await ageCache(path);
    stub.reset();
    const refreshed = await cli(['dataset', '6_68000', '--lang', 'en'], env);
    expect(stub.requests).toHaveLength(1);
    expect(refreshed).toEqual(first);

    await ageCache(path);
    stub.setMode('down');
    const offline = await cli(['dataset', '6_68000', '--lang', 'en'], env);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe(first.stdout);
    expect(offline.stderr).toMatch(/^insyn: Could not refresh: dataportal does not answer\. You are seeing saved data from 2 days ago\.\n$/);
  });
});

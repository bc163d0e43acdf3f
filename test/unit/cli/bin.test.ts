// The real entry point, as a user runs it from a fresh clone: `node bin/insyn.mjs …` in a child
// process (tsx loads lib/ directly; no build step), against the registry stub.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/insyn.mjs', import.meta.url));

let stub: RegistryStub;
beforeAll(async () => {
  stub = await startRegistryStub();
});
afterAll(() => stub.close());

/** Async on purpose: the stub answers from this process's event loop. */
function insyn(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', INSYN_CACHE: 'off', LANG: 'C', ...env }, timeout: 30_000 },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('bin/insyn.mjs', () => {
  it('--help lists the commands', { timeout: 40_000 }, async () => {
    const r = await insyn(['--help']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const c of ['lookup', 'datasets', 'dataset', 'publishers']) expect(r.stdout).toContain(`  ${c} `);
  });

  it('datasets against the stub, through INSYN_API_BASE', { timeout: 40_000 }, async () => {
    const r = await insyn(['datasets', '202100-5448', '--lang', 'sv'], { INSYN_API_BASE: stub.base });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Skatteverket (org.nr 202100-5448): 13 datamängder, visar 1–13');
    expect(r.stdout).toContain('Skattesatser per kommun');
  });

  it('an error is one line and a non-zero exit status', { timeout: 40_000 }, async () => {
    const r = await insyn(['datasets', '202100-5449', '--api-base', stub.base]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('insyn datasets: "202100-5449" is not a valid organisation number (bad check digit).\n');
  });
});

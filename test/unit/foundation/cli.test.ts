import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

describe('insyn CLI', () => {
  it('--help lists every command', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['lookup', 'datasets', 'dataset', 'publishers', 'report', 'page']) expect(r.stdout).toContain(`  ${c}`);
    expect(r.stdout).toContain('--api-base');
  });

  it('--version prints the version', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/^insyn \d+\.\d+\.\d+\n$/);
  });

  it('no command prints usage and exits 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: insyn');
  });

  it('an unknown command is one clear line on stderr', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('insyn: unknown command "frobnicate". Run "insyn --help" for the list.\n');
    expect(r.stdout).toBe('');
  });
});

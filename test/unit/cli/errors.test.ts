import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { cliAgainst, runCli } from './helpers';

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;

beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
});
afterEach(() => stub.setMode('ok'));
afterAll(() => stub.close());

/** One line on stderr, nothing on stdout, no stack trace. */
function expectOneLine(r: { stdout: string; stderr: string }): void {
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
}

describe('registry failures', () => {
  it('registry down: a clear offline error and exit 4, for every registry command', { timeout: 30_000 }, async () => {
    stub.setMode('down');
    const r = await cli(['datasets', '2021005448']);
    expect(r.code).toBe(4);
    expectOneLine(r);
    expect(r.stderr).toBe(
      `insyn datasets: the registry could not be reached (offline): ${stub.base}. Check the network connection, or --api-base.\n`,
    );
    for (const argv of [['dataset', '6_68000'], ['publishers'], ['lookup', 'https://www.skatteverket.se/']]) {
      const x = await cli(argv);
      expect(x.code, argv[0]).toBe(4);
      expectOneLine(x);
      expect(x.stderr).toMatch(new RegExp(`^insyn ${argv[0]}: the registry could not be reached \\(offline\\)`));
    }
  });

  it('HTTP 500 after retries: server error, exit 4', async () => {
    stub.setMode('500');
    const r = await cli(['dataset', '6_68000']);
    expect(r.code).toBe(4);
    expectOneLine(r);
    expect(r.stderr).toBe(`insyn dataset: the registry answered with an error (HTTP 500): ${stub.base}. Try again in a moment.\n`);
  });

  it('429 with a long Retry-After: rate-limited, exit 4, says how long', async () => {
    stub.setMode('429', { retryAfter: '120' });
    const r = await cli(['publishers']);
    expect(r.code).toBe(4);
    expectOneLine(r);
    expect(r.stderr).toBe('insyn publishers: the registry is limiting requests (rate-limited). It asks to wait 120 s. Try again later.\n');
  });

  it('an HTML page instead of JSON: malformed, exit 4', async () => {
    stub.setMode('html');
    const r = await cli(['datasets', '2021005448']);
    expect(r.code).toBe(4);
    expectOneLine(r);
    expect(r.stderr).toMatch(/^insyn datasets: the registry sent an answer Insyn cannot read \(malformed\): The registry sent an HTML page instead of JSON\./);
  });

  it('uses io.fetch when given (the transport is injectable)', async () => {
    const seen: string[] = [];
    const failing: typeof fetch = async (input) => {
      seen.push(String(input));
      throw new TypeError('fetch failed');
    };
    const r = await runCli(['dataset', '6_68000', '--api-base', 'http://registry.invalid/store'], {}, failing);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^insyn dataset: the registry could not be reached \(offline\): http:\/\/registry\.invalid\/store\./);
    expect(seen[0]).toBe('http://registry.invalid/store/6/metadata/68000?recursive=dcat');
    expect(seen).toHaveLength(3); // the transport's retries, then a clear error
  });
});

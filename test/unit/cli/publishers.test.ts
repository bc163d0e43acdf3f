import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { EXPECTED } from '../../support/registry-data';
import { cliAgainst } from './helpers';

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;

beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
});
afterAll(() => stub.close());

describe('insyn publishers', () => {
  it('lists every publisher with its dataset count, org number, type and homepage, most datasets first', async () => {
    const r = await cli(['publishers', '--lang', 'sv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('4 utgivare på dataportal.se');
    expect(lines[2]).toMatch(/^Datamängder +Org\.nr +Typ +Namn +Webbplats$/);
    const body = lines.slice(4);
    expect(body).toHaveLength(4);
    expect(body[0]).toMatch(/^ +150 +202100-6297 +Statlig myndighet +Trafikverket +https:\/\/www\.trafikverket\.se$/);
    expect(body[1]).toMatch(
      new RegExp(`^ +${EXPECTED.skatteverket.datasetsInFacet} +202100-5448 +Statlig myndighet +Skatteverket +https://www\\.skatteverket\\.se$`),
    );
    expect(body[2]).toMatch(/^ +5 +212000-1355 +Kommunal myndighet +Göteborgs stad +https:\/\/goteborg\.se$/);
    expect(body[3]).toMatch(/^ +3 +202100-5521 +Statlig myndighet +Försäkringskassan/);
    // A private person is never a publisher in this list.
    expect(r.stdout).not.toContain('Skattberg');
  });

  it('--query filters like the popup picker (name words or org number prefix)', async () => {
    const byName = await cli(['publishers', '--query', 'skatte', '--lang', 'sv']);
    expect(byName.code).toBe(0);
    expect(byName.stdout.split('\n')[0]).toBe('1 utgivare på dataportal.se som matchar "skatte"');
    expect(byName.stdout).toContain('Skatteverket');
    expect(byName.stdout).not.toContain('Trafikverket');
    const byNumber = await cli(['publishers', '-q', '202100', '--json']);
    const list = JSON.parse(byNumber.stdout) as { orgNumber?: string; datasetCount?: number }[];
    expect(list.map((p) => p.orgNumber)).toEqual(['2021006297', '2021005448', '2021005521']);
    expect(list.map((p) => p.datasetCount)).toEqual([150, 11, 3]);
  });

  it('no match exits 1; a one-letter query is a usage error', async () => {
    const none = await cli(['publishers', '--query', 'zzz']);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('0 publishers on dataportal.se matching "zzz"\n');
    const short = await cli(['publishers', '--query', 's']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^insyn publishers: --query needs at least 2 characters/);
  });
});

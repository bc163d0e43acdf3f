import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { EXPECTED, ORGS } from '../../support/registry-data';
import { cliAgainst, type RunResult } from './helpers';

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;

beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
});
afterAll(() => stub.close());

/** Table rows (after the header rule) of a human `datasets` output. */
function rows(r: RunResult): string[] {
  const lines = r.stdout.split('\n');
  const rule = lines.findIndex((l) => l.startsWith('───'));
  const end = lines.indexOf('', rule);
  return lines.slice(rule + 1, end);
}

describe('insyn datasets', () => {
  it('prints Skatteverket as a table with the count line, licences, freshness and ids', async () => {
    const r = await cli(['datasets', '202100-5448', '--lang', 'sv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const n = EXPECTED.skatteverket.listedItems;
    expect(r.stdout.split('\n')[0]).toBe(`Skatteverket (org.nr 202100-5448): ${n} datamängder, visar 1–${n}`);
    const table = rows(r);
    expect(table).toHaveLength(n);
    const skattesatser = table.find((l) => l.includes('Skattesatser per kommun'));
    expect(skattesatser).toMatch(/^6_68000\s+datamängd\+API\s+Skattesatser per kommun\s+CC0 1\.0 \(allmän egendom\)\s+Offentlig\s+Årlig\s+2026-01-02\s+ok\s+CSV, JSON$/);
    expect(table.find((l) => l.startsWith('6_68006 '))).toContain('CC BY-NC 4.0 (begränsande)');
    expect(table.find((l) => l.startsWith('6_68002 '))).toContain('CC BY 4.0 (öppen)');
    expect(table.find((l) => l.startsWith('6_68005 '))).toContain('licens saknas');
    // Monthly, last modified 2019: overdue by years.
    expect(table.find((l) => l.startsWith('6_68007 '))).toMatch(/försenad \d{2,} mån/);
    expect(table.find((l) => l.startsWith('6_68010 '))).toMatch(/^6_68010\s+API\s+Skattesatser API/);
    expect(table.find((l) => l.startsWith('6_68020 '))).toMatch(/^6_68020\s+serie\s+Taxeringsutfall/);
    // Series members are not listed on their own.
    expect(r.stdout).not.toContain('Taxeringsutfall 2024');
    expect(r.stdout).not.toContain('Nästa sida');
  });

  it('labels in English with --lang en, titles in English where the metadata has them', async () => {
    const r = await cli(['datasets', '2021005448', '--lang', 'en']);
    expect(r.stdout.split('\n')[0]).toBe('Swedish Tax Agency (org.nr 202100-5448): 13 datasets, shown 1–13');
    expect(r.stdout).toContain('Tax rates per municipality');
    expect(r.stdout).toContain('CC0 1.0 (public domain)');
    expect(r.stdout).toContain('no licence');
    expect(r.stdout).toMatch(/overdue \d+ mo/);
  });

  it('--json prints { publisher, page } with every item', async () => {
    const r = await cli(['datasets', 'SE2021005448', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { publisher: { uri: string; name: { sv?: string } }; page: { total: number; items: { contextId: string; entryId: string }[] } };
    expect(out.publisher.uri).toBe(ORGS.skatteverket.uri);
    expect(out.publisher.name.sv).toBe('Skatteverket');
    expect(out.page.total).toBe(EXPECTED.skatteverket.listedItems);
    expect(out.page.items).toHaveLength(EXPECTED.skatteverket.listedItems);
    expect(out.page.items.map((i) => `${i.contextId}_${i.entryId}`)).toContain('6_68000');
  });

  it('pages past 100 for Trafikverket: --limit 100 --offset 100 gives the last 50', async () => {
    const first = await cli(['datasets', '2021006297', '--json']);
    const p1 = JSON.parse(first.stdout) as { page: { total: number; items: { entryId: string }[] } };
    expect(p1.page.total).toBe(150);
    expect(p1.page.items).toHaveLength(100);
    const second = await cli(['datasets', '2021006297', '--limit', '100', '--offset', '100', '--json']);
    const p2 = JSON.parse(second.stdout) as { page: { offset: number; items: { entryId: string }[] } };
    expect(p2.page.offset).toBe(100);
    expect(p2.page.items).toHaveLength(50);
    const ids = new Set([...p1.page.items, ...p2.page.items].map((i) => i.entryId));
    expect(ids.size).toBe(150);
  });

  it('human paging: range in the count line and a ready next-page command', async () => {
    const r = await cli(['datasets', '2021006297', '--limit', '40', '--offset', '40', '--lang', 'en']);
    expect(r.stdout.split('\n')[0]).toBe('Swedish Transport Administration (org.nr 202100-6297): 150 datasets, shown 41–80');
    expect(rows(r)).toHaveLength(40);
    expect(r.stdout).toContain('Next page: insyn datasets 2021006297 --offset 80 --limit 40');
    const last = await cli(['datasets', '2021006297', '--offset', '100', '--lang', 'en']);
    expect(last.stdout.split('\n')[0]).toContain('shown 101–150');
    expect(last.stdout).not.toContain('Next page');
  });

  it('resolves a hostname or URL through the publisher directory', async () => {
    for (const arg of ['skatteverket.se', 'https://www.skatteverket.se/privat/skatter']) {
      const r = await cli(['datasets', arg, '--lang', 'sv', '--limit', '5']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('Skatteverket (org.nr 202100-5448): 13 datamängder, visar 1–5');
      expect(r.stdout).toContain(`Nästa sida: insyn datasets ${arg} --offset 5 --limit 5`);
    }
  });

  it('takes a publisher URI as is (https and www accepted)', async () => {
    const r = await cli(['datasets', 'https://www.dataportal.se/organisation/SE2120001355', '--json']);
    const out = JSON.parse(r.stdout) as { publisher: { uri: string }; page: { total: number } };
    expect(out.publisher.uri).toBe(ORGS.goteborg.uri);
    expect(out.page.total).toBe(EXPECTED.goteborg.listedItems);
  });

  it('--query searches within the publisher', async () => {
    const r = await cli(['datasets', '2120001355', '--query', 'parkering', '--lang', 'sv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Göteborgs stad \(org\.nr 212000-1355\): 2 datamängder som matchar "parkering", visar 1–2$/);
    expect(r.stdout).toContain('Parkeringsplatser');
    expect(r.stdout).toContain('Parkerings-API');
    expect(r.stdout).not.toContain('Badvattentemperaturer');
  });

  it('a body with no datasets says so', async () => {
    const r = await cli(['datasets', '232100-0016', '--lang', 'sv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Region Stockholm (org.nr 232100-0016): 0 datamängder\nRegion Stockholm har inte publicerat några datamängder på dataportal.se.\n');
  });

  it('bad arguments exit 2 with one line and no registry request', async () => {
    stub.reset();
    const cases: Array<[string[], RegExp]> = [
      [['datasets', '202100-5449'], /bad check digit/],
      [['datasets', '12345'], /not an organisation number/],
      [['datasets', 'nonsense'], /not an organisation number, publisher URI, hostname or URL/],
      [['datasets'], /missing organisation number/],
      [['datasets', '2021005448', '--limit', '101'], /--limit must be a whole number from 1 to 100/],
      [['datasets', '2021005448', '--offset', '-3'], /--offset/],
      [['datasets', '2021005448', '--sort', 'size'], /--sort must be one of modified, title, relevance/],
      [['datasets', '2021005448', '--query', 'ab'], /--query needs at least 3 characters/],
      [['datasets', '2021005448', '--frobnicate'], /Unknown option '--frobnicate'/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^insyn datasets: [^\n]+\n$/);
      expect(r.stderr).toMatch(message);
    }
    expect(stub.requests).toHaveLength(0);
  });

  it('a hostname no publisher has is "nothing found" (exit 1)', async () => {
    const r = await cli(['datasets', 'example.org']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'insyn datasets: no publisher on dataportal.se has example.org as its homepage. Try "insyn lookup https://example.org/" or "insyn publishers --query NAME".\n',
    );
  });
});

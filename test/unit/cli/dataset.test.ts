import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseItemRef } from '../../../lib/cli/commands/dataset';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { cliAgainst } from './helpers';

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;

beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
});
afterAll(() => stub.close());

describe('insyn dataset', () => {
  it('shows a dataset in full: contact, licence explained, freshness, distributions, API and curl line', async () => {
    const r = await cli(['dataset', '6_68000', '--lang', 'sv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.split('\n').slice(0, 2)).toEqual(['Skattesatser per kommun', 'Datamängd med API · 6_68000']);
    expect(out).toMatch(/^Beskrivning +Kommunal- och regionskattesatser för varje kommun/m);
    expect(out).toMatch(/^Utgivare +Skatteverket \(org\.nr 202100-5448\)$/m);
    expect(out).toMatch(/^Kontaktpunkt +Skatteverket, öppna data$/m);
    expect(out).toMatch(/^ +e-post: oppnadata@skatteverket\.se$/m);
    expect(out).toMatch(/^ +telefon: \+46771567567$/m);
    expect(out).toMatch(/^Licens +CC0 1\.0 \(allmän egendom\): Du får använda, dela och bearbeta data fritt/m);
    expect(out).toMatch(/^Åtkomst +Offentlig$/m);
    expect(out).toMatch(/^Uppdateringsfrekvens +Årlig$/m);
    expect(out).toMatch(/^Senast ändrad +2026-01-02 \(i tid\)$/m);
    expect(out).toMatch(/^Teman +Regeringen och den offentliga sektorn, Ekonomi och finans$/m);
    expect(out).toMatch(/^Nyckelord +skatt, kommunalskatt, skattesats, kommun$/m);
    expect(out).toMatch(/^Webbsida +https:\/\/www\.skatteverket\.se\/privat\/skatter\/arbeteochinkomst\/skattetabeller$/m);
    expect(out).toMatch(/^Tidsperiod +2000 – pågående$/m);
    expect(out).toContain("  Prova med curl  curl -sSL 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser'");
    expect(out).toContain('Distributioner (2)');
    expect(out).toContain('  1. Skattesatser (CSV)');
    expect(out).toMatch(/^ +Format +CSV \(text\/csv\)$/m);
    expect(out).toMatch(/^ +Nedladdning +https:\/\/skatteverket\.entryscape\.net\/rowstore\/dataset\/skattesatser\.csv$/m);
    expect(out).toContain('  2. Skattesatser (API)');
    expect(out).toContain('Öppna på dataportal.se: https://www.dataportal.se/datasets/6_68000\n');
  });

  it('an API (data service) from its portal URL: endpoint, OpenAPI link and curl line', async () => {
    const r = await cli(['dataset', 'https://www.dataportal.se/en/dataservice/6_68010/tax-rates-api', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Tax rates API', 'API (data service) · 6_68010']);
    expect(r.stdout).toMatch(/^ +Endpoint +https:\/\/skatteverket\.entryscape\.net\/rowstore\/dataset\/skattesatser$/m);
    expect(r.stdout).toMatch(/^ +API description \(OpenAPI\) +https:\/\/skatteverket\.entryscape\.net\/rowstore\/dataset\/skattesatser\/swagger$/m);
    expect(r.stdout).toMatch(/^ +Try with curl +curl -sSL 'https:\/\/skatteverket\.entryscape\.net\/rowstore\/dataset\/skattesatser'$/m);
    expect(r.stdout).toMatch(/^Contact point +Skatteverket, öppna data$/m);
    expect(r.stdout).toMatch(/^ +e-mail: oppnadata@skatteverket\.se$/m);
    expect(r.stdout).toContain('Distributions (0)\n  No distributions listed.');
    expect(r.stdout).toContain('Open on dataportal.se: https://www.dataportal.se/en/dataservice/6_68010');
  });

  it('says when a dataset has no licence and is overdue', async () => {
    const none = await cli(['dataset', '6_68005', '--lang', 'en']);
    expect(none.stdout).toMatch(/^Licence +No licence$/m);
    const old = await cli(['dataset', '6_68007', '--lang', 'en']);
    expect(old.stdout).toMatch(/^Last modified +2019-03-01 \(overdue by \d+ months\)$/m);
  });

  it('--json prints the ItemDetail', async () => {
    const r = await cli(['dataset', 'https://www.dataportal.se/datasets/547_28674', '--json']);
    expect(r.code).toBe(0);
    const item = JSON.parse(r.stdout) as {
      kind: string;
      contactPoints: { email?: string }[];
      distributions: { title: { sv?: string }; formatLabel?: string }[];
      publisher?: { orgNumber?: string };
    };
    expect(item.kind).toBe('dataset');
    expect(item.contactPoints[0]?.email).toBe('statistikenheten@forsakringskassan.se');
    expect(item.distributions).toHaveLength(3);
    expect(item.distributions.map((d) => d.formatLabel)).toEqual(['XLSX', 'JSON', 'JSON']);
    expect(item.publisher?.orgNumber).toBe('2021005521');
  });

  it('an unknown entry is "nothing found" (exit 1); a malformed reference is a usage error (exit 2)', async () => {
    const missing = await cli(['dataset', '6_99999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('insyn dataset: no dataset, API or series 6_99999 in the registry (HTTP 404).\n');
    const bad = await cli(['dataset', 'https://example.org/datasets/6_68000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^insyn dataset: "https:\/\/example\.org\/datasets\/6_68000" is not a dataset reference\./);
  });
});

describe('parseItemRef', () => {
  it.each([
    ['6_68000', '6', '68000'],
    [' 6_68000 ', '6', '68000'],
    ['https://www.dataportal.se/datasets/6_68000', '6', '68000'],
    ['https://www.dataportal.se/sv/datasets/6_68000/skattesatser-per-kommun', '6', '68000'],
    ['https://dataportal.se/en/dataset-series/6_68020?x=1#top', '6', '68020'],
    ['https://www.dataportal.se/dataservice/6_68010', '6', '68010'],
    ['https://admin.dataportal.se/store/6/entry/68000', '6', '68000'],
    ['https://admin.dataportal.se/store/6/metadata/68000?recursive=dcat', '6', '68000'],
  ])('%s', (arg, contextId, entryId) => {
    expect(parseItemRef(arg)).toEqual({ contextId, entryId });
  });

  it.each(['68000', '6/68000', 'https://www.dataportal.se/organisations/6_1x/', 'https://example.org/datasets/6_68000', '6_68000; rm -rf'])(
    'rejects %s',
    (arg) => {
      expect(() => parseItemRef(arg)).toThrow(/not a dataset reference/);
    },
  );
});

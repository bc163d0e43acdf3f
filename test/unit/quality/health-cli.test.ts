// `insyn health` against the local registry stub; link checks answered by a fake for every
// non-registry URL (so no test reaches the internet).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { EXPECTED } from '../../support/registry-data';
import { runCli } from '../cli/helpers';
import { csvField } from '../../../lib/cli/commands/health';

let stub: RegistryStub;
beforeAll(async () => {
  stub = await startRegistryStub();
});
afterAll(() => stub.close());

function fetchWithLinks(statuses: (url: string) => number, seen: string[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith(stub.base)) return fetch(input, init);
    seen.push(`${init?.method ?? 'GET'} ${url}`);
    return new Response(null, { status: statuses(url) });
  }) as typeof fetch;
}

describe('insyn health', () => {
  it('prints every entry worst first with band, score and gaps, and the summary', async () => {
    const r = await runCli(['health', '202100-5448', '--lang', 'en', '--api-base', stub.base]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Data health: Swedish Tax Agency (org.nr 202100-5448)');
    expect(lines[1]).toBe(`${EXPECTED.skatteverket.listedItems} of ${EXPECTED.skatteverket.listedItems} entries assessed (full records from dataportal.se).`);
    expect(lines[2]).toMatch(/^Links not checked/);
    expect(r.stdout).toMatch(/≈(Excellent|Good|Sufficient|Bad)/);
    expect(r.stdout).toMatch(/Summary\n {2}Bands: Excellent \d+, Good \d+, Sufficient \d+, Bad \d+ \(estimated\)/);
    expect(r.stdout).toMatch(/Open licence: \d+ of 13/);
    expect(r.stdout).toMatch(/Contact point: \d+ of 13/);
    expect(r.stdout).toMatch(/Most often missing:\n {2}.+: \d+ entries/);
    expect(r.stdout).toContain('no licence');
  });

  it('--check-links judges every access and download link and names broken ones', async () => {
    const seen: string[] = [];
    const fetchImpl = fetchWithLinks((u) => (u.includes('moms-bransch') ? 404 : 200), seen);
    const r = await runCli(['health', '202100-5448', '--lang', 'en', '--check-links', '--json', '--api-base', stub.base], {}, fetchImpl);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      linksChecked: boolean;
      health: { total: number; withContact: { n: number; of: number } };
      items: { id: string; title: { sv?: string }; score: { complete: boolean; band: string }; gaps: { key: string; text: string }[]; links: { url: string; ok: boolean; status?: number }[] }[];
    };
    expect(out.linksChecked).toBe(true);
    expect(out.health.total).toBe(EXPECTED.skatteverket.listedItems);
    expect(out.health.withContact.of).toBe(EXPECTED.skatteverket.listedItems);
    const moms = out.items.find((i) => i.links.some((l) => l.url.includes('moms-bransch')));
    expect(moms?.links.find((l) => l.url.includes('moms-bransch'))).toMatchObject({ ok: false, status: 404 });
    expect(moms?.gaps.map((g) => g.text)).toContain('the access link does not answer (HTTP 404)');
    expect(out.items.filter((i) => i.score.complete).length).toBeGreaterThan(0);
    // HEAD first; a 404 is asked again with a ranged GET.
    expect(seen.filter((s) => s.includes('moms-bransch'))).toEqual([
      'HEAD https://www.skatteverket.se/download/moms-bransch.csv',
      'GET https://www.skatteverket.se/download/moms-bransch.csv',
    ]);
  });

  it('--csv prints one row per entry with a header', async () => {
    const r = await runCli(['health', '202100-5448', '--csv', '--lang', 'sv', '--api-base', stub.base]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('id,title,kind,band,band_estimated,achieved,checkable,percent,findability,accessibility,interoperability,reusability,contextuality,freshness,modified,licence,links_broken,missing');
    expect(rows).toHaveLength(EXPECTED.skatteverket.listedItems + 1);
    expect(rows.some((l) => l.startsWith('6_68000,Skattesatser per kommun,dataset,'))).toBe(true);
  });

  it('rejects --json with --csv, and a missing organisation', async () => {
    expect((await runCli(['health', '202100-5448', '--csv', '--json', '--api-base', stub.base])).code).toBe(2);
    expect((await runCli(['health', '--api-base', stub.base])).code).toBe(2);
  });

  it('quotes CSV fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(3)).toBe('3');
  });
});

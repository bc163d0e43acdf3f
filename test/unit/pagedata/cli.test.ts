// `insyn page` in-process against the registry stub: the same extraction and matching as the popup.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { cliAgainst, runCli } from '../cli/helpers';
import { FIXTURES, PAGES } from './helpers';

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;
beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
});
afterAll(async () => stub.close());

const html = (name: string) => path.join(FIXTURES, `${name}.html`);

describe('insyn page', () => {
  it('lists the findings of a saved page and HAR with their matches', async () => {
    const r = await cli(['page', PAGES.agency.url, '--html', html('agency-statistics'), '--har', path.join(FIXTURES, 'agency-statistics.har'), '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Organisation: Swedish Tax Agency');
    expect(r.stdout).toMatch(/- https:\/\/skatteverket\.entryscape\.net\/rowstore\/dataset\/skattesatser\?_limit=500&_offset=500\n {2}API · 2 requests\n {2}documented on dataportal\.se as "Tax rates API" <https:\/\/www\.dataportal\.se\/en\/dataservice\/6_\d+>, licence: CC0/);
    expect(r.stdout).toContain('OpenAPI: https://skatteverket.entryscape.net/rowstore/dataset/skattesatser/swagger');
    expect(r.stdout).toContain("curl -sSL 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser?_limit=500&_offset=500'");
    expect(r.stdout).toContain('- https://www.skatteverket.se/api/statistik/v1/inkomster/{n}\n  API · 1 request\n  not in the catalogue');
    expect(r.stdout).toContain('XLSX · linked');
    expect(r.stdout).not.toMatch(/google-analytics|app\.js|hemlig/);
  });

  it('prints JSON with a match for every finding', async () => {
    const r = await cli(['page', PAGES.map.url, '--html', html('municipal-map'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Array<{ id: string; kind: string; match: { status: string; item?: { title: { sv?: string } } } | null }> };
    const badvatten = out.findings.find((f) => f.id === 'https://data.goteborg.se/badvatten/v1/temperatures');
    expect(badvatten?.match).toMatchObject({ status: 'documented', item: { title: { sv: 'Badvattentemperaturer' } } });
    expect(out.findings.find((f) => f.kind === 'service')?.match?.status).toBe('undocumented');
    for (const f of out.findings) {
      if (f.kind === 'catalog' || f.kind === 'feed') expect(f.match).toBeNull();
      else expect(['documented', 'undocumented', 'unknown']).toContain(f.match?.status);
    }
  });

  it('never sends the page path or the file paths to the registry', async () => {
    stub.reset();
    await cli(['page', PAGES.agency.url, '--html', html('agency-statistics')]);
    const sent = stub.requests.map((u) => decodeURIComponent(u.href)).join('\n');
    expect(sent).not.toMatch(/statistik|inkomst|download|skattetabeller-2026/);
  });

  it('exits 1 when the page has no data, 2 on bad arguments', async () => {
    const none = await cli(['page', 'https://www.exempel.se/om-oss', '--html', html('no-data')]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No data files or APIs found on the page.');
    expect((await runCli(['page', 'https://x.se/'])).code).toBe(2);
    expect((await runCli(['page', 'https://x.se/', '--html', '/nonexistent.html'])).code).toBe(2);
    expect((await runCli(['page', 'https://x.se/', '--html', html('tracking'), '--har', html('tracking')])).code).toBe(2);
  });
});

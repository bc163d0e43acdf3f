import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { cliAgainst } from './helpers';

const PAGES = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;

beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
});
afterAll(() => stub.close());

describe('insyn lookup', () => {
  it('finds Skatteverket from the hostname, with the reason in words', async () => {
    const r = await cli(['lookup', 'https://www.skatteverket.se/', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Swedish Tax Agency');
    expect(r.stdout).toMatch(/^ +Type +Government agency$/m);
    expect(r.stdout).toMatch(/^ +Org\.nr +202100-5448$/m);
    expect(r.stdout).toMatch(/^ +Status +matched: a publisher on dataportal\.se$/m);
    expect(r.stdout).toMatch(/^ +Confidence +high \(Confident match\)$/m);
    expect(r.stdout).toContain("  • hostname skatteverket.se is Skatteverket's homepage on dataportal.se\n");
    expect(r.stdout).toContain('Its datasets: insyn datasets 2021005448');
    // The page URL never reaches the registry.
    expect(stub.requests.map((u) => u.href).join(' ')).not.toContain('skatteverket.se%2F');
  });

  it('with --html reads the saved page: the org number in the footer and structured data are reasons', async () => {
    const r = await cli(['lookup', 'https://www.skatteverket.se/privat/deklaration', '--html', join(PAGES, 'agency-skatteverket.html'), '--lang', 'sv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Skatteverket');
    expect(r.stdout).toContain('  • Webbplatsen skatteverket.se tillhör Skatteverket enligt dataportal.se');
    expect(r.stdout).toContain('  • Organisationsnummer 202100-5448 i sidfoten');
    expect(r.stdout).toContain('  • Organisationsnummer 202100-5448 i sidans strukturerade data (GovernmentOrganization)');
    expect(r.stdout).toMatch(/^ +Säkerhet +hög \(Säker träff\)$/m);
  });

  it('a page of a body without datasets, on a host the directory does not know: found by its org number (exit 0)', async () => {
    const r = await cli(['lookup', 'https://www.regionostergotland.se/vard-och-halsa', '--html', join(PAGES, 'region.html'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      url: string;
      resolution: { status: string; org?: { orgNumber?: string; type: string; name: { any?: string } } };
      explained: { reasons: string[] };
      signals?: { host: string };
    };
    expect(out.resolution.status).toBe('public-unpublished');
    expect(out.resolution.org).toMatchObject({ orgNumber: '2321000040', type: 'region', name: { any: 'Region Östergötland' } });
    expect(out.explained.reasons).toContain('organisation number 232100-0040 in the page footer');
    expect(out.explained.reasons).toContain('the organisation has published no datasets on dataportal.se');
    expect(out.signals?.host).toBe('www.regionostergotland.se');

    const human = await cli(['lookup', 'https://www.regionostergotland.se/', '--html', join(PAGES, 'region.html'), '--lang', 'en']);
    expect(human.stdout).toMatch(/^ +Status +public body with no datasets on dataportal\.se$/m);
  });

  it('an org number written in a page saved to a temp file works the same (own fixture)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insyn-lookup-'));
    const file = join(dir, 'page.html');
    await writeFile(
      file,
      '<!doctype html><html lang="sv"><head><title>Kontakt</title></head><body><main>Hej</main>' +
        '<footer><p>Göteborgs Stad · Organisationsnummer 212000-1355</p></footer></body></html>',
    );
    const r = await cli(['lookup', 'https://intranat.example.com/kontakt', '--html', file, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('City of Gothenburg');
    expect(r.stdout).toMatch(/^ +Type +Municipality$/m);
    expect(r.stdout).toContain('  • organisation number 212000-1355 in the page footer');
  });

  it('an unknown host: "no public body", exit 1', async () => {
    const r = await cli(['lookup', 'https://www.example.com/shop', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No public body recognised behind www.example.com');
    expect(r.stdout).toMatch(/^ +Status +none: no public body recognised$/m);
    expect(r.stdout).toContain('  • neither the address nor the page points to a public body');
  });

  it('a commercial page with a company number: still none, and the reason says why', async () => {
    const r = await cli(['lookup', 'https://www.example-shop.se/', '--html', join(PAGES, 'commercial.html'), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { resolution: { status: string }; explained: { reasons: string[] } };
    expect(out.resolution.status).toBe('none');
    expect(out.explained.reasons).toEqual(['organisation number 556123-4567 belongs to a company or association, not a public body']);
  });

  it('bad input: exit 2', async () => {
    const url = await cli(['lookup', 'ftp://files.skatteverket.se/']);
    expect(url.code).toBe(2);
    expect(url.stderr).toBe('insyn lookup: "ftp://files.skatteverket.se/" is not an http(s) URL.\n');
    const file = await cli(['lookup', 'https://www.skatteverket.se/', '--html', '/nonexistent/page.html']);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('insyn lookup: cannot read --html /nonexistent/page.html (ENOENT).\n');
  });
});

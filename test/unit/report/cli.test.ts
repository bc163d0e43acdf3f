// `insyn report`: same composition and routing as the extension, against the local registry stub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { cliAgainst } from '../cli/helpers';

let stub: RegistryStub;
let cli: ReturnType<typeof cliAgainst>;
let dir: string;

beforeAll(async () => {
  stub = await startRegistryStub();
  cli = cliAgainst(stub.base);
  dir = await mkdtemp(path.join(tmpdir(), 'insyn-report-'));
});
afterAll(async () => {
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

const REF = 'INSYN-20260120-K7QF';

describe('insyn report', () => {
  it('prints the route, subject, body and mailto link, in Swedish by default', async () => {
    const r = await cli(['report', '--dataset', '6_68000', '--category', 'wrong-values', '--message', 'Fel värde för Åre.\nRad två.', '--where', 'rad 12', '--ref', REF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Till: oppnadata@skatteverket\.se \(kontaktpunktens e-post: Skatteverket, öppna data\)$/m);
    expect(r.stdout).toContain(`Ämne: Synpunkt på öppna data: Fel eller inaktuella värden – Skattesatser per kommun (${REF})`);
    expect(r.stdout).toContain('Fel värde för Åre.\nRad två.');
    expect(r.stdout).toContain('Var: rad 12');
    expect(r.stdout).toMatch(/^mailto: mailto:oppnadata@skatteverket\.se\?subject=Synpunkt%20p%C3%A5.*%0D%0A/m);
  });

  it('--lang en, --json, and --eml with the same code as the extension', async () => {
    const eml = path.join(dir, 'r.eml');
    const r = await cli(['report', '--dataset', '6_68000', '--category', 'licence', '--message', 'No licence on the CSV.', '--lang', 'en', '--json', '--eml', eml, '--ref', REF]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ reference: REF, category: 'licence', lang: 'en', recipient: { kind: 'contact-email', address: 'oppnadata@skatteverket.se' }, noContactPoint: false });
    expect(out.subject).toBe(`Feedback on open data: Missing or wrong licence – Tax rates per municipality (${REF})`);
    expect(out.mailto.fits).toBe(true);
    const file = await readFile(eml, 'utf8');
    expect(file).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(file).toContain(`X-Insyn-Reference: ${REF}`);
    const body = Buffer.from(file.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body).toBe(`${out.body.replace(/\n/g, '\r\n')}`);
  });

  it('--to replaces the recipient; a very long message says to copy instead of a link', async () => {
    const r = await cli(['report', '--dataset', '6_68000', '--category', 'other', '--message', 'ä'.repeat(2000), '--to', 'data@example.org']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Till: data@example\.org \(vald med --to\)$/m);
    expect(r.stdout).toMatch(/^Annan väg: oppnadata@skatteverket\.se/m);
    expect(r.stdout).toContain('För lång för en mailto:-länk');
  });

  it('an address no mailto: link can hold: the text is still printed, with the note to copy it', async () => {
    const r = await cli(['report', '--dataset', '6_68000', '--category', 'other', '--message', 'Fel.', '--to', `${'€'.repeat(200)}@example.org`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fel.');
    expect(r.stdout).toContain('För lång för en mailto:-länk');
    expect(r.stdout).not.toMatch(/^mailto:/m);
  });

  it.each([
    [['report', '--category', 'other', '--message', 'x'], /missing --dataset/],
    [['report', '--dataset', '6_68000', '--category', 'nope', '--message', 'x'], /--category must be one of: wrong-values, broken-link/],
    [['report', '--dataset', '6_68000', '--category', 'other'], /missing --message/],
    [['report', '--dataset', '6_68000', '--category', 'other', '--message', 'x', '--lang', 'de'], /--lang must be sv or en/],
    [['report', '--dataset', '6_68000', '--category', 'other', '--message', 'x', '--to', 'nobody'], /--to must be/],
  ])('usage error: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

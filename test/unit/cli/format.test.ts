import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../../lib/cli/commands/target';
import { parsePageUrl } from '../../../lib/cli/commands/lookup';
import { clean, commandLine, fields, freshnessCell, freshnessText, licenceLabel, table, truncate, wrap } from '../../../lib/cli/format';
import { licenceFor } from '../../../lib/dcat/vocab';

describe('text primitives', () => {
  it('clean strips control characters so metadata cannot drive the terminal', () => {
    expect(clean('Evil\u001b[2J\u001b]0;owned\u0007 title\r\nnext')).toBe('Evil [2J ]0;owned title next');
    expect(clean('abc\u202edcba')).toBe('abc dcba');
    expect(clean(undefined)).toBe('');
  });

  it('truncate keeps short text, cuts long text at a word boundary with an ellipsis', () => {
    expect(truncate('Skattesatser per kommun', 30)).toBe('Skattesatser per kommun');
    expect(truncate('Postorter och postnummer i folkbokföringen', 30)).toBe('Postorter och postnummer i…');
    expect([...truncate('Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 10)]).toHaveLength(10);
    expect(truncate('Åäöåäöåäöåäö', 6)).toBe('Åäöåä…');
  });

  it('wrap breaks at spaces and keeps a long URL whole', () => {
    expect(wrap('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrap('see https://example.org/a/very/long/path/that/does/not/fit', 10)).toEqual([
      'see',
      'https://example.org/a/very/long/path/that/does/not/fit',
    ]);
  });

  it('table aligns columns (right-aligned numbers), truncates to max and fills empty cells', () => {
    const lines = table(
      [{ header: 'N', align: 'right' }, { header: 'Namn', max: 8 }, { header: 'X' }],
      [
        ['150', 'Trafikverket', ''],
        ['3', 'Åre', 'y'],
      ],
    );
    expect(lines).toEqual(['  N  Namn      X', '───  ────────  ─', '150  Trafikv…  –', '  3  Åre       y']);
  });

  it('fields aligns labels, leaves out empty values and puts list values one per line', () => {
    expect(fields([['Licens', 'CC0'], ['Tom', undefined], ['Tom lista', []], ['Kontakt', ['Namn', 'e-post: a@b.se']]])).toEqual([
      'Licens   CC0',
      'Kontakt  Namn',
      '         e-post: a@b.se',
    ]);
  });

  it('commandLine quotes only what needs quoting', () => {
    expect(commandLine(['insyn', 'datasets', 'skatteverket.se', '--query', "bil's skatt", '--offset', '100'])).toBe(
      "insyn datasets skatteverket.se --query 'bil'\\''s skatt' --offset 100",
    );
  });
});

describe('view labels', () => {
  it('licence label with its kind, sv and en', () => {
    const licences = [licenceFor('https://creativecommons.org/licenses/by/4.0'), licenceFor('http://example.org/my-terms')];
    expect(licenceLabel('en', licences)).toBe('CC BY 4.0 (open); my-terms (unknown)');
    expect(licenceLabel('sv', [licenceFor('http://creativecommons.org/publicdomain/zero/1.0/')])).toBe('CC0 1.0 (allmän egendom)');
    expect(licenceLabel('sv', [])).toBe('licens saknas');
  });

  it('freshness cell and sentence', () => {
    expect(freshnessCell('en', { state: 'ok', last: '2026-01-01', ageDays: 3 })).toBe('ok');
    expect(freshnessCell('sv', { state: 'overdue', last: '2019-03-01', ageDays: 2800, overdueDays: 2770, overdueMonths: 91 })).toBe('försenad 91 mån');
    expect(freshnessCell('en', { state: 'unknown-frequency' })).toBe('');
    expect(freshnessText('en', { state: 'overdue', last: 'x', ageDays: 40, overdueDays: 10, overdueMonths: 0 })).toBe('overdue by 10 days');
    expect(freshnessText('en', { state: 'overdue', last: 'x', ageDays: 60, overdueDays: 30, overdueMonths: 1 })).toBe('overdue by 1 month');
    expect(freshnessText('sv', { state: 'no-date' })).toBe('inget ändringsdatum angivet');
  });
});

describe('parseTarget', () => {
  it.each([
    ['202100-5448', { kind: 'org', orgNumber: '2021005448' }],
    ['2021005448', { kind: 'org', orgNumber: '2021005448' }],
    ['SE2021005448', { kind: 'org', orgNumber: '2021005448' }],
    ['16202100-5448', { kind: 'org', orgNumber: '2021005448' }],
    ['202100 5448', { kind: 'org', orgNumber: '2021005448' }],
    ['http://dataportal.se/organisation/SE2021005448', { kind: 'uri', uri: 'http://dataportal.se/organisation/SE2021005448' }],
    ['https://www.dataportal.se/organisation/SE2021005448', { kind: 'uri', uri: 'http://dataportal.se/organisation/SE2021005448' }],
    ['skatteverket.se', { kind: 'host', host: 'skatteverket.se', path: '/' }],
    ['WWW.Skatteverket.SE', { kind: 'host', host: 'skatteverket.se', path: '/' }],
    ['https://www.lansstyrelsen.se/stockholm/om-oss', { kind: 'host', host: 'lansstyrelsen.se', path: '/stockholm/om-oss' }],
  ])('%s', (arg, expected) => {
    expect(parseTarget(arg)).toEqual(expected);
  });

  it.each([
    ['202100-5449', /bad check digit/],
    ['20210054', /not an organisation number/],
    ['19800101-0000', /not an organisation number/],
    ['8001011231', /personal identity number/],
    ['localhost', /not an organisation number, publisher URI, hostname or URL/],
    ['mailto:a@b.se', /not an organisation number, publisher URI, hostname or http\(s\) URL/],
  ])('rejects %s', (arg, message) => {
    expect(() => parseTarget(arg)).toThrow(message);
  });
});

describe('parsePageUrl', () => {
  it('accepts http(s) URLs and bare hostnames, nothing else', () => {
    expect(parsePageUrl('www.skatteverket.se/privat').href).toBe('https://www.skatteverket.se/privat');
    expect(parsePageUrl('http://goteborg.se/').href).toBe('http://goteborg.se/');
    expect(() => parsePageUrl('javascript:alert(1)')).toThrow(/not a URL|not an http/);
    expect(() => parsePageUrl('http://intranet/')).toThrow(/no usable hostname/);
  });
});

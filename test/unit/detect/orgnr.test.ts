import { describe, expect, it } from 'vitest';
import {
  checkOrgNumber,
  classifyOrgNumber,
  findOrgNumbers,
  formatOrgNumber,
  isPublicOrgNumber,
  luhnValid,
  normaliseOrgNumber,
  orgNumberFromPublisherUri,
} from '../../../lib/detect/orgnr.ts';

describe('normaliseOrgNumber / formatOrgNumber', () => {
  it.each([
    ['202100-5448', '2021005448'],
    ['2021005448', '2021005448'],
    ['16202100-5448', '2021005448'],
    ['162021005448', '2021005448'],
    ['SE202100544801', '2021005448'],
    ['se 202100-5448 01', '2021005448'],
    ['SE2021005448', '2021005448'],
    ['202100 – 5448', '2021005448'],
    ['202100\u20115448', '2021005448'],
  ])('%s → %s', (input, want) => {
    expect(normaliseOrgNumber(input)).toBe(want);
    expect(formatOrgNumber(input)).toBe(want.slice(0, 6) + '-' + want.slice(6));
  });

  it.each(['', '20210054', '20210054481', '198501011234', '200001011234', 'SE20210054480', 'abc', 'DE202100544801'])(
    'rejects %j',
    (input) => {
      expect(normaliseOrgNumber(input)).toBeUndefined();
      expect(formatOrgNumber(input)).toBeUndefined();
    },
  );
});

describe('luhnValid', () => {
  it.each([
    ['2021005448', 'Skatteverket'],
    ['2120000142', 'Stockholms stad'],
    ['2321000016', 'Region Stockholm'],
    ['2021006883', 'Digg'],
    ['2120001355', 'Göteborgs Stad'],
    ['2220000315', 'Kolada (RKA)'],
    ['8020057538', 'Första AP-fonden'],
    ['8572090606', 'Andra AP-fonden'],
  ])('%s (%s) passes', (n) => expect(luhnValid(n)).toBe(true));

  it.each([
    ['2021005449', 'Skatteverket, last digit changed'],
    ['2120000143', 'Stockholm, last digit changed'],
    ['2021002744', 'pseudo-number "Kammarrätter"'],
    ['2021002745', 'pseudo-number "Tingsrätter"'],
    ['2021006884', 'Digg, last digit changed'],
  ])('%s (%s) fails', (n) => expect(luhnValid(n)).toBe(false));

  it('Luhn cannot catch a wrong but well-formed number (202100-6941 is not Digg)', () => {
    expect(luhnValid('2021006941')).toBe(true);
  });

  it('rejects non-ten-digit input', () => {
    expect(luhnValid('202100544')).toBe(false);
    expect(luhnValid('202100-5448')).toBe(false);
  });
});

describe('classifyOrgNumber / checkOrgNumber', () => {
  it.each([
    ['2021005448', 'agency'],
    ['2120000142', 'municipality'],
    ['2321000016', 'region'],
    ['2220000315', 'other-public'],
    ['2320001234', 'other-public'],
    ['2520021235', 'group2-unlisted'], // a parish-style group-2 number: not public sector by itself
    ['5561234567', 'not-public'],
    ['5566778899', 'not-public'],
    ['7696001234', 'not-public'],
    ['8020057538', 'agency'], // AP fund: allow-listed 8-series state authority
    ['8572090606', 'agency'],
    ['8020000000', 'not-public'],
  ])('%s → %s', (n, kind) => expect(classifyOrgNumber(n)).toBe(kind));

  it('flags personnummer-looking numbers (third digit < 2)', () => {
    expect(checkOrgNumber('850101-1234')?.personnummerLike).toBe(true);
    expect(checkOrgNumber('8512311234')?.personnummerLike).toBe(true);
    expect(checkOrgNumber('202100-5448')?.personnummerLike).toBe(false);
  });

  it('reports value, check digit and kind together', () => {
    expect(checkOrgNumber('SE202100544801')).toEqual({
      value: '2021005448',
      checkDigitOk: true,
      personnummerLike: false,
      kind: 'agency',
    });
    expect(checkOrgNumber('212000-0143')?.checkDigitOk).toBe(false);
    expect(checkOrgNumber('hello')).toBeUndefined();
  });

  it('isPublicOrgNumber needs Luhn, no personnummer, a public kind', () => {
    expect(isPublicOrgNumber('2021005448')).toBe(true);
    expect(isPublicOrgNumber('2021005449')).toBe(false);
    expect(isPublicOrgNumber('5561234567')).toBe(false);
    expect(isPublicOrgNumber('2520021235')).toBe(false);
    expect(isPublicOrgNumber('8020057538')).toBe(true);
  });

  it('reads the org number from a dataportal publisher URI', () => {
    expect(orgNumberFromPublisherUri('http://dataportal.se/organisation/SE2021005448')).toBe('2021005448');
    expect(orgNumberFromPublisherUri('https://www.dataportal.se/organisation/SE2021002742-goteborgs-tingsratt')).toBe('2021002742');
    expect(orgNumberFromPublisherUri('http://dataportal.se/organisation/SE20210054481')).toBeUndefined();
    expect(orgNumberFromPublisherUri('http://example.se/organisation/SE2021005448')).toBeUndefined();
  });
});

describe('findOrgNumbers', () => {
  it.each([
    ['Org.nr 202100-5448', true],
    ['Org. nr: 202100-5448', true],
    ['Orgnr 2021005448', true],
    ['Org.nr.:\u00a0202100-5448', true],
    ['Organisationsnummer: 202100-5448', true],
    ['Organisationsnummer 2021005448', true],
    ['Organisationsnummer för Skatteverket är 202100-5448', true],
    ['Organisationsnr 202100-5448', true],
    ['Corporate identity number: 202100-5448', true],
    ['Organisation number 202100-5448', true],
    ['Org. no. 202100-5448', true],
    ['Momsregistreringsnummer SE202100544801', true],
    ['VAT: SE 202100544801', true],
    ['Skatteverket 202100-5448 Solna', false],
  ])('%j → labelled %s', (text, labelled) => {
    expect(findOrgNumbers(text)).toEqual([{ value: '2021005448', labelled }]);
  });

  it('ignores bare ten-digit runs without a label (phone numbers, ids)', () => {
    expect(findOrgNumbers('Ring 0771567567 eller ange kundnummer 2021005448')).toEqual([]);
  });

  it('never returns personnummer-like numbers, labelled or not', () => {
    expect(findOrgNumbers('Enskild firma, org.nr 850101-1234. Kontakt 19850101-1234')).toEqual([]);
  });

  it('does not cut numbers out of longer digit runs', () => {
    expect(findOrgNumbers('Org.nr 12021005448')).toEqual([]);
    expect(findOrgNumbers('Org.nr 2021005448123')).toEqual([]);
  });

  it('the label belongs to the number right after it, not to a later one', () => {
    expect(findOrgNumbers('Org.nr 212000-0142, bankgiro 5050-1055, kundtjänst 232100-0016')).toEqual([
      { value: '2120000142', labelled: true },
      { value: '2321000016', labelled: false },
    ]);
  });

  it('keeps bad check digits (resolve reports them) and de-duplicates', () => {
    expect(findOrgNumbers('Org.nr 202100-5449. Skatteverket 202100-5449, org.nr 202100-5448')).toEqual([
      { value: '2021005449', labelled: true },
      { value: '2021005448', labelled: true },
    ]);
  });

  it('upgrades a number to labelled when a later occurrence has a label', () => {
    expect(findOrgNumbers('Skatteverket 202100-5448 … Organisationsnummer: 202100-5448')).toEqual([
      { value: '2021005448', labelled: true },
    ]);
  });

  it('accepts the 12-digit form with a label', () => {
    expect(findOrgNumbers('Organisationsnummer 16202100-5448')).toEqual([{ value: '2021005448', labelled: true }]);
  });

  it('stops after max numbers', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Org.nr 2021${String(i).padStart(2, '0')}-0000`).join(' ');
    expect(findOrgNumbers(text, 5)).toHaveLength(5);
  });

  it('copes with non-strings and empty text', () => {
    expect(findOrgNumbers('')).toEqual([]);
    expect(findOrgNumbers(undefined as unknown as string)).toEqual([]);
  });
});

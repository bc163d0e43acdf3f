import { describe, expect, it } from 'vitest';
import { STRINGS, format, langFromUi, resolveLang, t } from '../../../lib/i18n';

describe('language choice', () => {
  it.each([
    ['sv', 'sv'],
    ['sv-SE', 'sv'],
    ['sv-FI', 'sv'],
    ['SV', 'sv'],
    ['en-US', 'en'],
    ['nb-NO', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('browser language %s gives %s', (ui, want) => {
    expect(langFromUi(ui)).toBe(want);
  });

  it.each([
    ['auto', 'sv-SE', 'sv'],
    ['auto', 'de-DE', 'en'],
    ['en', 'sv-SE', 'en'],
    ['sv', 'en-US', 'sv'],
    [undefined, 'sv', 'sv'],
  ] as const)('preference %s with browser %s gives %s', (pref, ui, want) => {
    expect(resolveLang(pref, ui)).toBe(want);
  });
});

describe('strings', () => {
  it('every string has non-empty Swedish and English text with the same placeholders', () => {
    for (const [key, value] of Object.entries(STRINGS)) {
      expect(value.sv.trim(), key).not.toBe('');
      expect(value.en.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(value.sv), key).toEqual(names(value.en));
    }
  });

  it('translates by language', () => {
    expect(t('sv', 'retry')).toBe('Försök igen');
    expect(t('en', 'retry')).toBe('Try again');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('{n} datamängder', { n: 3 })).toBe('3 datamängder');
    expect(format('{n} av {total}', { n: 3 })).toBe('3 av {total}');
    expect(format('{__proto__}', {})).toBe('{__proto__}');
  });
});

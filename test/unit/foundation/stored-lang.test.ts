// The popup reads the language with storedLang (no zod) before its first render; it must agree
// with the full versioned parser, whatever is stored.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSettings } from '../../../lib/settings';
import { storedLang } from '../../../lib/settings/stored-lang';

describe('storedLang agrees with parseSettings(raw).lang', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'sv'],
    ['version 0 (bare lang)', { lang: 'en' }],
    ['version 1', { version: 1, lang: 'sv', pausedHosts: [], extraOrigins: [] }],
    ['version 2', { version: 2, lang: 'en', pausedHosts: [], extraOrigins: [], reminderDays: 14 }],
    ['a future version', { version: 9, lang: 'sv', somethingNew: true }],
    ['an invalid language', { version: 2, lang: 'de' }],
    ['a valid language in an otherwise broken object', { version: 2, lang: 'en', pausedHosts: 'x', reminderDays: -1 }],
    ['an array', ['sv']],
  ])('%s', (_name, raw) => {
    expect(storedLang(raw)).toBe(parseSettings(raw).lang);
  });

  it('for any stored value', () => {
    const lang = fc.oneof(fc.constantFrom('auto', 'sv', 'en', 'SV', '', 'de'), fc.anything());
    const stored = fc.oneof(fc.anything(), fc.record({ version: fc.oneof(fc.integer(), fc.anything()), lang }, { requiredKeys: [] }));
    fc.assert(fc.property(stored, (raw) => storedLang(raw) === parseSettings(raw).lang), { numRuns: 500 });
  });
});

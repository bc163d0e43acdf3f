import { describe, it, expect } from 'vitest';
import { isBlankText, pickList, pickText, type UiLang } from '../../../lib/dcat/text';
import type { LangList, LangText } from '../../../lib/dcat/types';

describe('pickText', () => {
  it.each<[string, LangText | undefined, UiLang, string | undefined]>([
    ['Swedish UI, both', { sv: 'Skattesatser', en: 'Tax rates' }, 'sv', 'Skattesatser'],
    ['English UI, both', { sv: 'Skattesatser', en: 'Tax rates' }, 'en', 'Tax rates'],
    ['English UI, only Swedish', { sv: 'Skattesatser' }, 'en', 'Skattesatser'],
    ['Swedish UI, only English', { en: 'Tax rates' }, 'sv', 'Tax rates'],
    ['Swedish UI, only untagged', { any: 'Skattesatser' }, 'sv', 'Skattesatser'],
    ['English UI, English and untagged', { en: 'Tax rates', any: 'Skattesatser' }, 'en', 'Tax rates'],
    ['English UI, Swedish and untagged', { sv: 'Skattesatser', any: 'Untagged' }, 'en', 'Skattesatser'],
    ['blank Swedish falls through', { sv: '  ', en: 'Tax rates' }, 'sv', 'Tax rates'],
    ['nothing', {}, 'sv', undefined],
    ['undefined', undefined, 'en', undefined],
  ])('%s', (_name, text, lang, expected) => {
    expect(pickText(text, lang)).toBe(expected);
  });
});

describe('pickList', () => {
  it.each<[string, LangList | undefined, UiLang, string[]]>([
    ['UI language', { sv: ['bad'], en: ['bathing'], any: [] }, 'en', ['bathing']],
    ['Swedish before English', { sv: ['bad'], en: ['bathing'], any: [] }, 'sv', ['bad']],
    ['other language when the UI one is empty', { sv: ['bad'], en: [], any: [] }, 'en', ['bad']],
    ['untagged values appended', { sv: ['bad'], en: [], any: ['Göteborg', 'bad'] }, 'sv', ['bad', 'Göteborg']],
    ['only untagged', { sv: [], en: [], any: ['NVDB'] }, 'en', ['NVDB']],
    ['empty', { sv: [], en: [], any: [] }, 'sv', []],
    ['undefined', undefined, 'sv', []],
  ])('%s', (_name, list, lang, expected) => {
    expect(pickList(list, lang)).toEqual(expected);
  });
});

describe('isBlankText: nothing a reader could see', () => {
  it.each([
    ['', true],
    ['  \n\t', true],
    ['\u200B', true],
    ['\uFEFF \u200C\u200D\u2060\u00AD', true],
    ['a', false],
    ['\u200Ba', false],
    ['\u202E', false], // a bidi override is not invisible in effect: kept, shown as text
  ])('%j → %s', (s, blank) => expect(isBlankText(s)).toBe(blank));

  it('pickText passes over an invisible text to the next language', () => {
    expect(pickText({ sv: '\u200B', en: 'Tax rates' }, 'sv')).toBe('Tax rates');
  });
});

// Choosing which language of a metadata text to show. Order follows DESIGN (UI language, else the
// other one) with Swedish before English, as dataportal.se itself does, and untagged text last.
import type { LangList, LangText } from './types';

export type UiLang = 'sv' | 'en';

/**
 * Nothing a reader could see: whitespace and invisible format characters only (zero-width space,
 * joiners, word joiner, soft hyphen, byte-order mark). Such a title would show as an empty link.
 */
export function isBlankText(s: string): boolean {
  return s.replace(/[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g, '') === '';
}

function order(lang: UiLang): readonly ('sv' | 'en')[] {
  return lang === 'en' ? ['en', 'sv'] : ['sv', 'en'];
}

/** The text in the UI language, else Swedish, else English, else the untagged/other-language value. */
export function pickText(t: LangText | undefined, lang: UiLang): string | undefined {
  if (!t) return undefined;
  for (const l of order(lang)) {
    const v = t[l];
    if (v !== undefined && !isBlankText(v)) return v;
  }
  return t.any !== undefined && !isBlankText(t.any) ? t.any : undefined;
}

/**
 * The list in the UI language, else Swedish, else English; untagged values are appended because they
 * carry no language and belong to every reader (keywords such as "NVDB" or "COVID-19").
 */
export function pickList(l: LangList | undefined, lang: UiLang): string[] {
  if (!l) return [];
  const chosen = order(lang)
    .map((k) => l[k])
    .find((list) => list.length > 0);
  return [...new Set([...(chosen ?? []), ...l.any])];
}

// UI language choice. The browser's own i18n (public/_locales) only covers the manifest
// (name, description): chrome.i18n cannot switch language at run time, and the options page
// lets the user pick sv or en regardless of the browser's language.
export type Lang = 'sv' | 'en';
export type LangPref = 'auto' | Lang;

export const LANGS: readonly Lang[] = ['sv', 'en'];

/** Swedish when the browser speaks Swedish (sv, sv-SE, sv-FI), else English. */
export function langFromUi(uiLanguage: string | undefined): Lang {
  return uiLanguage && /^sv\b/i.test(uiLanguage) ? 'sv' : 'en';
}

export function resolveLang(pref: LangPref | undefined, uiLanguage: string | undefined): Lang {
  return pref === 'sv' || pref === 'en' ? pref : langFromUi(uiLanguage);
}

// What the popup needs from settings before its first render: the storage key and the language.
// Free of zod (lib/settings/index.ts uses it), so the popup's first content does not wait for the
// schema library. Agrees with parseSettings(raw).lang for every input (a unit test checks).

export const SETTINGS_KEY = 'insyn.settings';

export type LangSetting = 'auto' | 'sv' | 'en';

/** The language setting of a stored settings object of any version; 'auto' when absent or invalid. */
export function storedLang(raw: unknown): LangSetting {
  if (!raw || typeof raw !== 'object') return 'auto';
  const lang = (raw as { lang?: unknown }).lang;
  return lang === 'sv' || lang === 'en' || lang === 'auto' ? lang : 'auto';
}

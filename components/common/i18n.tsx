import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { translator, type Lang, type Translate } from '../../lib/i18n';

interface I18n {
  lang: Lang;
  t: Translate;
}

const Ctx = createContext<I18n>({ lang: 'sv', t: translator('sv') });

export function I18nProvider({ lang, children }: { lang: Lang; children: ComponentChildren }) {
  return <Ctx.Provider value={{ lang, t: translator(lang) }}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}

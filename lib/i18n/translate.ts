import type { Lang } from './lang';
import { STRINGS, type StringKey } from './strings';

export type Params = Record<string, string | number>;
export type Translate = (key: StringKey, params?: Params) => string;

/** Fill `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function t(lang: Lang, key: StringKey, params?: Params): string {
  return format(STRINGS[key][lang], params);
}

export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

/** Numbers the Swedish or English way. */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n);
}

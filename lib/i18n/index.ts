export type { Lang, LangPref } from './lang';
export { LANGS, langFromUi, resolveLang } from './lang';
export { STRINGS, type StringKey } from './strings';
export { format, formatNumber, t, translator, type Params, type Translate } from './translate';
export { formatAge, formatBytes, formatOrgNumber, isoDate } from './format';

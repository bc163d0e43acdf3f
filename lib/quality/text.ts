// The quality score in plain words, Swedish and English: names of dimensions, indicators and
// bands, and what is missing ("no licence on 2 of 3 distributions"). Shared by the popup and the
// CLI, so both say the same thing. Placeholders are {name}, as in lib/i18n.
import { format, type Lang } from '../i18n';
import type { Band, Dimension, Gap, IndicatorId, NotChecked } from './score';

type Pair = { sv: string; en: string };

export const DIMENSION_NAMES: Record<Dimension, Pair> = {
  findability: { sv: 'Sökbarhet', en: 'Findability' },
  accessibility: { sv: 'Åtkomlighet', en: 'Accessibility' },
  interoperability: { sv: 'Interoperabilitet', en: 'Interoperability' },
  reusability: { sv: 'Återanvändbarhet', en: 'Reusability' },
  contextuality: { sv: 'Sammanhang', en: 'Contextuality' },
};

export const BAND_NAMES: Record<Band, Pair> = {
  excellent: { sv: 'Utmärkt', en: 'Excellent' },
  good: { sv: 'Bra', en: 'Good' },
  sufficient: { sv: 'Tillräcklig', en: 'Sufficient' },
  bad: { sv: 'Dålig', en: 'Bad' },
};

export const INDICATOR_NAMES: Record<IndicatorId, Pair> = {
  keywords: { sv: 'Nyckelord', en: 'Keywords' },
  themes: { sv: 'Teman', en: 'Themes' },
  spatial: { sv: 'Geografiskt område', en: 'Spatial coverage' },
  temporal: { sv: 'Tidsperiod', en: 'Time period' },
  accessUrlAnswers: { sv: 'Åtkomst-URL svarar', en: 'Access URL answers' },
  downloadUrlGiven: { sv: 'Nedladdnings-URL angiven', en: 'Download URL given' },
  downloadUrlAnswers: { sv: 'Nedladdnings-URL svarar', en: 'Download URL answers' },
  format: { sv: 'Format', en: 'Format' },
  mediaType: { sv: 'Mediatyp', en: 'Media type' },
  formatVocabulary: { sv: 'Format från vokabulär', en: 'Format from a vocabulary' },
  nonProprietary: { sv: 'Öppet format', en: 'Non-proprietary format' },
  machineReadable: { sv: 'Maskinläsbart format', en: 'Machine-readable format' },
  dcatAp: { sv: 'Följer DCAT-AP', en: 'DCAT-AP conformance' },
  licence: { sv: 'Licens', en: 'Licence' },
  licenceVocabulary: { sv: 'Licens från vokabulär', en: 'Licence from a vocabulary' },
  accessRights: { sv: 'Åtkomsträttigheter', en: 'Access rights' },
  accessRightsVocabulary: { sv: 'Åtkomsträttigheter från vokabulär', en: 'Access rights from a vocabulary' },
  contactPoint: { sv: 'Kontaktpunkt', en: 'Contact point' },
  publisher: { sv: 'Utgivare', en: 'Publisher' },
  rights: { sv: 'Rättighetsinformation', en: 'Rights statement' },
  byteSize: { sv: 'Filstorlek', en: 'Byte size' },
  issued: { sv: 'Publiceringsdatum', en: 'Issue date' },
  modified: { sv: 'Ändringsdatum', en: 'Modification date' },
};

/** What is missing, as a phrase that a scope ("on 2 of 3 distributions") can follow. */
const GAP_WHAT: Record<Gap['key'], Pair> = {
  noDistributions: { sv: 'inga distributioner (inga filer eller länkar till data)', en: 'no distributions (no files or links to the data)' },
  keywords: { sv: 'inga nyckelord', en: 'no keywords' },
  themes: { sv: 'inget tema', en: 'no theme' },
  spatial: { sv: 'inget geografiskt område', en: 'no geographical area' },
  temporal: { sv: 'ingen tidsperiod', en: 'no time period' },
  accessUrlAnswers: { sv: 'åtkomstlänken svarar inte', en: 'the access link does not answer' },
  downloadUrlGiven: { sv: 'ingen nedladdningslänk', en: 'no download link' },
  downloadUrlAnswers: { sv: 'nedladdningslänken svarar inte', en: 'the download link does not answer' },
  format: { sv: 'inget format angivet', en: 'no format stated' },
  mediaType: { sv: 'ingen mediatyp (t.ex. text/csv)', en: 'no media type (such as text/csv)' },
  formatVocabulary: { sv: 'formatet är fritext, inte från EU:s eller IANA:s lista', en: 'the format is free text, not from the EU or IANA list' },
  nonProprietary: { sv: 'format som ägs av en leverantör', en: 'a format owned by one vendor' },
  machineReadable: { sv: 'format som inte är maskinläsbart', en: 'a format that is not machine-readable' },
  dcatAp: { sv: 'följer inte DCAT-AP', en: 'does not meet DCAT-AP' },
  licence: { sv: 'ingen licens', en: 'no licence' },
  licenceVocabulary: { sv: 'licensen känns inte igen', en: 'the licence is not recognised' },
  accessRights: { sv: 'inga åtkomsträttigheter angivna', en: 'no access rights stated' },
  accessRightsVocabulary: { sv: 'åtkomsträttigheterna är inte från EU:s lista', en: 'the access rights are not from the EU list' },
  contactPoint: { sv: 'ingen kontaktpunkt', en: 'no contact point' },
  publisher: { sv: 'ingen utgivare', en: 'no publisher' },
  rights: { sv: 'ingen rättighetsinformation', en: 'no rights statement' },
  byteSize: { sv: 'ingen filstorlek', en: 'no byte size' },
  issued: { sv: 'inget publiceringsdatum', en: 'no issue date' },
  modified: { sv: 'inget ändringsdatum', en: 'no modification date' },
};

export const QUALITY_STRINGS = {
  scopeSome: { sv: '{what} på {n} av {total} distributioner', en: '{what} on {n} of {total} distributions' },
  scopeAll: { sv: '{what} på någon av de {total} distributionerna', en: '{what} on any of the {total} distributions' },
  scopeEvery: { sv: '{what} på alla {total} distributionerna', en: '{what} on all {total} distributions' },
  withValues: { sv: '{text} ({values})', en: '{text} ({values})' },
  notCheckedDetail: { sv: 'inte kontrollerat i listan – öppna datamängden', en: 'not checked in the list – open the dataset' },
  notCheckedLinks: { sv: 'inte kontrollerat – kör länkkontrollen', en: 'not checked – run the link check' },
  dcatTitle: { sv: 'titel saknas', en: 'title missing' },
  dcatDescription: { sv: 'beskrivning saknas', en: 'description missing' },
  dcatPublisher: { sv: 'utgivare saknas', en: 'publisher missing' },
  dcatAccessUrl: { sv: 'åtkomst-URL saknas', en: 'access URL missing' },
  dcatInvalid: { sv: 'delar av posten är felaktiga', en: 'parts of the record are invalid' },
  linkTimeout: { sv: 'svarar inte i tid', en: 'timed out' },
  linkNetwork: { sv: 'går inte att nå', en: 'cannot be reached' },
  linkUnsupported: { sv: 'ingen webbadress', en: 'not a web address' },
} as const satisfies Record<string, Pair>;

type QKey = keyof typeof QUALITY_STRINGS;

function q(lang: Lang, key: QKey, params?: Record<string, string | number>): string {
  return format(QUALITY_STRINGS[key][lang], params);
}

export function dimensionName(lang: Lang, d: Dimension): string {
  return DIMENSION_NAMES[d][lang];
}

export function bandName(lang: Lang, b: Band): string {
  return BAND_NAMES[b][lang];
}

export function indicatorName(lang: Lang, id: IndicatorId): string {
  return INDICATOR_NAMES[id][lang];
}

export function notCheckedText(lang: Lang, why: NotChecked): string {
  return q(lang, why === 'needs-link-check' ? 'notCheckedLinks' : 'notCheckedDetail');
}

/** Evidence of a failed link in words: `404`, `timed out`, `cannot be reached`. */
export function linkEvidenceText(lang: Lang, value: string): string {
  if (value === 'timeout') return q(lang, 'linkTimeout');
  if (value === 'network' || value === 'error') return q(lang, 'linkNetwork');
  if (value === 'unsupported') return q(lang, 'linkUnsupported');
  return /^\d{3}$/.test(value) ? `HTTP ${value}` : value;
}

function valueText(lang: Lang, gap: Gap, value: string): string {
  if (gap.key === 'dcatAp') {
    const k = ({ title: 'dcatTitle', description: 'dcatDescription', publisher: 'dcatPublisher', accessURL: 'dcatAccessUrl', invalid: 'dcatInvalid' } as const)[
      value as 'title'
    ];
    return k ? q(lang, k) : value;
  }
  if (gap.key === 'accessUrlAnswers' || gap.key === 'downloadUrlAnswers') return linkEvidenceText(lang, value);
  return value;
}

/** One missing thing in plain words: "no licence on 2 of 3 distributions", "no contact point". */
export function gapText(lang: Lang, gap: Gap): string {
  const what = GAP_WHAT[gap.key][lang];
  let text = what;
  if (gap.n !== undefined && gap.total !== undefined && gap.total > 1) {
    // "no licence on any of the 3", but "a vendor format on all 3".
    const every = gap.key === 'nonProprietary' || gap.key === 'machineReadable' || gap.key === 'formatVocabulary' || gap.key === 'licenceVocabulary';
    text =
      gap.n >= gap.total
        ? q(lang, every ? 'scopeEvery' : 'scopeAll', { what, total: gap.total })
        : q(lang, 'scopeSome', { what, n: gap.n, total: gap.total });
  }
  const values = (gap.values ?? []).filter((v) => v.trim() !== '').slice(0, 4);
  if (values.length === 0) return text;
  return q(lang, 'withValues', { text, values: values.map((v) => valueText(lang, gap, v)).join(', ') });
}

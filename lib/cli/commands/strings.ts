// Labels only the command line uses, Swedish and English side by side (a missing translation is a
// type error). Everything the popup also shows comes from lib/i18n's STRINGS instead.
import { format, type Lang, type Params } from '../../i18n';

export const CLI_STRINGS = {
  // datasets
  colId: { sv: 'ID', en: 'ID' },
  colKind: { sv: 'Typ', en: 'Kind' },
  colTitle: { sv: 'Titel', en: 'Title' },
  colLicence: { sv: 'Licens', en: 'Licence' },
  colAccess: { sv: 'Åtkomst', en: 'Access' },
  colFrequency: { sv: 'Frekvens', en: 'Frequency' },
  colModified: { sv: 'Ändrad', en: 'Modified' },
  colFreshness: { sv: 'Aktualitet', en: 'Freshness' },
  colFormats: { sv: 'Format', en: 'Formats' },
  kindDataset: { sv: 'datamängd', en: 'dataset' },
  kindDatasetApi: { sv: 'datamängd+API', en: 'dataset+API' },
  kindService: { sv: 'API', en: 'API' },
  kindSeries: { sv: 'serie', en: 'series' },
  licKindCc0: { sv: 'allmän egendom', en: 'public domain' },
  licKindOpen: { sv: 'öppen', en: 'open' },
  licKindRestrictive: { sv: 'begränsande', en: 'restrictive' },
  licKindUnknown: { sv: 'okänd', en: 'unknown' },
  freshOkShort: { sv: 'ok', en: 'ok' },
  overdueShort: { sv: 'försenad {n} mån', en: 'overdue {n} mo' },
  overdueShortNew: { sv: 'försenad', en: 'overdue' },
  overdueLong: { sv: 'försenad med {n} månader', en: 'overdue by {n} months' },
  overdueLong1: { sv: 'försenad med 1 månad', en: 'overdue by 1 month' },
  overdueDays: { sv: 'försenad med {n} dagar', en: 'overdue by {n} days' },
  noLicence: { sv: 'licens saknas', en: 'no licence' },
  orgLine: { sv: '{name} (org.nr {orgnr})', en: '{name} (org.nr {orgnr})' },
  countLine: { sv: '{org}: {total} datamängder', en: '{org}: {total} datasets' },
  countLineQuery: { sv: '{org}: {total} datamängder som matchar "{query}"', en: '{org}: {total} datasets matching "{query}"' },
  shownRange: { sv: 'visar {from}–{to}', en: 'shown {from}–{to}' },
  nothingAtOffset: { sv: 'inget från position {offset}', en: 'nothing at offset {offset}' },
  nextPage: { sv: 'Nästa sida: {command}', en: 'Next page: {command}' },
  detailHint: { sv: 'En post i detalj: insyn dataset <ID>', en: 'One item in detail: insyn dataset <ID>' },
  noMatchesQuery: { sv: 'Inget hos {name} matchar "{query}".', en: 'Nothing from {name} matches "{query}".' },

  // dataset
  kindDatasetLong: { sv: 'Datamängd', en: 'Dataset' },
  kindDatasetApiLong: { sv: 'Datamängd med API', en: 'Dataset with an API' },
  kindServiceLong: { sv: 'API (datatjänst)', en: 'API (data service)' },
  kindSeriesLong: { sv: 'Datamängdsserie', en: 'Dataset series' },
  contactEmail: { sv: 'e-post: {v}', en: 'e-mail: {v}' },
  contactPhone: { sv: 'telefon: {v}', en: 'phone: {v}' },
  contactUrl: { sv: 'webb: {v}', en: 'web: {v}' },
  freshOk: { sv: 'i tid', en: 'up to date' },
  freshUnknown: { sv: 'aktualitet kan inte bedömas', en: 'freshness cannot be judged' },
  freshNoDate: { sv: 'inget ändringsdatum angivet', en: 'no modification date given' },
  noAccessRights: { sv: 'ej angiven', en: 'not stated' },
  noFrequency: { sv: 'ej angiven', en: 'not stated' },
  openEnded: { sv: 'pågående', en: 'ongoing' },
  servesDatasets: { sv: 'Tillhandahåller', en: 'Serves' },
  inSeries: { sv: 'Ingår i serie', en: 'In series' },
  conformsTo: { sv: 'Följer', en: 'Conforms to' },
  distStatus: { sv: 'Status', en: 'Status' },
  distViaApi: { sv: 'tillhandahålls av en datatjänst', en: 'served by a data service' },
  portalLabel: { sv: 'dataportal.se', en: 'dataportal.se' },

  // publishers
  colCount: { sv: 'Datamängder', en: 'Datasets' },
  colOrgNr: { sv: 'Org.nr', en: 'Org.nr' },
  colType: { sv: 'Typ', en: 'Type' },
  colName: { sv: 'Namn', en: 'Name' },
  colHomepage: { sv: 'Webbplats', en: 'Homepage' },
  publishersLine: { sv: '{n} utgivare på dataportal.se', en: '{n} publishers on dataportal.se' },
  publishersLineQuery: { sv: '{n} utgivare på dataportal.se som matchar "{query}"', en: '{n} publishers on dataportal.se matching "{query}"' },

  // lookup
  lookupStatus: { sv: 'Status', en: 'Status' },
  lookupType: { sv: 'Typ', en: 'Type' },
  lookupOrgNr: { sv: 'Org.nr', en: 'Org.nr' },
  lookupConfidence: { sv: 'Säkerhet', en: 'Confidence' },
  lookupPublisher: { sv: 'Utgivare', en: 'Publisher' },
  lookupDatasets: { sv: 'Datamängder', en: 'Datasets' },
  lookupWhy: { sv: 'Varför', en: 'Why' },
  statusMatched: { sv: 'träff: utgivare på dataportal.se', en: 'matched: a publisher on dataportal.se' },
  statusMatchedEmpty: {
    sv: 'träff: utgivare på dataportal.se, utan publicerade datamängder',
    en: 'matched: a publisher on dataportal.se, with no published datasets',
  },
  statusUnpublished: {
    sv: 'offentlig aktör utan datamängder på dataportal.se',
    en: 'public body with no datasets on dataportal.se',
  },
  statusNone: { sv: 'ingen: ingen offentlig aktör känns igen', en: 'none: no public body recognised' },
  statusNotPublic: { sv: 'markerad som inte offentlig sektor', en: 'marked as not public sector' },
  noBodyTitle: { sv: 'Ingen offentlig aktör känns igen bakom {host}', en: 'No public body recognised behind {host}' },
  confHigh: { sv: 'hög', en: 'high' },
  confMedium: { sv: 'medel', en: 'medium' },
  confLow: { sv: 'låg', en: 'low' },
  datasetsHint: { sv: 'Datamängderna: {command}', en: 'Its datasets: {command}' },
} as const satisfies Record<string, { sv: string; en: string }>;

export type CliStringKey = keyof typeof CLI_STRINGS;

export function ct(lang: Lang, key: CliStringKey, params?: Params): string {
  return format(CLI_STRINGS[key][lang], params);
}

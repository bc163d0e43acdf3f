// Labels for the controlled vocabularies DCAT-AP-SE uses, in Swedish and English.
// Tables are small and static on purpose: the extension must label values offline, and the EU
// authority tables change rarely. A value not found here is still shown, labelled from its URI.
import type { Concept, Frequency, LangText, Licence, LicenceKind } from './types';

const EU_AUTH = 'http://publications.europa.eu/resource/authority/';

/**
 * Lookup key for a vocabulary URI. Publishers write the same URI with http or https, with or without
 * `www.` and a trailing slash, and in any case; none of that changes which concept is meant.
 */
export function vocabKey(uri: string): string {
  return uri
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/** Human label for a URI nobody told us about: its fragment or last path segment, else its host. */
export function labelFromUri(uri: string): string {
  const raw = uri.trim();
  const noQuery = raw.replace(/[?].*$/, '');
  const hash = noQuery.indexOf('#');
  if (hash >= 0 && hash < noQuery.length - 1) return safeDecode(noQuery.slice(hash + 1));
  const path = (hash >= 0 ? noQuery.slice(0, hash) : noQuery).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const segments = path.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1];
  if (last !== undefined) return safeDecode(last);
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(raw)?.[1];
  return host ?? raw;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface Labelled {
  sv: string;
  en: string;
}

type Table<T extends Labelled> = ReadonlyMap<string, T>;

function buildTable<T extends Labelled>(base: string, rows: ReadonlyArray<readonly [string, T]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, entry] of rows) m.set(vocabKey(base + code), entry);
  return m;
}

function conceptFrom(uri: string, table: Table<Labelled>): Concept {
  const hit = table.get(vocabKey(uri));
  if (hit) return { uri, label: { sv: hit.sv, en: hit.en }, known: true };
  return { uri, label: { any: labelFromUri(uri) }, known: false };
}

// ---------------------------------------------------------------------------------------------
// Access rights

const ACCESS_RIGHTS = buildTable<Labelled>(`${EU_AUTH}access-right/`, [
  ['PUBLIC', { sv: 'Offentlig', en: 'Public' }],
  ['RESTRICTED', { sv: 'Begränsad', en: 'Restricted' }],
  ['NON_PUBLIC', { sv: 'Icke-offentlig', en: 'Non-public' }],
]);

export function accessRightConcept(uri: string): Concept {
  return conceptFrom(uri, ACCESS_RIGHTS);
}

// ---------------------------------------------------------------------------------------------
// Update frequency

interface FrequencyEntry extends Labelled {
  /** Longest expected gap between updates, in days. */
  days?: number;
}

const HOUR = 1 / 24;
const MINUTE = HOUR / 60;

// Days are the longest calendar gap the frequency allows (a month can be 31 days, a year 366),
// so that an "overdue" check built on them does not fire early.
const EU_FREQUENCY_ROWS: ReadonlyArray<readonly [string, FrequencyEntry]> = [
  ['1MIN', { sv: 'Varje minut', en: 'Every minute', days: MINUTE }],
  ['5MIN', { sv: 'Var femte minut', en: 'Every five minutes', days: 5 * MINUTE }],
  ['10MIN', { sv: 'Var tionde minut', en: 'Every ten minutes', days: 10 * MINUTE }],
  ['15MIN', { sv: 'Var femtonde minut', en: 'Every fifteen minutes', days: 15 * MINUTE }],
  ['30MIN', { sv: 'Varje halvtimme', en: 'Every thirty minutes', days: 30 * MINUTE }],
  ['HOURLY', { sv: 'Varje timme', en: 'Hourly', days: HOUR }],
  ['BIHOURLY', { sv: 'Varannan timme', en: 'Every two hours', days: 2 * HOUR }],
  ['TRIHOURLY', { sv: 'Var tredje timme', en: 'Every three hours', days: 3 * HOUR }],
  ['12HRS', { sv: 'Var tolfte timme', en: 'Every twelve hours', days: 0.5 }],
  ['DAILY_2', { sv: 'Två gånger per dag', en: 'Twice a day', days: 0.5 }],
  ['DAILY', { sv: 'Daglig', en: 'Daily', days: 1 }],
  ['WEEKLY_3', { sv: 'Tre gånger per vecka', en: 'Three times a week', days: 3 }],
  ['WEEKLY_2', { sv: 'Två gånger per vecka', en: 'Twice a week', days: 4 }],
  ['WEEKLY', { sv: 'Varje vecka', en: 'Weekly', days: 7 }],
  ['BIWEEKLY', { sv: 'Varannan vecka', en: 'Every two weeks', days: 14 }],
  ['MONTHLY_3', { sv: 'Tre gånger per månad', en: 'Three times a month', days: 11 }],
  ['MONTHLY_2', { sv: 'Två gånger per månad', en: 'Twice a month', days: 16 }],
  ['MONTHLY', { sv: 'Varje månad', en: 'Monthly', days: 31 }],
  ['BIMONTHLY', { sv: 'Varannan månad', en: 'Every two months', days: 62 }],
  ['QUARTERLY', { sv: 'Kvartalsvis', en: 'Quarterly', days: 92 }],
  ['ANNUAL_3', { sv: 'Tre gånger per år', en: 'Three times a year', days: 123 }],
  ['ANNUAL_2', { sv: 'Halvårsvis', en: 'Twice a year', days: 184 }],
  ['ANNUAL', { sv: 'Årlig', en: 'Annual', days: 366 }],
  ['BIENNIAL', { sv: 'Vartannat år', en: 'Every two years', days: 731 }],
  ['TRIENNIAL', { sv: 'Vart tredje år', en: 'Every three years', days: 1096 }],
  ['QUADRENNIAL', { sv: 'Vart fjärde år', en: 'Every four years', days: 1461 }],
  ['QUINQUENNIAL', { sv: 'Vart femte år', en: 'Every five years', days: 1827 }],
  ['DECENNIAL', { sv: 'Vart tionde år', en: 'Every ten years', days: 3653 }],
  ['BIDECENNIAL', { sv: 'Vart tjugonde år', en: 'Every twenty years', days: 7305 }],
  ['TRIDECENNIAL', { sv: 'Vart trettionde år', en: 'Every thirty years', days: 10958 }],
  ['CONT', { sv: 'Kontinuerlig', en: 'Continuous' }],
  ['UPDATE_CONT', { sv: 'Uppdateras löpande', en: 'Continuously updated' }],
  ['IRREG', { sv: 'Oregelbunden', en: 'Irregular' }],
  ['AS_NEEDED', { sv: 'Vid behov', en: 'As needed' }],
  ['OTHER', { sv: 'Annan', en: 'Other' }],
  ['UNKNOWN', { sv: 'Okänd', en: 'Unknown' }],
  ['NEVER', { sv: 'Uppdateras aldrig', en: 'Never updated' }],
  ['NOT_PLANNED', { sv: 'Inga uppdateringar planerade', en: 'No updates planned' }],
  ['OP_DATPRO', { sv: 'Preliminära uppgifter', en: 'Provisional data' }],
];

const EU_FREQUENCY_BY_CODE: ReadonlyMap<string, FrequencyEntry> = new Map(EU_FREQUENCY_ROWS);

function euFrequency(code: string): FrequencyEntry {
  return EU_FREQUENCY_BY_CODE.get(code) ?? { sv: code, en: code };
}

// Dublin Core Collection Description frequencies, still used by older harvest sources.
const CLD_FREQUENCY_ROWS: ReadonlyArray<readonly [string, FrequencyEntry]> = [
  ['triennial', euFrequency('TRIENNIAL')],
  ['biennial', euFrequency('BIENNIAL')],
  ['annual', euFrequency('ANNUAL')],
  ['semiannual', euFrequency('ANNUAL_2')],
  ['threeTimesAYear', euFrequency('ANNUAL_3')],
  ['quarterly', euFrequency('QUARTERLY')],
  ['bimonthly', euFrequency('BIMONTHLY')],
  ['monthly', euFrequency('MONTHLY')],
  ['semimonthly', euFrequency('MONTHLY_2')],
  ['threeTimesAMonth', euFrequency('MONTHLY_3')],
  ['biweekly', euFrequency('BIWEEKLY')],
  ['weekly', euFrequency('WEEKLY')],
  ['semiweekly', euFrequency('WEEKLY_2')],
  ['threeTimesAWeek', euFrequency('WEEKLY_3')],
  ['daily', euFrequency('DAILY')],
  ['continuous', euFrequency('CONT')],
  ['irregular', euFrequency('IRREG')],
];

const FREQUENCIES: Table<FrequencyEntry> = new Map([
  ...buildTable(`${EU_AUTH}frequency/`, EU_FREQUENCY_ROWS),
  ...buildTable('http://purl.org/cld/freq/', CLD_FREQUENCY_ROWS),
]);

export function frequencyConcept(uri: string): Frequency {
  const hit = FREQUENCIES.get(vocabKey(uri));
  if (!hit) return { uri, label: { any: labelFromUri(uri) }, known: false };
  const f: Frequency = { uri, label: { sv: hit.sv, en: hit.en }, known: true };
  if (hit.days !== undefined) f.days = hit.days;
  return f;
}

// ---------------------------------------------------------------------------------------------
// Data themes (EU data-theme table, the 13 values DCAT-AP-SE allows for dcat:theme)

const THEMES = buildTable<Labelled>(`${EU_AUTH}data-theme/`, [
  ['AGRI', { sv: 'Jordbruk, fiske, skogsbruk och livsmedel', en: 'Agriculture, fisheries, forestry and food' }],
  ['ECON', { sv: 'Ekonomi och finans', en: 'Economy and finance' }],
  ['EDUC', { sv: 'Utbildning, kultur och sport', en: 'Education, culture and sport' }],
  ['ENER', { sv: 'Energi', en: 'Energy' }],
  ['ENVI', { sv: 'Miljö', en: 'Environment' }],
  ['GOVE', { sv: 'Regeringen och den offentliga sektorn', en: 'Government and public sector' }],
  ['HEAL', { sv: 'Hälsa', en: 'Health' }],
  ['INTR', { sv: 'Internationella frågor', en: 'International issues' }],
  ['JUST', { sv: 'Rättvisa, rättsliga system och allmän säkerhet', en: 'Justice, legal system and public safety' }],
  ['OP_DATPRO', { sv: 'Preliminära uppgifter', en: 'Provisional data' }],
  ['REGI', { sv: 'Regioner och städer', en: 'Regions and cities' }],
  ['SOCI', { sv: 'Befolkning och samhälle', en: 'Population and society' }],
  ['TECH', { sv: 'Vetenskap och teknik', en: 'Science and technology' }],
  ['TRAN', { sv: 'Transport', en: 'Transport' }],
]);

export function themeConcept(uri: string): Concept {
  return conceptFrom(uri, THEMES);
}

// ---------------------------------------------------------------------------------------------
// ADMS publisher types

const PUBLISHER_TYPES = buildTable<Labelled>('http://purl.org/adms/publishertype/', [
  ['Academia-ScientificOrganisation', { sv: 'Akademisk eller vetenskaplig organisation', en: 'Academia or scientific organisation' }],
  ['Company', { sv: 'Företag', en: 'Company' }],
  ['IndustryConsortium', { sv: 'Branschkonsortium', en: 'Industry consortium' }],
  ['LocalAuthority', { sv: 'Kommunal myndighet', en: 'Local authority' }],
  ['NationalAuthority', { sv: 'Statlig myndighet', en: 'National authority' }],
  ['NonGovernmentalOrganisation', { sv: 'Icke-statlig organisation', en: 'Non-governmental organisation' }],
  ['NonProfitOrganisation', { sv: 'Ideell organisation', en: 'Non-profit organisation' }],
  ['PrivateIndividual(s)', { sv: 'Privatperson(er)', en: 'Private individual(s)' }],
  ['RegionalAuthority', { sv: 'Regional myndighet', en: 'Regional authority' }],
  ['StandardisationBody', { sv: 'Standardiseringsorgan', en: 'Standardisation body' }],
  ['SupraNationalAuthority', { sv: 'Överstatlig myndighet', en: 'Supranational authority' }],
]);

export function publisherTypeConcept(uri: string): Concept {
  return conceptFrom(uri, PUBLISHER_TYPES);
}

// ---------------------------------------------------------------------------------------------
// Distribution status and availability

const COMPLETED: Labelled = { sv: 'Färdigställd', en: 'Completed' };
const DEPRECATED: Labelled = { sv: 'Föråldrad', en: 'Deprecated' };
const DEVELOP: Labelled = { sv: 'Under utveckling', en: 'Under development' };
const WITHDRAWN: Labelled = { sv: 'Tillbakadragen', en: 'Withdrawn' };

const STATUSES: Table<Labelled> = new Map([
  ...buildTable(`${EU_AUTH}distribution-status/`, [
    ['COMPLETED', COMPLETED],
    ['DEPRECATED', DEPRECATED],
    ['DEVELOP', DEVELOP],
    ['WITHDRAWN', WITHDRAWN],
  ]),
  ...buildTable('http://purl.org/adms/status/', [
    ['Completed', COMPLETED],
    ['Deprecated', DEPRECATED],
    ['UnderDevelopment', DEVELOP],
    ['Withdrawn', WITHDRAWN],
  ]),
]);

export function distributionStatusConcept(uri: string): Concept {
  return conceptFrom(uri, STATUSES);
}

const AVAILABILITY_ROWS: ReadonlyArray<readonly [string, Labelled]> = [
  ['stable', { sv: 'Stabil (långsiktigt tillgänglig)', en: 'Stable (available long-term)' }],
  ['available', { sv: 'Tillgänglig (på medellång sikt)', en: 'Available (medium-term)' }],
  ['temporary', { sv: 'Tillfällig', en: 'Temporary' }],
  ['experimental', { sv: 'Experimentell', en: 'Experimental' }],
];

const AVAILABILITY: Table<Labelled> = new Map([
  ...buildTable('http://data.europa.eu/r5r/availability/', AVAILABILITY_ROWS),
  // The EU "planned availability" table carries the same four values in upper case.
  ...buildTable(`${EU_AUTH}planned-availability/`, AVAILABILITY_ROWS),
]);

export function availabilityConcept(uri: string): Concept {
  return conceptFrom(uri, AVAILABILITY);
}

// ---------------------------------------------------------------------------------------------
// Licences

interface LicenceEntry {
  label: string;
  kind: Exclude<LicenceKind, 'unknown'>;
  explanation: Labelled;
}

const CC_CONDITIONS = ['by', 'by-sa', 'by-nc', 'by-nd', 'by-nc-sa', 'by-nc-nd'] as const;
type CcCondition = (typeof CC_CONDITIONS)[number];
const CC_VERSIONS = ['1.0', '2.0', '2.5', '3.0', '4.0'] as const;

const CC_EXPLANATIONS: Record<CcCondition, Labelled> = {
  by: {
    sv: 'Du får använda, dela och bearbeta data, även kommersiellt, om du anger källan.',
    en: 'You may use, share and adapt the data, also commercially, if you credit the source.',
  },
  'by-sa': {
    sv: 'Du får använda, dela och bearbeta data, även kommersiellt, om du anger källan och delar bearbetningar under samma licens.',
    en: 'You may use, share and adapt the data, also commercially, if you credit the source and share adaptations under the same licence.',
  },
  'by-nc': {
    sv: 'Du får använda, dela och bearbeta data om du anger källan, men inte i kommersiellt syfte.',
    en: 'You may use, share and adapt the data if you credit the source, but not commercially.',
  },
  'by-nd': {
    sv: 'Du får använda och dela data, även kommersiellt, om du anger källan, men inte sprida bearbetade versioner.',
    en: 'You may use and share the data, also commercially, if you credit the source, but you may not share adapted versions.',
  },
  'by-nc-sa': {
    sv: 'Du får använda, dela och bearbeta data om du anger källan, inte i kommersiellt syfte och om du delar bearbetningar under samma licens.',
    en: 'You may use, share and adapt the data if you credit the source, not commercially, and if you share adaptations under the same licence.',
  },
  'by-nc-nd': {
    sv: 'Du får dela data om du anger källan, men inte i kommersiellt syfte och inte sprida bearbetade versioner.',
    en: 'You may share the data if you credit the source, but not commercially, and you may not share adapted versions.',
  },
};

const PUBLIC_DOMAIN_EXPLANATION: Labelled = {
  sv: 'Du får använda, dela och bearbeta data fritt för alla ändamål, även kommersiellt, utan villkor.',
  en: 'You may use, share and adapt the data freely for any purpose, also commercially, with no conditions.',
};

const LICENCES = new Map<string, LicenceEntry>();
for (const cond of CC_CONDITIONS) {
  for (const ver of CC_VERSIONS) {
    LICENCES.set(`cc-${cond}-${ver}`, {
      label: `CC ${cond.toUpperCase()} ${ver}`,
      kind: cond === 'by' || cond === 'by-sa' ? 'open' : 'restrictive',
      explanation: CC_EXPLANATIONS[cond],
    });
  }
}
LICENCES.set('cc0-1.0', { label: 'CC0 1.0', kind: 'cc0', explanation: PUBLIC_DOMAIN_EXPLANATION });
LICENCES.set('pdm-1.0', {
  label: 'Public Domain Mark 1.0',
  kind: 'cc0',
  explanation: {
    sv: 'Data är märkta som fria från kända upphovsrättsliga begränsningar: du får använda, dela och bearbeta dem fritt för alla ändamål.',
    en: 'The data are marked as free of known copyright restrictions: you may use, share and adapt them freely for any purpose.',
  },
});
LICENCES.set('pddl-1.0', { label: 'ODC PDDL 1.0', kind: 'cc0', explanation: PUBLIC_DOMAIN_EXPLANATION });
LICENCES.set('odbl-1.0', {
  label: 'ODbL 1.0',
  kind: 'open',
  explanation: {
    sv: 'Du får använda, dela och bearbeta data, även kommersiellt, om du anger källan och delar bearbetade databaser under samma licens.',
    en: 'You may use, share and adapt the data, also commercially, if you credit the source and share adapted databases under the same licence.',
  },
});
LICENCES.set('odc-by-1.0', { label: 'ODC-BY 1.0', kind: 'open', explanation: CC_EXPLANATIONS.by });

const UNKNOWN_LICENCE_EXPLANATION: Labelled = {
  sv: 'Okänd licens: läs villkoren hos utgivaren innan du använder data.',
  en: 'Unknown licence: read the publisher’s terms before using the data.',
};

// EU licence table codes for the licences above (CC_BYNCSA_4_0 and so on are generated below).
const EU_LICENCE_CODES: ReadonlyMap<string, string> = new Map([
  ['cc0', 'cc0-1.0'],
  ['cc_pdm_1_0', 'pdm-1.0'],
  ['pdm_1_0', 'pdm-1.0'],
  ['odc_pddl', 'pddl-1.0'],
  ['odc_pddl_1_0', 'pddl-1.0'],
  ['odc_bl', 'odbl-1.0'],
  ['odc_odbl', 'odbl-1.0'],
  ['odbl_1_0', 'odbl-1.0'],
  ['odc_by', 'odc-by-1.0'],
  ['odc_by_1_0', 'odc-by-1.0'],
]);

const SPDX_IDS: ReadonlyMap<string, string> = new Map([
  ['cc0-1.0', 'cc0-1.0'],
  ['pddl-1.0', 'pddl-1.0'],
  ['odbl-1.0', 'odbl-1.0'],
  ['odc-by-1.0', 'odc-by-1.0'],
  ['cc-pdm-1.0', 'pdm-1.0'],
]);

/** `bync` / `by-nc` / `BY_NC` → the CC condition spelling used in our ids. */
function ccCondition(raw: string): CcCondition | undefined {
  const compact = raw.toLowerCase().replace(/[-_\s]/g, '');
  if (!compact.startsWith('by')) return undefined;
  let rest = compact.slice(2);
  // Some early CC URIs put nd before nc (by-nd-nc/1.0); order does not change the terms.
  const flags = new Set<string>();
  while (rest.length > 0) {
    const two = rest.slice(0, 2);
    if (two !== 'nc' && two !== 'nd' && two !== 'sa') return undefined;
    flags.add(two);
    rest = rest.slice(2);
  }
  if (flags.has('nd') && flags.has('sa')) return undefined;
  const cond = ['by', flags.has('nc') ? 'nc' : '', flags.has('nd') ? 'nd' : '', flags.has('sa') ? 'sa' : '']
    .filter((s) => s !== '')
    .join('-');
  return (CC_CONDITIONS as readonly string[]).includes(cond) ? (cond as CcCondition) : undefined;
}

/** Lookup key for a licence URI: scheme, `www.`, case, trailing slash and deed/legalcode pages removed. */
function licenceKey(uri: string): string {
  let k = vocabKey(uri).replace(/[?#].*$/, '');
  // Repeat: `…/4.0/legalcode.sv/` needs the slash, the language and the page removed in turn.
  for (let prev = ''; prev !== k; ) {
    prev = k;
    k = k
      .replace(/\/+$/, '')
      .replace(/\.(html?|txt|json|rdf|en|sv)$/, '')
      .replace(/\/(legalcode|deed|summary)(\.[a-z]{2}([-_][a-z]{2,4})?)?$/, '');
  }
  return k;
}

/** Our licence id (`cc-by-4.0`, `cc0-1.0`, …) for a licence URI, or undefined when not recognised. */
export function licenceId(uri: string): string | undefined {
  const k = licenceKey(uri);
  let m = /^creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)(?:\/([a-z]{2}))?$/.exec(k);
  if (m) {
    const cond = ccCondition(m[1] ?? '');
    const id = cond ? `cc-${cond}-${m[2] ?? ''}` : undefined;
    return id !== undefined && LICENCES.has(id) ? id : undefined;
  }
  if (/^creativecommons\.org\/publicdomain\/zero\/1\.0$/.test(k)) return 'cc0-1.0';
  if (/^creativecommons\.org\/publicdomain\/mark\/1\.0$/.test(k)) return 'pdm-1.0';
  m = /^opendatacommons\.org\/licenses\/(odbl|pddl|by)(?:\/1[.-]0)?$/.exec(k);
  if (m) return m[1] === 'by' ? 'odc-by-1.0' : `${m[1] ?? ''}-1.0`;
  m = /^publications\.europa\.eu\/resource\/authority\/licence\/([a-z0-9_]+)$/.exec(k);
  if (m) {
    const code = m[1] ?? '';
    const direct = EU_LICENCE_CODES.get(code);
    if (direct) return direct;
    const cc = /^cc_([a-z]+)_(\d)_(\d)$/.exec(code);
    if (cc) {
      const cond = ccCondition(cc[1] ?? '');
      const id = cond ? `cc-${cond}-${cc[2] ?? ''}.${cc[3] ?? ''}` : undefined;
      return id !== undefined && LICENCES.has(id) ? id : undefined;
    }
    return undefined;
  }
  m = /^spdx\.org\/licenses\/([a-z0-9.-]+)$/.exec(k);
  if (m) {
    const spdx = m[1] ?? '';
    const direct = SPDX_IDS.get(spdx);
    if (direct) return direct;
    const cc = /^cc-(by(?:-nc)?(?:-nd|-sa)?)-(\d\.\d)$/.exec(spdx);
    if (cc) {
      const id = `cc-${cc[1] ?? ''}-${cc[2] ?? ''}`;
      return LICENCES.has(id) ? id : undefined;
    }
  }
  return undefined;
}

/**
 * Licence for a URI as published. The URI is kept as the publisher wrote it; label, kind and the
 * plain-language explanation come from the table, or mark the licence as unknown.
 */
export function licenceFor(uri: string): Licence {
  const id = licenceId(uri);
  const entry = id !== undefined ? LICENCES.get(id) : undefined;
  if (!entry) {
    return {
      uri,
      label: { any: labelFromUri(uri) },
      kind: 'unknown',
      explanation: { ...UNKNOWN_LICENCE_EXPLANATION },
    };
  }
  const label: LangText = { sv: entry.label, en: entry.label };
  return { uri, label, kind: entry.kind, explanation: { ...entry.explanation } };
}

/** The canonical URI we would link to for a licence id (CC deed, ODC page); used when only a name was given. */
function canonicalLicenceUri(id: string): string | undefined {
  if (id === 'cc0-1.0') return 'http://creativecommons.org/publicdomain/zero/1.0/';
  if (id === 'pdm-1.0') return 'http://creativecommons.org/publicdomain/mark/1.0/';
  if (id === 'pddl-1.0') return 'http://opendatacommons.org/licenses/pddl/1.0/';
  if (id === 'odbl-1.0') return 'http://opendatacommons.org/licenses/odbl/1.0/';
  if (id === 'odc-by-1.0') return 'http://opendatacommons.org/licenses/by/1.0/';
  const m = /^cc-(by(?:-[a-z-]+)?)-(\d\.\d)$/.exec(id);
  return m ? `http://creativecommons.org/licenses/${m[1] ?? ''}/${m[2] ?? ''}/` : undefined;
}

/**
 * Licence stated as a name instead of a URI ("CC0", "CC BY 4.0", "ODbL"): recognised names get the
 * canonical URI; anything else is an unknown licence whose uri is empty and whose label is the text.
 */
export function licenceFromName(text: string): Licence {
  const t = text.trim().toLowerCase();
  let id: string | undefined;
  if (/^cc[-\s]?0(\s*1\.0)?$|^cc[-\s]?zero/.test(t)) id = 'cc0-1.0';
  else if (/^(odc[-\s]?)?pddl/.test(t)) id = 'pddl-1.0';
  else if (/^(odc[-\s]?)?odbl/.test(t)) id = 'odbl-1.0';
  else if (/^odc[-\s]?by/.test(t)) id = 'odc-by-1.0';
  else {
    const m = /^(?:cc|creative commons)[-\s]+((?:by)(?:[-\s](?:nc|nd|sa))*)[-\s]+(\d\.\d)$/.exec(t);
    const cond = m ? ccCondition(m[1] ?? '') : undefined;
    if (m && cond) id = `cc-${cond}-${m[2] ?? ''}`;
  }
  const uri = id !== undefined && LICENCES.has(id) ? canonicalLicenceUri(id) : undefined;
  if (uri !== undefined) return licenceFor(uri);
  return { uri: '', label: { any: text }, kind: 'unknown', explanation: { ...UNKNOWN_LICENCE_EXPLANATION } };
}

// ---------------------------------------------------------------------------------------------
// Formats

const MEDIA_TYPES: ReadonlyMap<string, string> = new Map([
  ['text/csv', 'CSV'],
  ['application/csv', 'CSV'],
  ['text/comma-separated-values', 'CSV'],
  ['text/tab-separated-values', 'TSV'],
  ['application/json', 'JSON'],
  ['text/json', 'JSON'],
  ['application/geo+json', 'GeoJSON'],
  ['application/vnd.geo+json', 'GeoJSON'],
  ['application/ld+json', 'JSON-LD'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'],
  ['application/vnd.ms-excel', 'XLS'],
  ['application/vnd.ms-excel.sheet.macroenabled.12', 'XLSM'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ODS'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'DOCX'],
  ['application/msword', 'DOC'],
  ['application/vnd.oasis.opendocument.text', 'ODT'],
  ['application/xml', 'XML'],
  ['text/xml', 'XML'],
  ['application/vnd.ogc.wms_xml', 'WMS'],
  ['application/vnd.ogc.wfs_xml', 'WFS'],
  ['application/vnd.ogc.wmts_xml', 'WMTS'],
  ['application/vnd.ogc.wcs_xml', 'WCS'],
  ['application/gml+xml', 'GML'],
  ['application/vnd.ogc.gml', 'GML'],
  ['application/vnd.google-earth.kml+xml', 'KML'],
  ['application/vnd.google-earth.kmz', 'KMZ'],
  ['application/pdf', 'PDF'],
  ['application/zip', 'ZIP'],
  ['application/x-zip-compressed', 'ZIP'],
  ['application/x-zip', 'ZIP'],
  ['application/gzip', 'GZIP'],
  ['application/x-gzip', 'GZIP'],
  ['text/html', 'HTML'],
  ['application/xhtml+xml', 'HTML'],
  ['text/plain', 'TXT'],
  ['application/x-shapefile', 'SHP'],
  ['application/x-esri-shape', 'SHP'],
  ['application/vnd.shp', 'SHP'],
  ['application/shp', 'SHP'],
  ['application/geopackage+sqlite3', 'GeoPackage'],
  ['application/x-sqlite3', 'SQLite'],
  ['application/rdf+xml', 'RDF'],
  ['text/turtle', 'Turtle'],
  ['application/x-turtle', 'Turtle'],
  ['application/n-triples', 'N-Triples'],
  ['application/sparql-results+json', 'SPARQL'],
  ['application/sparql-query', 'SPARQL'],
  ['application/atom+xml', 'Atom'],
  ['application/rss+xml', 'RSS'],
  ['application/x-netcdf', 'NetCDF'],
  ['application/netcdf', 'NetCDF'],
  ['application/vnd.apache.parquet', 'Parquet'],
  ['application/x-parquet', 'Parquet'],
  ['application/vnd.openapi+json', 'OpenAPI'],
  ['application/vnd.oai.openapi+json', 'OpenAPI'],
  ['application/vnd.oai.openapi', 'OpenAPI'],
  ['application/yaml', 'YAML'],
  ['application/x-yaml', 'YAML'],
  ['text/yaml', 'YAML'],
  ['application/x-protobuf', 'Protobuf'],
  ['image/png', 'PNG'],
  ['image/jpeg', 'JPEG'],
  ['image/tiff', 'TIFF'],
  ['image/geotiff', 'GeoTIFF'],
]);

// EU file-type codes whose label differs from the code itself.
const EU_FILE_TYPES: ReadonlyMap<string, string> = new Map([
  ['geojson', 'GeoJSON'],
  ['gpkg', 'GeoPackage'],
  ['json_ld', 'JSON-LD'],
  ['jsonld', 'JSON-LD'],
  ['rdf_xml', 'RDF'],
  ['rdf', 'RDF'],
  ['rdf_turtle', 'Turtle'],
  ['rdf_n_triples', 'N-Triples'],
  ['wms_srvc', 'WMS'],
  ['wfs_srvc', 'WFS'],
  ['wmts_srvc', 'WMTS'],
  ['wcs_srvc', 'WCS'],
  ['xhtml', 'HTML'],
  ['html_simpl', 'HTML'],
  ['netcdf', 'NetCDF'],
  ['parquet', 'Parquet'],
  ['sparqlq', 'SPARQL'],
  ['sparqlqres', 'SPARQL'],
  ['tiff', 'TIFF'],
  ['geotiff', 'GeoTIFF'],
  ['xlsx', 'XLSX'],
  ['sqlite', 'SQLite'],
  ['atom', 'Atom'],
  ['rss', 'RSS'],
  ['yaml', 'YAML'],
]);

// Free-text formats and file extensions, lower case.
const FORMAT_WORDS: ReadonlyMap<string, string> = new Map([
  ['csv', 'CSV'],
  ['tsv', 'TSV'],
  ['json', 'JSON'],
  ['geojson', 'GeoJSON'],
  ['json-ld', 'JSON-LD'],
  ['jsonld', 'JSON-LD'],
  ['xlsx', 'XLSX'],
  ['xls', 'XLS'],
  ['excel', 'Excel'],
  ['ods', 'ODS'],
  ['xml', 'XML'],
  ['gml', 'GML'],
  ['kml', 'KML'],
  ['kmz', 'KMZ'],
  ['pdf', 'PDF'],
  ['zip', 'ZIP'],
  ['html', 'HTML'],
  ['htm', 'HTML'],
  ['webbsida', 'HTML'],
  ['txt', 'TXT'],
  ['shp', 'SHP'],
  ['shape', 'SHP'],
  ['shapefile', 'SHP'],
  ['esri shapefile', 'SHP'],
  ['gpkg', 'GeoPackage'],
  ['geopackage', 'GeoPackage'],
  ['rdf', 'RDF'],
  ['rdf/xml', 'RDF'],
  ['ttl', 'Turtle'],
  ['turtle', 'Turtle'],
  ['n-triples', 'N-Triples'],
  ['nt', 'N-Triples'],
  ['wms', 'WMS'],
  ['wfs', 'WFS'],
  ['wmts', 'WMTS'],
  ['wcs', 'WCS'],
  ['ogc:wms', 'WMS'],
  ['ogc:wfs', 'WFS'],
  ['api', 'API'],
  ['rest', 'API'],
  ['rest api', 'API'],
  ['rest-api', 'API'],
  ['soap', 'API'],
  ['graphql', 'API'],
  ['openapi', 'OpenAPI'],
  ['sparql', 'SPARQL'],
  ['parquet', 'Parquet'],
  ['netcdf', 'NetCDF'],
  ['yaml', 'YAML'],
  ['sqlite', 'SQLite'],
  ['docx', 'DOCX'],
  ['png', 'PNG'],
  ['tif', 'TIFF'],
  ['tiff', 'TIFF'],
  ['geotiff', 'GeoTIFF'],
]);

const MEDIA_TYPE_URI = /^(?:https?:\/\/)?(?:www\.)?iana\.org\/assignments\/media-types\/(.+)$/i;
const INSPIRE_MEDIA_TYPE_URI = /^(?:https?:\/\/)?inspire\.ec\.europa\.eu\/media-types\/(.+)$/i;
const EU_FILE_TYPE_URI = /^(?:https?:\/\/)?publications\.europa\.eu\/resource\/authority\/file-type\/([^/?#]+)\/?$/i;

/**
 * Short label for a published format: a media type (`text/csv`), an EU file-type URI, an IANA or
 * INSPIRE media-type URI, or free text (`Shape`, `REST API`). Undefined when nothing short and
 * meaningful can be said.
 */
export function formatLabel(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const eu = EU_FILE_TYPE_URI.exec(s);
  if (eu) {
    const code = (eu[1] ?? '').toLowerCase();
    return EU_FILE_TYPES.get(code) ?? code.toUpperCase();
  }
  const iana = MEDIA_TYPE_URI.exec(s) ?? INSPIRE_MEDIA_TYPE_URI.exec(s);
  if (iana) return mediaTypeLabel((iana[1] ?? '').replace(/\/+$/, ''));
  // Words first: "RDF/XML" looks like a media type but is a format name.
  const word = FORMAT_WORDS.get(s.toLowerCase().replace(/^\./, ''));
  if (word) return word;
  if (/^[a-z]+\/[a-z0-9][a-z0-9!#$&^_.+-]*\s*(;.*)?$/i.test(s)) return mediaTypeLabel(s);
  // Text such as "CSV (semikolonseparerad)": a known word at the start is the format.
  const lead = /^([a-z][a-z0-9-]*)\b/i.exec(s)?.[1]?.toLowerCase();
  const leadLabel = lead !== undefined ? FORMAT_WORDS.get(lead) : undefined;
  if (leadLabel) return leadLabel;
  if (/^https?:\/\//i.test(s)) return undefined;
  // Short unknown text is probably a format name as such ("NeTEx", "SIRI"); long text is not.
  return s.length <= 12 && !/\s{2,}/.test(s) ? s : undefined;
}

function mediaTypeLabel(mediaType: string): string | undefined {
  const mt = mediaType.toLowerCase().split(';')[0]?.trim() ?? '';
  const known = MEDIA_TYPES.get(mt);
  if (known) return known;
  const subtype = mt.split('/')[1] ?? '';
  // Structured syntax suffixes (RFC 6839): an unknown +json type is still JSON to the reader.
  if (subtype.endsWith('+json')) return 'JSON';
  if (subtype.endsWith('+xml')) return 'XML';
  if (subtype.endsWith('+zip')) return 'ZIP';
  const bare = subtype.replace(/^(x-|vnd\.)/, '');
  const word = FORMAT_WORDS.get(bare);
  if (word) return word;
  return bare !== '' && bare.length <= 10 && /^[a-z0-9-]+$/.test(bare) ? bare.toUpperCase() : undefined;
}

/** Format guessed from a download URL's file extension, for distributions that state no format. */
export function formatFromUrl(url: string): string | undefined {
  const path = url.trim().replace(/[?#].*$/, '');
  const ext = /\.([a-z0-9]{2,8})$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  const label = FORMAT_WORDS.get(ext);
  // Web-page extensions say nothing about the data behind the page.
  return label === 'HTML' ? undefined : label;
}

// In-memory registry content for the stub server (registry-stub.ts), GENERATED here in the shapes
// admin.dataportal.se really uses: one EntryStore entry per dataset, data service, series,
// distribution, agent (publisher) and contact point, each with its own RDF/JSON metadata graph,
// linked by resource URIs. Nothing is copied from recorded responses.
//
// Organisations: Skatteverket (13 listed items: 9 datasets, 3 APIs, 1 series with 2 hidden
// members), Göteborgs stad (5 datasets + 1 API), Trafikverket (150 datasets, for paging past 100,
// and a second agent entry in another catalogue), Region Stockholm (agent only, no datasets),
// Försäkringskassan (3 datasets), and a private person (agent that publisher searches must hide).

export type RdfTerm =
  | { type: 'uri'; value: string }
  | { type: 'bnode'; value: string }
  | { type: 'literal'; value: string; lang?: string; datatype?: string };
export type RdfGraph = Record<string, Record<string, RdfTerm[]>>;

export interface StubEntry {
  contextId: string;
  entryId: string;
  /** The described resource (dataset URI, publisher URI, …): the node of `graph` this entry is about. */
  resourceUri: string;
  graph: RdfGraph;
  /** Registry timestamps (entry information graph), ISO date-time. */
  created: string;
  modified: string;
  public: boolean;
}

export interface RegistryData {
  entries: StubEntry[];
}

export interface StubOrg {
  key: string;
  name: string;
  nameEn?: string;
  orgNumber: string;
  uri: string;
  homepage: string;
  email?: string;
  type: string;
  contextId: string;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const NS = {
  rdfType: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
  dctTitle: 'http://purl.org/dc/terms/title',
  dctDescription: 'http://purl.org/dc/terms/description',
  dctPublisher: 'http://purl.org/dc/terms/publisher',
  dctLicense: 'http://purl.org/dc/terms/license',
  dctAccessRights: 'http://purl.org/dc/terms/accessRights',
  dctAccrualPeriodicity: 'http://purl.org/dc/terms/accrualPeriodicity',
  dctFormat: 'http://purl.org/dc/terms/format',
  dctModified: 'http://purl.org/dc/terms/modified',
  dctIssued: 'http://purl.org/dc/terms/issued',
  dctIdentifier: 'http://purl.org/dc/terms/identifier',
  dctType: 'http://purl.org/dc/terms/type',
  dctLanguage: 'http://purl.org/dc/terms/language',
  dctTemporal: 'http://purl.org/dc/terms/temporal',
  dctSpatial: 'http://purl.org/dc/terms/spatial',
  dctConformsTo: 'http://purl.org/dc/terms/conformsTo',
  dctPeriodOfTime: 'http://purl.org/dc/terms/PeriodOfTime',
  dcatDataset: 'http://www.w3.org/ns/dcat#Dataset',
  dcatDataService: 'http://www.w3.org/ns/dcat#DataService',
  dcatDatasetSeries: 'http://www.w3.org/ns/dcat#DatasetSeries',
  dcatDistribution: 'http://www.w3.org/ns/dcat#Distribution',
  dcatDistributionP: 'http://www.w3.org/ns/dcat#distribution',
  dcatContactPoint: 'http://www.w3.org/ns/dcat#contactPoint',
  dcatKeyword: 'http://www.w3.org/ns/dcat#keyword',
  dcatTheme: 'http://www.w3.org/ns/dcat#theme',
  dcatLandingPage: 'http://www.w3.org/ns/dcat#landingPage',
  dcatInSeries: 'http://www.w3.org/ns/dcat#inSeries',
  dcatAccessURL: 'http://www.w3.org/ns/dcat#accessURL',
  dcatDownloadURL: 'http://www.w3.org/ns/dcat#downloadURL',
  dcatAccessService: 'http://www.w3.org/ns/dcat#accessService',
  dcatEndpointURL: 'http://www.w3.org/ns/dcat#endpointURL',
  dcatEndpointDescription: 'http://www.w3.org/ns/dcat#endpointDescription',
  dcatServesDataset: 'http://www.w3.org/ns/dcat#servesDataset',
  dcatStartDate: 'http://www.w3.org/ns/dcat#startDate',
  foafAgent: 'http://xmlns.com/foaf/0.1/Agent',
  foafName: 'http://xmlns.com/foaf/0.1/name',
  foafPage: 'http://xmlns.com/foaf/0.1/page',
  foafHomepage: 'http://xmlns.com/foaf/0.1/homepage',
  foafMbox: 'http://xmlns.com/foaf/0.1/mbox',
  vcardOrganization: 'http://www.w3.org/2006/vcard/ns#Organization',
  vcardFn: 'http://www.w3.org/2006/vcard/ns#fn',
  vcardHasEmail: 'http://www.w3.org/2006/vcard/ns#hasEmail',
  vcardHasTelephone: 'http://www.w3.org/2006/vcard/ns#hasTelephone',
  vcardHasValue: 'http://www.w3.org/2006/vcard/ns#hasValue',
  vcardVoice: 'http://www.w3.org/2006/vcard/ns#Voice',
  estermsIndependentDataService: 'http://entryscape.com/terms/IndependentDataService',
  estermsServedByDataService: 'http://entryscape.com/terms/ServedByDataService',
  estermsServedByDataServiceP: 'http://entryscape.com/terms/servedByDataService',
  r5rAvailability: 'http://data.europa.eu/r5r/availability',
  admsStatus: 'http://www.w3.org/ns/adms#status',
  xsdDate: 'http://www.w3.org/2001/XMLSchema#date',
  xsdDateTime: 'http://www.w3.org/2001/XMLSchema#dateTime',
  xsdGYear: 'http://www.w3.org/2001/XMLSchema#gYear',
} as const;

const EU = 'http://publications.europa.eu/resource/authority/';
export const LICENCE = {
  cc0: 'http://creativecommons.org/publicdomain/zero/1.0/',
  ccBy: 'http://creativecommons.org/licenses/by/4.0/',
  ccByNc: 'http://creativecommons.org/licenses/by-nc/4.0/',
} as const;
export const FREQ = {
  annual: `${EU}frequency/ANNUAL`,
  monthly: `${EU}frequency/MONTHLY`,
  weekly: `${EU}frequency/WEEKLY`,
  daily: `${EU}frequency/DAILY`,
  irregular: `${EU}frequency/IRREG`,
  continuous: `${EU}frequency/UPDATE_CONT`,
} as const;
const PUBLIC = `${EU}access-right/PUBLIC`;
const SWE = `${EU}language/SWE`;
const THEME = (code: string): string => `${EU}data-theme/${code}`;
const PUBLISHER_TYPE = (t: string): string => `http://purl.org/adms/publishertype/${t}`;

export const ORGS = {
  skatteverket: {
    key: 'skatteverket',
    name: 'Skatteverket',
    nameEn: 'Swedish Tax Agency',
    orgNumber: '2021005448',
    uri: 'http://dataportal.se/organisation/SE2021005448',
    homepage: 'https://www.skatteverket.se',
    email: 'mailto:skatteverket@skatteverket.se',
    type: PUBLISHER_TYPE('NationalAuthority'),
    contextId: '6',
  },
  goteborg: {
    key: 'goteborg',
    name: 'Göteborgs stad',
    nameEn: 'City of Gothenburg',
    orgNumber: '2120001355',
    uri: 'http://dataportal.se/organisation/SE2120001355',
    homepage: 'https://goteborg.se',
    type: PUBLISHER_TYPE('LocalAuthority'),
    contextId: '66',
  },
  trafikverket: {
    key: 'trafikverket',
    name: 'Trafikverket',
    nameEn: 'Swedish Transport Administration',
    orgNumber: '2021006297',
    uri: 'http://dataportal.se/organisation/SE2021006297',
    homepage: 'https://www.trafikverket.se',
    type: PUBLISHER_TYPE('NationalAuthority'),
    contextId: '50',
  },
  regionStockholm: {
    key: 'regionStockholm',
    name: 'Region Stockholm',
    orgNumber: '2321000016',
    uri: 'http://dataportal.se/organisation/SE2321000016',
    homepage: 'https://www.regionstockholm.se',
    type: PUBLISHER_TYPE('RegionalAuthority'),
    contextId: '700',
  },
  forsakringskassan: {
    key: 'forsakringskassan',
    name: 'Försäkringskassan',
    nameEn: 'Swedish Social Insurance Agency',
    orgNumber: '2021005521',
    uri: 'http://dataportal.se/organisation/SE2021005521',
    homepage: 'https://www.forsakringskassan.se',
    type: PUBLISHER_TYPE('NationalAuthority'),
    contextId: '547',
  },
} as const satisfies Record<string, StubOrg>;

/** Numbers the tests rely on; kept next to the data they describe. */
export const EXPECTED = {
  skatteverket: { listedItems: 13, datasetsInFacet: 11, apis: 3 },
  goteborg: { listedItems: 6, datasetsInFacet: 5 },
  trafikverket: { listedItems: 150, datasetsInFacet: 150 },
  regionStockholm: { listedItems: 0 },
  forsakringskassan: { listedItems: 3, datasetsInFacet: 3 },
} as const;

// ---------------------------------------------------------------------------------------------
// Term helpers

const u = (value: string): RdfTerm => ({ type: 'uri', value });
const b = (value: string): RdfTerm => ({ type: 'bnode', value });
const l = (value: string, lang?: string): RdfTerm => (lang ? { type: 'literal', value, lang } : { type: 'literal', value });
const d = (value: string): RdfTerm => ({ type: 'literal', value, datatype: value.includes('T') ? NS.xsdDateTime : NS.xsdDate });

const ADMIN = 'https://admin.dataportal.se/store';

/** Registry timestamps: entries created in 2025, modified at the nightly harvest before "now" (2026-11-20), minus `minutesAgo`. */
function registryTimes(minutesAgo: number): { created: string; modified: string } {
  const harvest = Date.parse('2026-11-20T03:00:00.000Z');
  return {
    created: '2025-08-29T00:30:36.312Z',
    modified: new Date(harvest - minutesAgo * 60_000).toISOString(),
  };
}

interface Builder {
  entries: StubEntry[];
  /** Minutes before the last harvest; each new entry is a bit older, so "modified desc" is the insertion order. */
  clock: number;
}

function add(bld: Builder, contextId: string, entryId: string, resourceUri: string, graph: RdfGraph, isPublic = true): StubEntry {
  const e: StubEntry = { contextId, entryId, resourceUri, graph, ...registryTimes(bld.clock++), public: isPublic };
  bld.entries.push(e);
  return e;
}

function agent(bld: Builder, org: StubOrg, entryId: string, contextId = org.contextId, minimal = false): void {
  const node: Record<string, RdfTerm[]> = {
    [NS.rdfType]: [u(NS.foafAgent)],
    [NS.foafName]: [l(org.name, 'sv'), ...(org.nameEn && !minimal ? [l(org.nameEn, 'en')] : [])],
  };
  if (!minimal) {
    node[NS.dctIdentifier] = [l(org.orgNumber)];
    node[NS.foafPage] = [u(org.homepage)];
    node[NS.dctType] = [u(org.type)];
    if (org.email) node[NS.foafMbox] = [u(org.email)];
  }
  add(bld, contextId, entryId, org.uri, { [org.uri]: node });
}

function contact(bld: Builder, contextId: string, entryId: string, uri: string, fn: string, email: string, phone?: string): void {
  const node: Record<string, RdfTerm[]> = {
    [NS.rdfType]: [u(NS.vcardOrganization)],
    [NS.vcardFn]: [l(fn)],
    [NS.vcardHasEmail]: [u(`mailto:${email}`)],
  };
  const graph: RdfGraph = { [uri]: node };
  if (phone) {
    const tel = `_:tel${contextId}x${entryId}`;
    node[NS.vcardHasTelephone] = [b(tel)];
    graph[tel] = { [NS.rdfType]: [u(NS.vcardVoice)], [NS.vcardHasValue]: [u(`tel:${phone}`)] };
  }
  add(bld, contextId, entryId, uri, graph);
}

interface DistSpec {
  title: string;
  format: string;
  url: string;
  download?: boolean;
  accessService?: string;
}

function distribution(bld: Builder, contextId: string, entryId: string, uri: string, spec: DistSpec, licence: string | undefined): void {
  const node: Record<string, RdfTerm[]> = {
    [NS.rdfType]: [u(NS.dcatDistribution)],
    [NS.dctTitle]: [l(spec.title, 'sv')],
    [NS.dctFormat]: [l(spec.format)],
    [NS.dcatAccessURL]: [u(spec.url)],
    [NS.r5rAvailability]: [u('http://data.europa.eu/r5r/availability/stable')],
    [NS.admsStatus]: [u(`${EU}distribution-status/COMPLETED`)],
  };
  if (spec.download !== false) node[NS.dcatDownloadURL] = [u(spec.url)];
  if (licence) node[NS.dctLicense] = [u(licence)];
  if (spec.accessService) node[NS.dcatAccessService] = [u(spec.accessService)];
  add(bld, contextId, entryId, uri, { [uri]: node });
}

interface ItemSpec {
  entryId: string;
  uri: string;
  title: string;
  titleEn?: string;
  description: string;
  keywords: string[];
  themes: string[];
  licence?: string;
  frequency?: string;
  modified: string;
  issued?: string;
  landingPage?: string;
  contactPoint?: string;
  distributions?: Array<DistSpec & { entryId: string; uri: string }>;
  servedBy?: string[];
  inSeries?: string;
  temporalStart?: string;
}

function itemNode(org: StubOrg, spec: ItemSpec, types: string[]): { node: Record<string, RdfTerm[]>; graph: RdfGraph } {
  const node: Record<string, RdfTerm[]> = {
    [NS.rdfType]: types.map(u),
    [NS.dctTitle]: [l(spec.title, 'sv'), ...(spec.titleEn ? [l(spec.titleEn, 'en')] : [])],
    [NS.dctDescription]: [l(spec.description, 'sv')],
    [NS.dctPublisher]: [u(org.uri)],
    [NS.dctAccessRights]: [u(PUBLIC)],
    [NS.dctLanguage]: [u(SWE)],
    [NS.dctModified]: [d(spec.modified)],
  };
  if (spec.keywords.length) node[NS.dcatKeyword] = spec.keywords.map((k) => l(k, 'sv'));
  if (spec.themes.length) node[NS.dcatTheme] = spec.themes.map((t) => u(THEME(t)));
  if (spec.issued) node[NS.dctIssued] = [d(spec.issued)];
  if (spec.frequency) node[NS.dctAccrualPeriodicity] = [u(spec.frequency)];
  // EntryScape copies the distributions' licence up to the dataset; a dataset without one has none.
  if (spec.licence) node[NS.dctLicense] = [u(spec.licence)];
  if (spec.landingPage) node[NS.dcatLandingPage] = [u(spec.landingPage)];
  if (spec.contactPoint) node[NS.dcatContactPoint] = [u(spec.contactPoint)];
  if (spec.inSeries) node[NS.dcatInSeries] = [u(spec.inSeries)];
  const graph: RdfGraph = { [spec.uri]: node };
  if (spec.temporalStart) {
    const t = `_:t${org.contextId}x${spec.entryId}`;
    node[NS.dctTemporal] = [b(t)];
    graph[t] = { [NS.rdfType]: [u(NS.dctPeriodOfTime)], [NS.dcatStartDate]: [d(spec.temporalStart)] };
  }
  return { node, graph };
}

function dataset(bld: Builder, org: StubOrg, spec: ItemSpec): void {
  const types = [NS.dcatDataset, ...(spec.servedBy?.length ? [NS.estermsServedByDataService] : [])];
  const { node, graph } = itemNode(org, spec, types);
  const dists = spec.distributions ?? [];
  if (dists.length) node[NS.dcatDistributionP] = dists.map((x) => u(x.uri));
  const formats = [...new Set(dists.map((x) => x.format))];
  if (formats.length) node[NS.dctFormat] = formats.map((f) => l(f));
  if (spec.servedBy?.length) node[NS.estermsServedByDataServiceP] = spec.servedBy.map(u);
  add(bld, org.contextId, spec.entryId, spec.uri, graph);
  for (const x of dists) distribution(bld, org.contextId, x.entryId, x.uri, x, spec.licence);
}

interface ServiceSpec extends ItemSpec {
  endpointUrl: string;
  endpointDescription?: string;
  serves?: string[];
}

function dataService(bld: Builder, org: StubOrg, spec: ServiceSpec): void {
  const { node, graph } = itemNode(org, spec, [NS.dcatDataService, NS.estermsIndependentDataService]);
  node[NS.dcatEndpointURL] = [u(spec.endpointUrl)];
  if (spec.endpointDescription) node[NS.dcatEndpointDescription] = [u(spec.endpointDescription)];
  if (spec.serves?.length) node[NS.dcatServesDataset] = spec.serves.map(u);
  node[NS.dctFormat] = [l('application/json')];
  add(bld, org.contextId, spec.entryId, spec.uri, graph);
}

function series(bld: Builder, org: StubOrg, spec: ItemSpec): void {
  const { graph } = itemNode(org, spec, [NS.dcatDatasetSeries]);
  add(bld, org.contextId, spec.entryId, spec.uri, graph);
}

// ---------------------------------------------------------------------------------------------
// Organisations

function skatteverket(bld: Builder): void {
  const org = ORGS.skatteverket;
  const ctx = org.contextId;
  const res = (n: number): string => `https://skatteverket.entryscape.net/store/9/resource/${n}`;
  const cp = res(1);
  const rowstore = (id: string): string => `https://skatteverket.entryscape.net/rowstore/dataset/${id}`;
  const api = { skattesatser: res(301), testpnr: res(302), skattetabeller: res(303) };
  const seriesUri = res(400);
  let distId = 69000;
  const dist = (title: string, format: string, url: string, accessService?: string): DistSpec & { entryId: string; uri: string } => {
    const n = distId++;
    return { entryId: String(n), uri: res(n), title, format, url, ...(accessService && { accessService }) };
  };

  agent(bld, org, '1');
  contact(bld, ctx, '2', cp, 'Skatteverket, öppna data', 'oppnadata@skatteverket.se', '+46771567567');

  dataset(bld, org, {
    entryId: '68000',
    uri: res(101),
    title: 'Skattesatser per kommun',
    titleEn: 'Tax rates per municipality',
    description: 'Kommunal- och regionskattesatser för varje kommun och församling, inklusive begravningsavgift och kyrkoavgift.',
    keywords: ['skatt', 'kommunalskatt', 'skattesats', 'kommun'],
    themes: ['GOVE', 'ECON'],
    licence: LICENCE.cc0,
    frequency: FREQ.annual,
    modified: '2026-01-02',
    issued: '2016-01-01',
    landingPage: 'https://www.skatteverket.se/privat/skatter/arbeteochinkomst/skattetabeller',
    contactPoint: cp,
    temporalStart: '2000',
    distributions: [
      dist('Skattesatser (CSV)', 'text/csv', `${rowstore('skattesatser')}.csv`),
      dist('Skattesatser (API)', 'application/json', rowstore('skattesatser'), api.skattesatser),
    ],
    servedBy: [api.skattesatser],
  });
  dataset(bld, org, {
    entryId: '67959',
    uri: res(102),
    title: 'Testpersonnummer',
    titleEn: 'Test personal identity numbers',
    description: 'Personnummer som får användas vid test av system. De tillhör inga verkliga personer.',
    keywords: ['personnummer', 'test', 'folkbokföring'],
    themes: ['GOVE'],
    licence: LICENCE.cc0,
    frequency: FREQ.irregular,
    modified: '2025-06-10',
    contactPoint: cp,
    distributions: [
      dist('Testpersonnummer (CSV)', 'text/csv', `${rowstore('testpersonnummer')}.csv`),
      dist('Testpersonnummer (API)', 'application/json', rowstore('testpersonnummer'), api.testpnr),
    ],
    servedBy: [api.testpnr],
  });
  dataset(bld, org, {
    entryId: '68001',
    uri: res(103),
    title: 'Skattetabeller',
    titleEn: 'Tax tables',
    description: 'Tabeller för preliminär skatt på lön och pension, per tabellnummer och inkomstnivå.',
    keywords: ['skattetabell', 'preliminärskatt', 'lön'],
    themes: ['ECON'],
    licence: LICENCE.cc0,
    frequency: FREQ.annual,
    modified: '2025-12-15',
    contactPoint: cp,
    distributions: [
      dist('Skattetabeller (CSV)', 'text/csv', `${rowstore('skattetabeller')}.csv`),
      dist('Skattetabeller (JSON)', 'application/json', rowstore('skattetabeller'), api.skattetabeller),
    ],
    servedBy: [api.skattetabeller],
  });
  dataset(bld, org, {
    entryId: '68002',
    uri: res(104),
    title: 'Folkbokföringsstatistik per län',
    description: 'Antal folkbokförda personer per län, kön och ålder den 31 december varje år.',
    keywords: ['folkbokföring', 'befolkning', 'län'],
    themes: ['SOCI', 'REGI'],
    licence: LICENCE.ccBy,
    frequency: FREQ.annual,
    modified: '2026-02-20',
    contactPoint: cp,
    distributions: [dist('Folkbokföring per län (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'https://www.skatteverket.se/download/folkbokforing-lan.xlsx')],
  });
  dataset(bld, org, {
    entryId: '68003',
    uri: res(105),
    title: 'Momsregistrerade företag per bransch',
    description: 'Antal företag registrerade för mervärdesskatt, per SNI-bransch och månad.',
    keywords: ['moms', 'mervärdesskatt', 'företag', 'bransch'],
    themes: ['ECON'],
    licence: LICENCE.ccBy,
    frequency: FREQ.monthly,
    modified: '2026-10-05',
    contactPoint: cp,
    distributions: [dist('Momsregistrerade företag (CSV)', 'text/csv', 'https://www.skatteverket.se/download/moms-bransch.csv')],
  });
  dataset(bld, org, {
    entryId: '68004',
    uri: res(106),
    title: 'Arbetsgivardeklarationer – statistik',
    description: 'Summerade uppgifter ur arbetsgivardeklarationer per månad: antal arbetsgivare, lönesumma och avdragen skatt.',
    keywords: ['arbetsgivardeklaration', 'lön', 'statistik'],
    themes: ['ECON'],
    licence: LICENCE.ccBy,
    frequency: FREQ.monthly,
    modified: '2026-09-30',
    contactPoint: cp,
    distributions: [dist('Arbetsgivardeklarationer (CSV)', 'text/csv', 'https://www.skatteverket.se/download/agd-statistik.csv')],
  });
  dataset(bld, org, {
    entryId: '68005',
    uri: res(107),
    title: 'Inkomstskatt per kommun, historik',
    description: 'Genomsnittlig kommunal inkomstskatt per kommun sedan 1980.',
    keywords: ['inkomstskatt', 'kommun', 'historik'],
    themes: ['GOVE'],
    // No licence stated: the UI must say so.
    frequency: FREQ.annual,
    modified: '2025-11-01',
    contactPoint: cp,
    distributions: [dist('Historik (CSV)', 'text/csv', 'https://www.skatteverket.se/download/inkomstskatt-historik.csv')],
  });
  dataset(bld, org, {
    entryId: '68006',
    uri: res(108),
    title: 'Bouppteckningar – statistik',
    description: 'Antal registrerade bouppteckningar per län och år.',
    keywords: ['bouppteckning', 'dödsbo', 'statistik'],
    themes: ['SOCI'],
    licence: LICENCE.ccByNc, // restrictive: not open (non-commercial)
    frequency: FREQ.irregular,
    modified: '2024-05-12',
    contactPoint: cp,
    distributions: [dist('Bouppteckningar (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'https://www.skatteverket.se/download/bouppteckningar.xlsx')],
  });
  dataset(bld, org, {
    entryId: '68007',
    uri: res(109),
    title: 'Postorter och postnummer i folkbokföringen',
    description: 'Postnummer och postorter som används i folkbokföringsadresser. Ska uppdateras varje månad.',
    keywords: ['postnummer', 'postort', 'adress'],
    themes: ['REGI'],
    licence: LICENCE.cc0,
    frequency: FREQ.monthly,
    modified: '2019-03-01', // monthly, not updated for years: overdue
    contactPoint: cp,
    distributions: [dist('Postorter (CSV)', 'text/csv', 'https://www.skatteverket.se/download/postorter.csv')],
  });

  const serviceBase = { themes: ['GOVE'], licence: LICENCE.cc0, contactPoint: cp, frequency: FREQ.continuous };
  dataService(bld, org, {
    ...serviceBase,
    entryId: '68010',
    uri: api.skattesatser,
    title: 'Skattesatser API',
    titleEn: 'Tax rates API',
    description: 'REST-API för kommunala skattesatser per år och kommun.',
    keywords: ['api', 'skatt', 'skattesats'],
    modified: '2026-01-02',
    endpointUrl: rowstore('skattesatser'),
    endpointDescription: `${rowstore('skattesatser')}/swagger`,
    serves: [res(101)],
  });
  dataService(bld, org, {
    ...serviceBase,
    entryId: '68011',
    uri: api.testpnr,
    title: 'Testpersonnummer API',
    description: 'REST-API för att hämta testpersonnummer med filter på födelseår och kön.',
    keywords: ['api', 'personnummer', 'test'],
    modified: '2025-06-10',
    endpointUrl: rowstore('testpersonnummer'),
    endpointDescription: `${rowstore('testpersonnummer')}/swagger`,
    serves: [res(102)],
  });
  dataService(bld, org, {
    ...serviceBase,
    entryId: '68012',
    uri: api.skattetabeller,
    title: 'Skattetabeller API',
    description: 'REST-API för skattetabeller per år och tabellnummer.',
    keywords: ['api', 'skattetabell'],
    modified: '2025-12-15',
    endpointUrl: rowstore('skattetabeller'),
    serves: [res(103)],
  });

  series(bld, org, {
    entryId: '68020',
    uri: seriesUri,
    title: 'Taxeringsutfall',
    description: 'Slutlig skatt per kommun och inkomstår, en datamängd per år.',
    keywords: ['taxering', 'slutlig skatt', 'kommun'],
    themes: ['ECON'],
    licence: LICENCE.cc0,
    frequency: FREQ.annual,
    modified: '2026-03-01',
    contactPoint: cp,
  });
  for (const [entryId, year, n] of [['68021', '2024', 401], ['68022', '2025', 402]] as const) {
    // Series members: hidden from publisher listings (NOT inSeries), counted in the dataset facet.
    dataset(bld, org, {
      entryId,
      uri: res(n),
      title: `Taxeringsutfall ${year}`,
      description: `Slutlig skatt per kommun för inkomståret ${year}.`,
      keywords: ['taxering', 'slutlig skatt'],
      themes: ['ECON'],
      licence: LICENCE.cc0,
      frequency: FREQ.annual,
      modified: `${Number(year) + 1}-03-01`,
      contactPoint: cp,
      inSeries: seriesUri,
      distributions: [dist(`Taxeringsutfall ${year} (CSV)`, 'text/csv', `https://www.skatteverket.se/download/taxeringsutfall-${year}.csv`)],
    });
  }
}

function goteborg(bld: Builder): void {
  const org = ORGS.goteborg;
  const res = (n: number): string => `https://catalog.goteborg.se/store/6/resource/${n}`;
  const cp = res(1);
  let distId = 72000;
  const dist = (title: string, format: string, url: string, accessService?: string): DistSpec & { entryId: string; uri: string } => {
    const n = distId++;
    return { entryId: String(n), uri: res(n), title, format, url, ...(accessService && { accessService }) };
  };
  agent(bld, org, '1');
  contact(bld, org.contextId, '2', cp, 'Göteborgs Stad, öppna data', 'oppnadata@goteborg.se');
  const api = res(20195);
  const base = { contactPoint: cp, licence: LICENCE.cc0 };
  dataset(bld, org, {
    ...base,
    entryId: '71946',
    uri: res(20190),
    title: 'Badvattentemperaturer',
    titleEn: 'Bathing water temperatures',
    description: 'Vattentemperatur vid kommunala badplatser under badsäsongen, mätt varje timme.',
    keywords: ['bad', 'badplats', 'vattentemperatur'],
    themes: ['ENVI'],
    frequency: FREQ.daily,
    modified: '2026-08-31',
    distributions: [dist('Badvattentemperaturer (JSON)', 'application/json', 'https://data.goteborg.se/badvatten/v1/temperatures')],
  });
  dataset(bld, org, {
    ...base,
    entryId: '71947',
    uri: res(20191),
    title: 'Luftkvalitet – mätstationer',
    description: 'Halter av kvävedioxid och partiklar från stadens mätstationer.',
    keywords: ['luftkvalitet', 'miljö', 'partiklar'],
    themes: ['ENVI', 'HEAL'],
    frequency: FREQ.daily,
    modified: '2026-11-18',
    distributions: [dist('Luftkvalitet (CSV)', 'text/csv', 'https://data.goteborg.se/luft/v1/stations.csv')],
  });
  dataset(bld, org, {
    ...base,
    entryId: '71948',
    uri: res(20192),
    title: 'Trafikflöden i Göteborg',
    description: 'Antal fordon per dygn vid stadens mätpunkter.',
    keywords: ['trafik', 'fordon', 'mätpunkt'],
    themes: ['TRAN'],
    licence: LICENCE.ccBy,
    frequency: FREQ.monthly,
    modified: '2026-10-31',
    distributions: [dist('Trafikflöden (CSV)', 'text/csv', 'https://data.goteborg.se/trafik/v1/floden.csv')],
  });
  dataset(bld, org, {
    ...base,
    entryId: '71949',
    uri: res(20193),
    title: 'Parkeringsplatser',
    description: 'Kommunala parkeringsplatser med taxa och antal platser.',
    keywords: ['parkering', 'trafik'],
    themes: ['TRAN'],
    frequency: FREQ.weekly,
    modified: '2026-11-15',
    distributions: [dist('Parkeringsplatser (API)', 'application/json', 'https://data.goteborg.se/parking/v2', api)],
    servedBy: [api],
  });
  dataset(bld, org, {
    ...base,
    entryId: '71951',
    uri: res(20194),
    title: 'Befolkning per stadsområde',
    description: 'Folkmängd per stadsområde, kön och ålder.',
    keywords: ['befolkning', 'statistik', 'stadsområde'],
    themes: ['SOCI', 'REGI'],
    frequency: FREQ.annual,
    modified: '2026-03-15',
    distributions: [dist('Befolkning (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'https://data.goteborg.se/befolkning.xlsx')],
  });
  dataService(bld, org, {
    ...base,
    entryId: '71950',
    uri: api,
    title: 'Parkerings-API',
    description: 'Realtidsdata om lediga parkeringsplatser.',
    keywords: ['api', 'parkering'],
    themes: ['TRAN'],
    frequency: FREQ.continuous,
    modified: '2026-11-15',
    endpointUrl: 'https://data.goteborg.se/parking/v2',
    endpointDescription: 'https://data.goteborg.se/parking/v2/openapi.json',
    serves: [res(20193)],
  });
}

const TRV_TOPICS = [
  'Hastighetsgräns', 'Bärighet', 'Vägbredd', 'Trafikflöde', 'Funktionell vägklass', 'Slitlager', 'Gång- och cykelväg',
  'Rastplatser', 'Broar', 'Tunnlar', 'Vägnummer', 'Viltstängsel', 'Mittseparering', 'Farligt gods', 'Vägbelysning',
];
const LAN = [
  'Stockholms län', 'Uppsala län', 'Södermanlands län', 'Östergötlands län', 'Jönköpings län', 'Kronobergs län',
  'Kalmar län', 'Gotlands län', 'Blekinge län', 'Skåne län',
];

function trafikverket(bld: Builder): void {
  const org = ORGS.trafikverket;
  const res = (n: number): string => `https://metadata.trafikverket.se/store/1/resource/${n}`;
  const cp = 'https://metadata.trafikverket.se/store/4/resource/14';
  agent(bld, org, '1');
  // The same agent harvested into a second catalogue with less detail: lookups must merge, not duplicate.
  agent(bld, org, '2', '51', true);
  contact(bld, org.contextId, '3', cp, 'Trafikverket, dataleveranser', 'dataleveranser@trafikverket.se');
  dataset(bld, org, {
    entryId: '6088',
    uri: res(735),
    title: 'Vägkategori',
    titleEn: 'Road category',
    description: 'Trafikverkets indelning för det statliga vägnätets betydelse för det nationella behovet av transporter.',
    keywords: ['NVDB', 'vägnät', 'vägkategori'],
    themes: ['TRAN'],
    licence: LICENCE.cc0,
    frequency: FREQ.continuous,
    modified: '2026-11-12',
    landingPage: 'https://data.trafikverket.se/search/search-data/details?esc_entry=735&esc_context=1',
    contactPoint: cp,
    distributions: [
      { entryId: '6089', uri: res(838), title: 'Vägkategori (GeoPackage)', format: 'application/geopackage+sqlite3', url: 'https://data.trafikverket.se/vagkategori.gpkg' },
    ],
  });
  for (let i = 0; i < 149; i++) {
    const topic = TRV_TOPICS[i % TRV_TOPICS.length] as string;
    const lan = LAN[Math.floor(i / TRV_TOPICS.length) % LAN.length] as string;
    const n = 1000 + i;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 10) + 1).padStart(2, '0');
    dataset(bld, org, {
      entryId: String(7000 + i),
      uri: res(n),
      title: `${topic} – ${lan}`,
      description: `${topic} för det statliga vägnätet i ${lan}, ur Nationell vägdatabas (NVDB).`,
      keywords: ['NVDB', 'vägnät', topic.toLowerCase()],
      themes: ['TRAN'],
      licence: LICENCE.cc0,
      frequency: i % 3 === 0 ? FREQ.daily : FREQ.continuous,
      modified: `2026-${month}-${day}`,
      contactPoint: cp,
      distributions: [
        { entryId: String(8000 + i), uri: res(5000 + i), title: `${topic} (GeoPackage)`, format: 'application/geopackage+sqlite3', url: `https://data.trafikverket.se/nvdb/${n}.gpkg` },
      ],
    });
  }
}

function regionStockholm(bld: Builder): void {
  agent(bld, ORGS.regionStockholm, '1');
}

function forsakringskassan(bld: Builder): void {
  const org = ORGS.forsakringskassan;
  const api = 'https://www.forsakringskassan.se/api/sprstatistikrapportera/public/v1';
  const cp = 'https://catalog.forsakringskassan.se/store/9/resource/46';
  agent(bld, org, '1');
  contact(bld, org.contextId, '2', cp, 'Statistikservice', 'statistikenheten@forsakringskassan.se');
  const specs: Array<[string, string, string, string, string]> = [
    ['28672', 'omv-mottagare-ar', 'Antal personer som har fått omvårdnadsbidrag', 'omvårdnadsbidrag', FREQ.annual],
    ['28673', 'bostb-mottagare-ar', 'Antal personer som har fått bostadsbidrag', 'bostadsbidrag', FREQ.annual],
    ['28674', 'sjp-belopp-man', 'Utbetalt belopp för sjukpenning', 'sjukpenning', FREQ.monthly],
  ];
  let distId = 29000;
  for (const [entryId, slug, title, keyword, frequency] of specs) {
    const mk = (suffix: string, t: string, format: string): DistSpec & { entryId: string; uri: string } => {
      const url = `${api}/${slug}/${suffix}`;
      return { entryId: String(distId++), uri: url, title: t, format, url };
    };
    dataset(bld, org, {
      entryId,
      uri: `${api}/${slug}/meta.json`,
      title,
      description: `Statistik om ${keyword} efter kön, län och ålder.`,
      keywords: [keyword, 'statistik', 'socialförsäkring'],
      themes: ['SOCI', 'GOVE'],
      licence: LICENCE.ccBy,
      frequency,
      modified: '2026-09-19',
      landingPage: `https://www.forsakringskassan.se/statistik/statistikdatabas/#!/${slug}`,
      contactPoint: cp,
      temporalStart: '2019',
      distributions: [
        mk('Lan.xlsx', 'Uppdelning: Län', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        mk('Ald.json', 'Uppdelning: Ålder', 'application/json'),
        mk('Lan.json', 'Uppdelning: Län', 'application/json'),
      ],
    });
  }
}

function privatePerson(bld: Builder): void {
  // A private person registered as an agent; the portal hides PrivateIndividual(s) from organisation lists.
  const uri = 'https://admin.dataportal.se/store/900/resource/1';
  add(bld, '900', '1', uri, {
    [uri]: {
      [NS.rdfType]: [u(NS.foafAgent)],
      [NS.foafName]: [l('Anna Skattberg', 'sv')],
      [NS.dctType]: [u(PUBLISHER_TYPE('PrivateIndividual(s)'))],
    },
  });
}

export interface BuildOptions {
  /** Extra small publishers (one dataset each, agent entry present), to exercise lookup batching. */
  extraPublishers?: number;
  /** Publishers whose datasets name them but who have no agent entry. */
  orphanPublishers?: number;
}

/** Organisation number for the n-th extra publisher: 2220xxxxxx ("other public bodies"). */
export function extraOrgNumber(n: number): string {
  return `2220${String(1_000_000 + n).slice(1)}`;
}

export function buildRegistryData(options: BuildOptions = {}): RegistryData {
  const bld: Builder = { entries: [], clock: 0 };
  goteborg(bld);
  skatteverket(bld);
  forsakringskassan(bld);
  trafikverket(bld);
  regionStockholm(bld);
  privatePerson(bld);
  const extra = (count: number, withAgent: boolean, ctxBase: number): void => {
    for (let i = 0; i < count; i++) {
      const orgNumber = extraOrgNumber(ctxBase + i);
      const org: StubOrg = {
        key: `extra${ctxBase + i}`,
        name: `Myndighet nummer ${ctxBase + i}`,
        orgNumber,
        uri: `http://dataportal.se/organisation/SE${orgNumber}`,
        homepage: `https://myndighet${ctxBase + i}.example.se`,
        type: PUBLISHER_TYPE('NationalAuthority'),
        contextId: String(ctxBase + i),
      };
      if (withAgent) agent(bld, org, '1');
      dataset(bld, org, {
        entryId: '10',
        uri: `https://myndighet${ctxBase + i}.example.se/dataset/1`,
        title: `Exempeldata ${ctxBase + i}`,
        description: 'Genererad datamängd för test av publicistlistan.',
        keywords: ['exempel'],
        themes: ['GOVE'],
        licence: LICENCE.cc0,
        frequency: FREQ.annual,
        modified: '2026-01-01',
      });
    }
  };
  extra(options.extraPublishers ?? 0, true, 1000);
  extra(options.orphanPublishers ?? 0, false, 2000);
  return { entries: bld.entries };
}

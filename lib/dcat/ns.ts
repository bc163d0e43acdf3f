// Predicate and class URIs used by DCAT-AP-SE as it appears on admin.dataportal.se.
// Kept in one place so that a typo in a 40-character URI cannot hide in one parser branch.

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS_NS = 'http://www.w3.org/2000/01/rdf-schema#';
const DCT_NS = 'http://purl.org/dc/terms/';
const DCAT_NS = 'http://www.w3.org/ns/dcat#';
const FOAF_NS = 'http://xmlns.com/foaf/0.1/';
const VCARD_NS = 'http://www.w3.org/2006/vcard/ns#';
const SKOS_NS = 'http://www.w3.org/2004/02/skos/core#';
const SCHEMA_NS = 'http://schema.org/';
const LOCN_NS = 'http://www.w3.org/ns/locn#';
const ADMS_NS = 'http://www.w3.org/ns/adms#';
const R5R_NS = 'http://data.europa.eu/r5r/';
const ESTERMS_NS = 'http://entryscape.com/terms/';
const ENTRYSTORE_NS = 'http://entrystore.org/terms/';

export const RDF = {
  type: `${RDF_NS}type`,
  value: `${RDF_NS}value`,
} as const;

export const RDFS = {
  label: `${RDFS_NS}label`,
} as const;

export const DCT = {
  title: `${DCT_NS}title`,
  description: `${DCT_NS}description`,
  publisher: `${DCT_NS}publisher`,
  license: `${DCT_NS}license`,
  accessRights: `${DCT_NS}accessRights`,
  accrualPeriodicity: `${DCT_NS}accrualPeriodicity`,
  format: `${DCT_NS}format`,
  modified: `${DCT_NS}modified`,
  issued: `${DCT_NS}issued`,
  identifier: `${DCT_NS}identifier`,
  type: `${DCT_NS}type`,
  conformsTo: `${DCT_NS}conformsTo`,
  temporal: `${DCT_NS}temporal`,
  spatial: `${DCT_NS}spatial`,
  language: `${DCT_NS}language`,
  created: `${DCT_NS}created`,
  rights: `${DCT_NS}rights`,
} as const;

export const DCAT = {
  Dataset: `${DCAT_NS}Dataset`,
  DataService: `${DCAT_NS}DataService`,
  DatasetSeries: `${DCAT_NS}DatasetSeries`,
  Distribution: `${DCAT_NS}Distribution`,
  distribution: `${DCAT_NS}distribution`,
  contactPoint: `${DCAT_NS}contactPoint`,
  keyword: `${DCAT_NS}keyword`,
  theme: `${DCAT_NS}theme`,
  landingPage: `${DCAT_NS}landingPage`,
  inSeries: `${DCAT_NS}inSeries`,
  accessURL: `${DCAT_NS}accessURL`,
  downloadURL: `${DCAT_NS}downloadURL`,
  mediaType: `${DCAT_NS}mediaType`,
  byteSize: `${DCAT_NS}byteSize`,
  accessService: `${DCAT_NS}accessService`,
  endpointURL: `${DCAT_NS}endpointURL`,
  endpointDescription: `${DCAT_NS}endpointDescription`,
  servesDataset: `${DCAT_NS}servesDataset`,
  startDate: `${DCAT_NS}startDate`,
  endDate: `${DCAT_NS}endDate`,
} as const;

export const FOAF = {
  name: `${FOAF_NS}name`,
  homepage: `${FOAF_NS}homepage`,
  page: `${FOAF_NS}page`,
  mbox: `${FOAF_NS}mbox`,
} as const;

export const VCARD = {
  fn: `${VCARD_NS}fn`,
  organizationName: `${VCARD_NS}organization-name`,
  hasEmail: `${VCARD_NS}hasEmail`,
  hasTelephone: `${VCARD_NS}hasTelephone`,
  hasValue: `${VCARD_NS}hasValue`,
  hasURL: `${VCARD_NS}hasURL`,
  Organization: `${VCARD_NS}Organization`,
  Individual: `${VCARD_NS}Individual`,
  Kind: `${VCARD_NS}Kind`,
} as const;

export const SKOS = {
  prefLabel: `${SKOS_NS}prefLabel`,
  altLabel: `${SKOS_NS}altLabel`,
} as const;

export const SCHEMA = {
  startDate: `${SCHEMA_NS}startDate`,
  endDate: `${SCHEMA_NS}endDate`,
} as const;

export const LOCN = {
  geographicName: `${LOCN_NS}geographicName`,
  geometry: `${LOCN_NS}geometry`,
} as const;

export const ADMS = {
  status: `${ADMS_NS}status`,
} as const;

export const R5R = {
  availability: `${R5R_NS}availability`,
} as const;

/** Types and properties EntryScape adds to harvested records. */
export const ESTERMS = {
  IndependentDataService: `${ESTERMS_NS}IndependentDataService`,
  ServedByDataService: `${ESTERMS_NS}ServedByDataService`,
  servedByDataService: `${ESTERMS_NS}servedByDataService`,
} as const;

/** EntryStore's entry-information graph. */
export const ENTRYSTORE = {
  resource: `${ENTRYSTORE_NS}resource`,
  metadata: `${ENTRYSTORE_NS}metadata`,
} as const;

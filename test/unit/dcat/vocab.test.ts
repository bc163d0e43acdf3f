import { describe, it, expect } from 'vitest';
import {
  accessRightConcept,
  availabilityConcept,
  distributionStatusConcept,
  formatFromUrl,
  formatLabel,
  frequencyConcept,
  labelFromUri,
  licenceFor,
  licenceFromName,
  licenceId,
  publisherTypeConcept,
  themeConcept,
} from '../../../lib/dcat/vocab';
import { Concept, Frequency, Licence } from '../../../lib/dcat/types';

const EU = 'http://publications.europa.eu/resource/authority/';

describe('licences', () => {
  it.each([
    ['http://creativecommons.org/licenses/by/4.0/', 'cc-by-4.0'],
    ['https://creativecommons.org/licenses/by/4.0/', 'cc-by-4.0'],
    ['http://creativecommons.org/licenses/by/4.0', 'cc-by-4.0'],
    ['https://creativecommons.org/licenses/by/4.0/legalcode', 'cc-by-4.0'],
    ['https://creativecommons.org/licenses/by/4.0/legalcode.sv', 'cc-by-4.0'],
    ['https://creativecommons.org/licenses/by/4.0/legalcode.en', 'cc-by-4.0'],
    ['https://creativecommons.org/licenses/by/4.0/deed.sv', 'cc-by-4.0'],
    ['https://creativecommons.org/licenses/by/4.0/deed.en_GB', 'cc-by-4.0'],
    ['https://www.creativecommons.org/licenses/by/4.0/', 'cc-by-4.0'],
    ['HTTPS://CreativeCommons.org/Licenses/BY/4.0/', 'cc-by-4.0'],
    ['  http://creativecommons.org/licenses/by/4.0/  ', 'cc-by-4.0'],
    ['http://creativecommons.org/licenses/by/3.0/', 'cc-by-3.0'],
    ['http://creativecommons.org/licenses/by/2.5/se/', 'cc-by-2.5'],
    ['http://creativecommons.org/licenses/by/2.0/', 'cc-by-2.0'],
    ['http://creativecommons.org/licenses/by-sa/4.0/', 'cc-by-sa-4.0'],
    ['http://creativecommons.org/licenses/by-nc/4.0/', 'cc-by-nc-4.0'],
    ['http://creativecommons.org/licenses/by-nd/4.0/', 'cc-by-nd-4.0'],
    ['http://creativecommons.org/licenses/by-nc-sa/4.0/', 'cc-by-nc-sa-4.0'],
    ['http://creativecommons.org/licenses/by-nc-nd/3.0/', 'cc-by-nc-nd-3.0'],
    ['http://creativecommons.org/licenses/by-nd-nc/1.0/', 'cc-by-nc-nd-1.0'],
    ['http://creativecommons.org/publicdomain/zero/1.0/', 'cc0-1.0'],
    ['https://creativecommons.org/publicdomain/zero/1.0/legalcode.sv', 'cc0-1.0'],
    ['http://creativecommons.org/publicdomain/mark/1.0/', 'pdm-1.0'],
    ['http://opendatacommons.org/licenses/pddl/1.0/', 'pddl-1.0'],
    ['https://opendatacommons.org/licenses/pddl/summary/', 'pddl-1.0'],
    ['http://opendatacommons.org/licenses/odbl/1.0/', 'odbl-1.0'],
    ['https://opendatacommons.org/licenses/odbl/1-0/', 'odbl-1.0'],
    ['https://www.opendatacommons.org/licenses/odbl/', 'odbl-1.0'],
    ['http://opendatacommons.org/licenses/by/1.0/', 'odc-by-1.0'],
    [`${EU}licence/CC0`, 'cc0-1.0'],
    [`${EU}licence/CC_BY_4_0`, 'cc-by-4.0'],
    [`https://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0/`, 'cc-by-sa-4.0'],
    [`${EU}licence/CC_BYNC_4_0`, 'cc-by-nc-4.0'],
    [`${EU}licence/CC_BYND_4_0`, 'cc-by-nd-4.0'],
    [`${EU}licence/CC_BYNCSA_4_0`, 'cc-by-nc-sa-4.0'],
    [`${EU}licence/CC_BYNCND_4_0`, 'cc-by-nc-nd-4.0'],
    [`${EU}licence/CC_BY_3_0`, 'cc-by-3.0'],
    [`${EU}licence/CC_PDM_1_0`, 'pdm-1.0'],
    [`${EU}licence/ODC_BL`, 'odbl-1.0'],
    [`${EU}licence/ODC_BY`, 'odc-by-1.0'],
    [`${EU}licence/ODC_PDDL`, 'pddl-1.0'],
    ['https://spdx.org/licenses/CC-BY-4.0.html', 'cc-by-4.0'],
    ['https://spdx.org/licenses/CC0-1.0', 'cc0-1.0'],
    ['https://spdx.org/licenses/ODbL-1.0.html', 'odbl-1.0'],
  ])('%s → %s', (uri, id) => {
    expect(licenceId(uri)).toBe(id);
  });

  it.each([
    ['http://creativecommons.org/licenses/by/9.9/'],
    ['http://creativecommons.org/licenses/sa/1.0/'],
    ['http://creativecommons.org/licenses/by-sa-nd/4.0/'],
    [`${EU}licence/EUPL_1_2`],
    ['https://www.lantmateriet.se/sv/om-lantmateriet/Rattsinformation/avgifter-och-villkor/'],
    ['not a uri'],
  ])('does not recognise %s', (uri) => {
    expect(licenceId(uri)).toBeUndefined();
  });

  it.each<[string, string, string]>([
    ['http://creativecommons.org/publicdomain/zero/1.0/', 'cc0', 'CC0 1.0'],
    ['http://creativecommons.org/publicdomain/mark/1.0/', 'cc0', 'Public Domain Mark 1.0'],
    ['http://opendatacommons.org/licenses/pddl/1.0/', 'cc0', 'ODC PDDL 1.0'],
    ['http://creativecommons.org/licenses/by/4.0/', 'open', 'CC BY 4.0'],
    ['http://creativecommons.org/licenses/by-sa/4.0/', 'open', 'CC BY-SA 4.0'],
    ['http://opendatacommons.org/licenses/odbl/1.0/', 'open', 'ODbL 1.0'],
    ['http://opendatacommons.org/licenses/by/1.0/', 'open', 'ODC-BY 1.0'],
    ['http://creativecommons.org/licenses/by-nc/4.0/', 'restrictive', 'CC BY-NC 4.0'],
    ['http://creativecommons.org/licenses/by-nd/4.0/', 'restrictive', 'CC BY-ND 4.0'],
    ['http://creativecommons.org/licenses/by-nc-sa/4.0/', 'restrictive', 'CC BY-NC-SA 4.0'],
    ['http://creativecommons.org/licenses/by-nc-nd/4.0/', 'restrictive', 'CC BY-NC-ND 4.0'],
  ])('%s is %s, labelled %s, with explanations in both languages', (uri, kind, label) => {
    const l = licenceFor(uri);
    expect(Licence.safeParse(l).success).toBe(true);
    expect(l).toMatchObject({ uri, kind, label: { sv: label, en: label } });
    expect(l.explanation.sv?.length).toBeGreaterThan(20);
    expect(l.explanation.en?.length).toBeGreaterThan(20);
  });

  it('explains CC BY 4.0 in plain language', () => {
    expect(licenceFor('https://creativecommons.org/licenses/by/4.0/deed.sv').explanation).toEqual({
      sv: 'Du får använda, dela och bearbeta data, även kommersiellt, om du anger källan.',
      en: 'You may use, share and adapt the data, also commercially, if you credit the source.',
    });
  });

  it('says what NC forbids', () => {
    expect(licenceFor('http://creativecommons.org/licenses/by-nc/4.0/').explanation.en).toMatch(/not commercially/);
  });

  it.each([
    ['https://example.se/licenser/oppen-licens-1.0', 'oppen-licens-1.0'],
    ['https://example.se/licenser/villkor/', 'villkor'],
    ['https://example.se/', 'example.se'],
    ['https://example.se/licens#avsnitt-3', 'avsnitt-3'],
    ['https://example.se/villkor%20f%C3%B6r%20data', 'villkor för data'],
    ['https://example.se/bad%E0%A4%A', 'bad%E0%A4%A'],
  ])('labels unknown licence %s as %s', (uri, label) => {
    const l = licenceFor(uri);
    expect(l).toMatchObject({ uri, kind: 'unknown', label: { any: label } });
    expect(l.explanation.sv).toMatch(/Okänd licens/);
  });

  it.each<[string, string, string]>([
    ['CC0', 'cc0', 'http://creativecommons.org/publicdomain/zero/1.0/'],
    ['cc-zero', 'cc0', 'http://creativecommons.org/publicdomain/zero/1.0/'],
    ['CC BY 4.0', 'open', 'http://creativecommons.org/licenses/by/4.0/'],
    ['CC-BY-SA-4.0', 'open', 'http://creativecommons.org/licenses/by-sa/4.0/'],
    ['Creative Commons BY-NC 4.0', 'restrictive', 'http://creativecommons.org/licenses/by-nc/4.0/'],
    ['ODbL', 'open', 'http://opendatacommons.org/licenses/odbl/1.0/'],
    ['Fri användning', 'unknown', ''],
  ])('reads the licence name %s', (name, kind, uri) => {
    expect(licenceFromName(name)).toMatchObject({ kind, uri });
  });
});

describe('frequencies', () => {
  it.each<[string, number | undefined]>([
    ['1MIN', 1 / 1440],
    ['HOURLY', 1 / 24],
    ['DAILY', 1],
    ['DAILY_2', 0.5],
    ['WEEKLY', 7],
    ['WEEKLY_2', 4],
    ['BIWEEKLY', 14],
    ['MONTHLY', 31],
    ['MONTHLY_2', 16],
    ['BIMONTHLY', 62],
    ['QUARTERLY', 92],
    ['ANNUAL_3', 123],
    ['ANNUAL_2', 184],
    ['ANNUAL', 366],
    ['BIENNIAL', 731],
    ['TRIENNIAL', 1096],
    ['QUINQUENNIAL', 1827],
    ['DECENNIAL', 3653],
    ['CONT', undefined],
    ['UPDATE_CONT', undefined],
    ['IRREG', undefined],
    ['OTHER', undefined],
    ['UNKNOWN', undefined],
    ['NEVER', undefined],
    ['AS_NEEDED', undefined],
    ['NOT_PLANNED', undefined],
  ])('EU %s has days %s', (code, days) => {
    const f = frequencyConcept(`${EU}frequency/${code}`);
    expect(Frequency.safeParse(f).success).toBe(true);
    expect(f.known).toBe(true);
    if (days === undefined) expect('days' in f).toBe(false);
    else expect(f.days).toBeCloseTo(days, 10);
    expect(f.label.sv).toBeTruthy();
    expect(f.label.en).toBeTruthy();
  });

  it.each<[string, string, number | undefined]>([
    ['http://purl.org/cld/freq/annual', 'Annual', 366],
    ['http://purl.org/cld/freq/semiannual', 'Twice a year', 184],
    ['http://purl.org/cld/freq/quarterly', 'Quarterly', 92],
    ['http://purl.org/cld/freq/monthly', 'Monthly', 31],
    ['http://purl.org/cld/freq/bimonthly', 'Every two months', 62],
    ['http://purl.org/cld/freq/biweekly', 'Every two weeks', 14],
    ['http://purl.org/cld/freq/threeTimesAWeek', 'Three times a week', 3],
    ['http://purl.org/cld/freq/daily', 'Daily', 1],
    ['http://purl.org/cld/freq/continuous', 'Continuous', undefined],
    ['http://purl.org/cld/freq/irregular', 'Irregular', undefined],
  ])('legacy %s', (uri, en, days) => {
    expect(frequencyConcept(uri)).toMatchObject({ uri, known: true, label: { en } });
    expect(frequencyConcept(uri).days).toBe(days);
  });

  it('accepts https, trailing slash and lower case', () => {
    expect(frequencyConcept('https://publications.europa.eu/resource/authority/frequency/annual/')).toMatchObject({ known: true, days: 366 });
  });

  it('labels an unknown frequency from its URI', () => {
    expect(frequencyConcept('https://example.se/frekvens/vid-behov')).toEqual({
      uri: 'https://example.se/frekvens/vid-behov',
      label: { any: 'vid-behov' },
      known: false,
    });
  });
});

describe('other vocabularies', () => {
  it.each(['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'OP_DATPRO', 'REGI', 'SOCI', 'TECH', 'TRAN'])(
    'theme %s has sv and en labels',
    (code) => {
      const c = themeConcept(`${EU}data-theme/${code}`);
      expect(Concept.safeParse(c).success).toBe(true);
      expect(c.known).toBe(true);
      expect(c.label.sv).toBeTruthy();
      expect(c.label.en).toBeTruthy();
    },
  );

  it('labels a non-EU theme from its URI', () => {
    expect(themeConcept('http://inspire.ec.europa.eu/theme/tn')).toEqual({ uri: 'http://inspire.ec.europa.eu/theme/tn', label: { any: 'tn' }, known: false });
  });

  it.each([
    ['PUBLIC', 'Offentlig', 'Public'],
    ['RESTRICTED', 'Begränsad', 'Restricted'],
    ['NON_PUBLIC', 'Icke-offentlig', 'Non-public'],
  ])('access right %s', (code, sv, en) => {
    expect(accessRightConcept(`${EU}access-right/${code}`)).toMatchObject({ known: true, label: { sv, en } });
  });

  it.each([
    ['NationalAuthority', 'Statlig myndighet'],
    ['LocalAuthority', 'Kommunal myndighet'],
    ['RegionalAuthority', 'Regional myndighet'],
    ['Company', 'Företag'],
    ['Academia-ScientificOrganisation', 'Akademisk eller vetenskaplig organisation'],
    ['NonProfitOrganisation', 'Ideell organisation'],
    ['PrivateIndividual(s)', 'Privatperson(er)'],
    ['SupraNationalAuthority', 'Överstatlig myndighet'],
  ])('publisher type %s', (code, sv) => {
    expect(publisherTypeConcept(`http://purl.org/adms/publishertype/${code}`)).toMatchObject({ known: true, label: { sv } });
  });

  it.each([
    [`${EU}distribution-status/COMPLETED`, 'Completed'],
    [`${EU}distribution-status/DEPRECATED`, 'Deprecated'],
    [`${EU}distribution-status/DEVELOP`, 'Under development'],
    [`${EU}distribution-status/WITHDRAWN`, 'Withdrawn'],
    ['http://purl.org/adms/status/UnderDevelopment', 'Under development'],
  ])('status %s', (uri, en) => {
    expect(distributionStatusConcept(uri)).toMatchObject({ known: true, label: { en } });
  });

  it.each([
    ['http://data.europa.eu/r5r/availability/stable', 'Stable (available long-term)'],
    ['http://data.europa.eu/r5r/availability/experimental', 'Experimental'],
    [`${EU}planned-availability/TEMPORARY`, 'Temporary'],
  ])('availability %s', (uri, en) => {
    expect(availabilityConcept(uri)).toMatchObject({ known: true, label: { en } });
  });

  it('labels the dataportal progress code, which is not a distribution status, as unknown', () => {
    expect(distributionStatusConcept('https://dataportal.se/concepts/ProgressCode/onGoing')).toMatchObject({ known: false, label: { any: 'onGoing' } });
  });

  it('labelFromUri copes with odd input', () => {
    expect(labelFromUri('urn:x:y')).toBe('urn:x:y');
    expect(labelFromUri('')).toBe('');
    expect(labelFromUri('https://example.se/a/b/?q=1')).toBe('b');
  });
});

describe('formatLabel', () => {
  it.each([
    ['text/csv', 'CSV'],
    ['text/csv; charset=utf-8', 'CSV'],
    ['TEXT/CSV', 'CSV'],
    ['application/json', 'JSON'],
    ['application/geo+json', 'GeoJSON'],
    ['application/vnd.geo+json', 'GeoJSON'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'],
    ['application/vnd.ms-excel', 'XLS'],
    ['application/xml', 'XML'],
    ['text/xml', 'XML'],
    ['application/vnd.ogc.wms_xml', 'WMS'],
    ['application/vnd.ogc.wfs_xml', 'WFS'],
    ['application/pdf', 'PDF'],
    ['application/zip', 'ZIP'],
    ['text/html', 'HTML'],
    ['application/x-shapefile', 'SHP'],
    ['application/geopackage+sqlite3', 'GeoPackage'],
    ['application/rdf+xml', 'RDF'],
    ['application/ld+json', 'JSON-LD'],
    ['text/turtle', 'Turtle'],
    ['application/vnd.oasis.opendocument.spreadsheet', 'ODS'],
    ['application/vnd.custom+json', 'JSON'],
    ['application/x-foo', 'FOO'],
    ['https://www.iana.org/assignments/media-types/text/csv', 'CSV'],
    ['http://www.iana.org/assignments/media-types/application/json/', 'JSON'],
    ['http://inspire.ec.europa.eu/media-types/application/x-shapefile', 'SHP'],
    [`${EU}file-type/CSV`, 'CSV'],
    [`${EU}file-type/GEOJSON`, 'GeoJSON'],
    [`${EU}file-type/GPKG`, 'GeoPackage'],
    [`${EU}file-type/JSON_LD`, 'JSON-LD'],
    [`${EU}file-type/RDF_TURTLE`, 'Turtle'],
    [`${EU}file-type/WMS_SRVC`, 'WMS'],
    [`https://publications.europa.eu/resource/authority/file-type/XLSX/`, 'XLSX'],
    [`${EU}file-type/SHP`, 'SHP'],
    ['CSV', 'CSV'],
    ['csv', 'CSV'],
    ['.xlsx', 'XLSX'],
    ['Shape', 'SHP'],
    ['ESRI Shapefile', 'SHP'],
    ['GeoPackage', 'GeoPackage'],
    ['RDF/XML', 'RDF'],
    ['REST API', 'API'],
    ['API', 'API'],
    ['WMS', 'WMS'],
    ['Excel', 'Excel'],
    ['CSV (semikolonseparerad)', 'CSV'],
    ['NeTEx', 'NeTEx'],
  ])('%s → %s', (raw, label) => {
    expect(formatLabel(raw)).toBe(label);
  });

  it.each([[''], ['   '], ['https://example.se/format/okant'], ['En lång beskrivning av ett format som inte är ett format']])('gives no label for %j', (raw) => {
    expect(formatLabel(raw)).toBeUndefined();
  });

  it.each([
    ['https://example.se/data/export.csv', 'CSV'],
    ['https://example.se/data/export.CSV?x=1', 'CSV'],
    ['https://example.se/data/karta.gpkg#layer', 'GeoPackage'],
    ['https://example.se/data/index.html', undefined],
    ['https://example.se/data/export', undefined],
  ])('guesses %s from the URL as %s', (url, label) => {
    expect(formatFromUrl(url)).toBe(label);
  });
});

// What a format says about reuse: is it open (non-proprietary), can a program read it
// (machine-readable), and was it stated from a vocabulary (EU file types, IANA media types)?
// Decided on the short format label (lib/dcat/vocab.ts formatLabel), so `text/csv`, the EU
// file-type URI `…/file-type/CSV` and the word "csv" are one format. The lists follow the EU
// MQA's "non-proprietary" and "machine-readable" file-type lists in spirit; they are small and
// static so that the extension scores offline (README: how the score differs from the MQA).
import { formatLabel } from '../dcat/vocab';

/** Open, documented formats anyone may implement (no single vendor controls them). */
const NON_PROPRIETARY = new Set([
  'CSV', 'TSV', 'JSON', 'GeoJSON', 'JSON-LD', 'XML', 'RDF', 'Turtle', 'N-Triples', 'ODS', 'ODT',
  'GML', 'KML', 'KMZ', 'HTML', 'TXT', 'PDF', 'GeoPackage', 'NetCDF', 'Parquet', 'YAML', 'SQLite',
  'PNG', 'TIFF', 'GeoTIFF', 'Atom', 'RSS', 'WMS', 'WFS', 'WMTS', 'WCS', 'ZIP', 'GZIP', 'SPARQL',
  'OpenAPI', 'Protobuf', 'JPEG',
]);

/** Formats whose content a program can read as data (not a picture or a page of prose). */
const MACHINE_READABLE = new Set([
  'CSV', 'TSV', 'JSON', 'GeoJSON', 'JSON-LD', 'XML', 'RDF', 'Turtle', 'N-Triples', 'XLS', 'XLSX',
  'XLSM', 'ODS', 'GML', 'KML', 'KMZ', 'GeoPackage', 'NetCDF', 'Parquet', 'YAML', 'SQLite', 'SHP',
  'Atom', 'RSS', 'WFS', 'WCS', 'SPARQL', 'API', 'OpenAPI', 'Protobuf', 'GeoTIFF', 'Excel',
]);

/** Formats we know to be controlled by one vendor (a known format that is not in NON_PROPRIETARY). */
const PROPRIETARY = new Set(['XLS', 'XLSX', 'XLSM', 'Excel', 'DOC', 'DOCX', 'SHP']);

export interface FormatFacts {
  /** Short label, when anything meaningful can be said. */
  label?: string;
  /** Known open format: true; known vendor format: false; unknown: undefined. */
  nonProprietary?: boolean;
  machineReadable?: boolean;
}

export function formatFacts(label: string | undefined): FormatFacts {
  if (label === undefined) return {};
  const known = NON_PROPRIETARY.has(label) || PROPRIETARY.has(label) || MACHINE_READABLE.has(label);
  return {
    label,
    nonProprietary: NON_PROPRIETARY.has(label) ? true : known ? false : undefined,
    machineReadable: MACHINE_READABLE.has(label) ? true : known ? false : undefined,
  };
}

export function isNonProprietary(label: string | undefined): boolean {
  return label !== undefined && NON_PROPRIETARY.has(label);
}

export function isMachineReadable(label: string | undefined): boolean {
  return label !== undefined && MACHINE_READABLE.has(label);
}

const EU_FILE_TYPE = /^https?:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/[A-Za-z0-9_]+\/?$/i;
const IANA_URI = /^https?:\/\/(?:www\.)?iana\.org\/assignments\/media-types\/[a-z]+\/[a-z0-9][\w.+-]*\/?$/i;
/** A media type with one of IANA's registered top-level types. */
const MEDIA_TYPE = /^(?:application|text|image|audio|video|font|model|multipart|message)\/[a-z0-9][\w.+-]*\s*(?:;.*)?$/i;

/** A media type as DCAT wants it in dcat:mediaType: `text/csv` or its IANA URI. */
export function isMediaType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  return MEDIA_TYPE.test(v) || IANA_URI.test(v);
}

/**
 * Format or media type taken from a vocabulary: an EU file-type URI, an IANA media-type URI, or a
 * media type of IANA's form that we recognise. Free text ("Excel-fil", "Shape") is not.
 */
export function isFromFormatVocabulary(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  if (EU_FILE_TYPE.test(v) || IANA_URI.test(v)) return true;
  return MEDIA_TYPE.test(v) && formatLabel(v) !== undefined;
}

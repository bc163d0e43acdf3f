// What a URL found on a page is, judged from the URL alone (never from the page's text): a data
// file, an API endpoint, an OGC map service, an OpenAPI document or UI, a feed or a DCAT catalogue.
// Pure and DOM-free; bundled into the page-data script too, so it stays small and zod-free.

export type FindingKind = 'api' | 'file' | 'service' | 'docs' | 'feed' | 'catalog';
/** Where the URL came from on the page. */
export type UrlHint = 'link' | 'feed' | 'apidoc' | 'request';

export interface Classified {
  kind: FindingKind;
  /** Short label: CSV, JSON, GeoJSON, XLSX, WMS, OpenAPI… */
  format?: string;
}

/** File extensions of machine-readable data, with their labels. */
const DATA_EXT: Record<string, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  json: 'JSON',
  geojson: 'GeoJSON',
  topojson: 'TopoJSON',
  jsonld: 'JSON-LD',
  ndjson: 'NDJSON',
  xml: 'XML',
  xlsx: 'XLSX',
  xls: 'XLS',
  ods: 'ODS',
  zip: 'ZIP',
  rdf: 'RDF',
  ttl: 'Turtle',
  nt: 'N-Triples',
  n3: 'N3',
  owl: 'RDF',
  shp: 'Shapefile',
  gpkg: 'GeoPackage',
  kml: 'KML',
  kmz: 'KMZ',
  gml: 'GML',
  gpx: 'GPX',
  parquet: 'Parquet',
  sqlite: 'SQLite',
  px: 'PX',
  sdmx: 'SDMX',
  dbf: 'DBF',
  txt: 'TXT',
};

/** Extensions that are never data: the request or link is a page, a script, a style or media. */
const NOT_DATA =
  /\.(html?|php|aspx?|jsp|js|mjs|cjs|css|map|png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|woff2?|ttf|otf|eot|mp[34]|webm|ogg|wav|m4a|pdf|docx?|pptx?|wasm)$/;

const OPENAPI_DOC = /(^|\/)(openapi|swagger)(\.json|\.ya?ml)?$|\/api-docs(\.json)?$|\/v\d+\/api-docs|\/swagger\/v\d+\/swagger\.json$/;
const OPENAPI_UI = /(^|\/)(swagger-ui(\.html)?|swagger\/index\.html|redoc|rapidoc|api-docs\/index\.html|scalar)\/?$/;
const DCAT_PATH = /\/datasets\/dcat\/?$|\/psidata(\/|$|\.)|(^|\/)(dcat|catalog|catalogue)\.(rdf|ttl|jsonld|xml)$|\/dcat-ap(-se)?\/?$/;
const FEED_PATH = /\.(rss|atom)$|\/(rss|atom|feed)(\.xml)?\/?$/;
const API_PATH = /(^|\/)(api|apis|rest|graphql|odata|rowstore|webservice|data-api|open-?data\/api|dataset\/api)(\/|$)|\/v\d+(\.\d+)?\/[a-z]/;

function extOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return undefined;
  return name.slice(dot + 1);
}

function lowerPath(u: URL): string {
  let p = u.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep the encoded path
  }
  return p.toLowerCase();
}

/** OGC service type from the query (`service=WMS`, `request=GetCapabilities`) or the path. */
function ogcService(u: URL, path: string): string | undefined {
  let service: string | undefined;
  let capabilities = false;
  u.searchParams.forEach((v, k) => {
    const key = k.toLowerCase();
    if (key === 'service') service = v.toUpperCase();
    else if (key === 'request' && /^getcapabilities$/i.test(v)) capabilities = true;
  });
  if (service && /^(WMS|WFS|WMTS|WCS|CSW|WPS|SOS)$/.test(service)) return service;
  const m = /(^|\/)(wms|wfs|wmts|wcs|csw)(\/|$|\?)/.exec(path);
  if (m) return (m[2] as string).toUpperCase();
  if (/\/geoserver\/([^/]+\/)?(ows|wms|wfs)/.test(path) || /(^|\/)ows\/?$/.test(path)) return capabilities ? 'OGC' : 'OWS';
  if (/\/arcgis\/rest\/services\//.test(path) || /\/(mapserver|featureserver|imageserver)(\/|$)/.test(path)) return 'ArcGIS REST';
  if (/\/collections(\/[^/]+\/items)?\/?$/.test(path) && /\/(ogc|features|api)\//.test(path)) return 'OGC API';
  if (capabilities) return 'OGC';
  return undefined;
}

function gtfs(path: string): boolean {
  return /(^|[/_.-])gtfs([/_.-]|$)/.test(path);
}

/**
 * Classifies a URL (already cleaned, http(s), not tracking). `hint` says where it came from: a
 * request the page made is an API call unless its URL says otherwise; a plain link counts only when
 * its URL looks like data.
 */
export function classifyUrl(u: URL, hint: UrlHint): Classified | undefined {
  const path = lowerPath(u);
  if (hint === 'apidoc') return { kind: 'docs', format: 'OpenAPI' };
  if (hint === 'feed') {
    const ext = extOf(path);
    if (ext === 'json' || /json/.test(path)) return { kind: 'feed', format: 'JSON Feed' };
    return { kind: 'feed', format: /atom/.test(path) ? 'Atom' : 'RSS' };
  }
  if (OPENAPI_DOC.test(path)) return { kind: 'docs', format: 'OpenAPI' };
  if (OPENAPI_UI.test(path)) return { kind: 'docs', format: 'OpenAPI' };
  const ogc = ogcService(u, path);
  if (ogc) return { kind: 'service', format: ogc };
  if (DCAT_PATH.test(path)) return { kind: 'catalog', format: 'DCAT' };
  if (gtfs(path)) return { kind: 'file', format: 'GTFS' };
  const ext = extOf(path);
  if (ext !== undefined) {
    const label = DATA_EXT[ext];
    if (label !== undefined) {
      // A .txt or .xml link on a page is usually a robots file or a sitemap, not data.
      if (hint === 'link' && (/(^|\/)(robots\.txt|sitemap[^/]*\.xml)$/.test(path) || (ext === 'txt' && !API_PATH.test(path)))) return undefined;
      return { kind: API_PATH.test(path) && hint === 'request' ? 'api' : 'file', format: label };
    }
    if (NOT_DATA.test(path)) return undefined;
  }
  if (FEED_PATH.test(path)) return { kind: 'feed', format: /atom/.test(path) ? 'Atom' : 'RSS' };
  // The query may name the format: `?format=csv`, `?f=json`, `?outputFormat=application/json`.
  let qFormat: string | undefined;
  u.searchParams.forEach((v, k) => {
    if (qFormat === undefined && /^(format|f|output|outputformat|type|_format)$/i.test(k)) {
      const m = /(csv|geojson|json|xlsx|xml|ods|rdf|ttl|turtle|jsonld)/i.exec(v);
      if (m) qFormat = DATA_EXT[(m[1] as string).toLowerCase().replace('turtle', 'ttl')];
    }
  });
  if (hint === 'request') return qFormat !== undefined ? { kind: 'api', format: qFormat } : { kind: 'api' };
  if (API_PATH.test(path) || /^api\./.test(u.hostname.toLowerCase())) return qFormat !== undefined ? { kind: 'api', format: qFormat } : { kind: 'api' };
  if (qFormat !== undefined && /(download|export|data|get)/.test(path)) return { kind: 'file', format: qFormat };
  return undefined;
}

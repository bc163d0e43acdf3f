import { describe, expect, it } from 'vitest';
import { cleanUrl, endpointPattern, isTrackingUrl, matchKey, segmentPattern } from '../../../lib/pagedata/urls';
import { classifyUrl } from '../../../lib/pagedata/classify';

describe('cleanUrl', () => {
  it('drops tracking parameters, the fragment and credentials, keeps the rest in order', () => {
    const u = cleanUrl('https://user:pw@www.exempel.se/data/a.csv?utm_source=x&version=2&gclid=1&fbclid=2&_ga=3&lang=sv#top');
    expect(u?.href).toBe('https://www.exempel.se/data/a.csv?version=2&lang=sv');
  });
  it('resolves relative URLs against the base and refuses other schemes', () => {
    expect(cleanUrl('../data/b.json', 'https://x.se/a/b/c')?.href).toBe('https://x.se/a/data/b.json');
    for (const raw of ['javascript:alert(1)', 'mailto:a@b.se', 'data:text/csv,a', 'file:///etc/passwd', 'ftp://x.se/a.csv']) {
      expect(cleanUrl(raw, 'https://x.se/')).toBeUndefined();
    }
  });
  it('drops over-long URLs (query first)', () => {
    expect(cleanUrl(`https://x.se/a.csv?q=${'x'.repeat(3000)}`)?.href).toBe('https://x.se/a.csv');
    expect(cleanUrl(`https://x.se/${'x'.repeat(3000)}.csv`)).toBeUndefined();
  });
});

describe('tracking', () => {
  it.each([
    'https://www.google-analytics.com/collect?v=1',
    'https://region1.google-analytics.com/g/collect',
    'https://www.googletagmanager.com/gtm.js?id=GTM-1',
    'https://stats.g.doubleclick.net/j/collect',
    'https://www.facebook.com/tr?id=1',
    'https://connect.facebook.net/en_US/fbevents.js',
    'https://siteimproveanalytics.io/image.aspx',
    'https://6004851.global.siteimprove.com/api/v1/dci',
    'https://in.hotjar.com/api/v2/client',
    'https://kommun.se/matomo/matomo.php?idsite=1',
    'https://kommun.se/piwik.php?idsite=1',
    'https://kommun.se/piwik/piwik.php',
    'https://kommun.se/api/collect',
    'https://kommun.se/beacon',
    'https://kommun.se/pixel.gif',
    'https://kommun.se/cdn-cgi/rum?',
    'https://o1.ingest.sentry.io/api/2/envelope/',
  ])('%s is tracking', (url) => {
    expect(isTrackingUrl(new URL(url))).toBe(true);
  });
  it.each(['https://api.trafikverket.se/v2/data.json', 'https://kommun.se/api/events/2026', 'https://data.goteborg.se/track/stations.csv', 'https://facebookresearch.se/data.csv'])(
    '%s is not tracking',
    (url) => {
      expect(isTrackingUrl(new URL(url))).toBe(false);
    },
  );
});

describe('keys and patterns', () => {
  it('matchKey ignores scheme, www, default port, case, query, fragment and trailing slashes', () => {
    const k = 'skatteverket.se/rowstore/dataset/skattesatser';
    for (const u of [
      'https://www.skatteverket.se/rowstore/dataset/skattesatser',
      'http://skatteverket.se:80/rowstore/dataset/skattesatser/',
      'https://SKATTEVERKET.se/Rowstore/Dataset/Skattesatser?_limit=1#x',
    ]) {
      expect(matchKey(u)).toBe(k);
    }
    expect(matchKey('https://x.se:8443/a')).toBe('x.se:8443/a');
    expect(matchKey('mailto:a@b.se')).toBeUndefined();
  });
  it('endpoint patterns replace numbers, dates, uuids and opaque tokens', () => {
    expect(endpointPattern(new URL('https://api.x.se/v1/stats/2024/0180?x=1'))).toBe('https://api.x.se/v1/stats/{n}/{n}');
    expect(endpointPattern(new URL('https://api.x.se/items/3f2a9c1e-1b2c-4d5e-8f90-1234567890ab'))).toBe('https://api.x.se/items/{id}');
    expect(endpointPattern(new URL('https://api.x.se/day/2026-01-31'))).toBe('https://api.x.se/day/{n}');
    expect(segmentPattern('skattesatser')).toBe('skattesatser');
    expect(segmentPattern('v1')).toBe('v1');
    expect(segmentPattern('a1B2c3D4e5F6g7H8i9J0k')).toBe('{id}');
  });
});

describe('classifyUrl', () => {
  const c = (url: string, hint: 'link' | 'request' = 'link') => classifyUrl(new URL(url), hint);
  it.each([
    ['https://x.se/a.csv', 'file', 'CSV'],
    ['https://x.se/a.xlsx', 'file', 'XLSX'],
    ['https://x.se/a.geojson', 'file', 'GeoJSON'],
    ['https://x.se/gtfs/sweden.zip', 'file', 'GTFS'],
    ['https://x.se/data/roads.shp', 'file', 'Shapefile'],
    ['https://x.se/b.ttl', 'file', 'Turtle'],
    ['https://x.se/ows?service=WMS&request=GetCapabilities', 'service', 'WMS'],
    ['https://x.se/geoserver/wfs', 'service', 'WFS'],
    ['https://x.se/arcgis/rest/services/a/MapServer', 'service', 'ArcGIS REST'],
    ['https://x.se/api/v1/openapi.json', 'docs', 'OpenAPI'],
    ['https://x.se/swagger-ui.html', 'docs', 'OpenAPI'],
    ['https://x.se/datasets/dcat', 'catalog', 'DCAT'],
    ['https://x.se/nyheter.rss', 'feed', 'RSS'],
    ['https://x.se/api/skolor', 'api', undefined],
    ['https://x.se/export?format=csv', 'file', 'CSV'],
  ])('%s → %s %s', (url, kind, format) => {
    expect(c(url)).toEqual(format ? { kind, format } : { kind });
  });
  it.each(['https://x.se/', 'https://x.se/om-oss', 'https://x.se/a.pdf', 'https://x.se/bild.png', 'https://x.se/robots.txt', 'https://x.se/sitemap.xml', 'https://x.se/service/kontakt'])(
    'a link to %s is not data',
    (url) => {
      expect(c(url)).toBeUndefined();
    },
  );
  it('a request is an API call unless it is a script, style, page or image', () => {
    expect(c('https://x.se/anything?q=1', 'request')).toEqual({ kind: 'api' });
    expect(c('https://x.se/app.js', 'request')).toBeUndefined();
    expect(c('https://x.se/partials/menu.html', 'request')).toBeUndefined();
    expect(c('https://x.se/api/data.json', 'request')).toEqual({ kind: 'api', format: 'JSON' });
  });
});

// The extraction over realistic saved pages: what is found, how requests group, what is filtered,
// what leaves the page (URLs only), and the 10 000-link page within its bounds.
import { describe, expect, it } from 'vitest';
import { collectPageUrls, PAGE_DATA_LIMITS } from '../../../lib/pagedata/collect';
import { extractFindings } from '../../../lib/pagedata/extract';
import { PageUrlsSchema } from '../../../lib/pagedata/types';
import { byId, docOf, loadPage } from './helpers';

describe('agency statistics page (CSV/XLSX links, an API behind a chart)', () => {
  const { urls, findings } = loadPage('agency');

  it('groups the chart API calls by endpoint, with counts and parameter names', () => {
    const api = byId(findings, 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser');
    expect(api).toMatchObject({ kind: 'api', requests: 3, variants: 2, sources: ['request'], sameSite: false });
    expect(api?.params).toEqual(['_limit', '_offset', 'år']);
    // The OpenAPI document linked from the page belongs to it.
    expect(api?.docs).toBe('https://skatteverket.entryscape.net/rowstore/dataset/skattesatser/swagger');
    const own = byId(findings, 'https://www.skatteverket.se/api/statistik/v1/inkomster/{n}');
    expect(own).toMatchObject({ kind: 'api', requests: 2, variants: 2, sameSite: true, pattern: 'https://www.skatteverket.se/api/statistik/v1/inkomster/{n}' });
    expect(own?.url).toBe('https://www.skatteverket.se/api/statistik/v1/inkomster/2025?kommun=0180');
  });

  it('lists the data files, the OpenAPI document, the DCAT catalogue and the feed', () => {
    const kinds = findings.findings.map((f) => `${f.kind} ${f.format ?? ''} ${f.url}`);
    expect(kinds).toEqual([
      'api  https://skatteverket.entryscape.net/rowstore/dataset/skattesatser?_limit=500&_offset=500&%C3%A5r=2026',
      'api  https://www.skatteverket.se/api/statistik/v1/inkomster/2025?kommun=0180',
      'file CSV https://skatteverket.entryscape.net/rowstore/dataset/skattesatser.csv',
      'file XLSX https://www.skatteverket.se/download/18.1234/1700000000/inkomststatistik-2025.xlsx',
      'file XLSX https://www.skatteverket.se/download/18.1234/1700000001/inkomststatistik-2025.xlsx',
      'file XLSX https://www.skatteverket.se/download/18.1234/1700000002/inkomststatistik-2025.xlsx',
      'file ODS https://www.skatteverket.se/statistik/skattetabeller-2026.ods',
      'docs OpenAPI https://skatteverket.entryscape.net/rowstore/dataset/skattesatser/swagger',
      'catalog DCAT https://www.skatteverket.se/datasets/dcat',
      'feed RSS https://www.skatteverket.se/nyheter.rss',
    ]);
    expect(byId(findings, 'https://skatteverket.entryscape.net/rowstore/dataset/skattesatser/swagger')?.sources).toEqual(['link', 'apidoc']);
  });

  it('never reports pages, PDFs, scripts, styles, share links, analytics or beacons', () => {
    const all = JSON.stringify(urls);
    for (const s of ['googletagmanager', 'google-analytics', 'siteimprove', 'facebook', '.pdf', 'main.css', 'app.bundle.js', 'meny.html', 'session/ping', 'utm_', 'fbclid', 'mailto', 'javascript']) {
      expect(all, s).not.toContain(s);
    }
  });
});

describe('municipal map page (WMS/WFS, GeoJSON, ArcGIS, OpenAPI)', () => {
  const { findings } = loadPage('map');

  it('finds the map services, grouped by service endpoint', () => {
    expect(byId(findings, 'https://geodata.goteborg.se/geoserver/ows')).toMatchObject({ kind: 'service', format: 'WMS', sources: ['link'] });
    const wfs = byId(findings, 'https://geodata.goteborg.se/geoserver/wfs');
    expect(wfs).toMatchObject({ kind: 'service', format: 'WFS', requests: 2, sources: ['request', 'link'] });
    expect(byId(findings, 'https://gis.goteborg.se/arcgis/rest/services/Publikt/Forskolor/MapServer')).toMatchObject({ kind: 'service', format: 'ArcGIS REST' });
  });

  it('merges a file that is both linked and fetched, and groups API calls by id pattern', () => {
    expect(byId(findings, 'https://goteborg.se/data/forskolor.geojson')).toMatchObject({ kind: 'file', format: 'GeoJSON', requests: 1, sources: ['request', 'link'] });
    expect(byId(findings, 'https://data.goteborg.se/parking/v2/spaces/{id}')).toMatchObject({
      kind: 'api',
      requests: 2,
      docs: 'https://data.goteborg.se/parking/v2/openapi.json',
    });
    // An OpenAPI document describes only the APIs at or below its path.
    expect(byId(findings, 'https://data.goteborg.se/badvatten/v1/temperatures')?.docs).toBeUndefined();
    expect(findings.findings.map((f) => f.format)).toEqual(expect.arrayContaining(['KML', 'XLSX', 'DCAT', 'Atom', 'OpenAPI']));
  });

  it('drops the self-hosted Matomo calls', () => {
    expect(JSON.stringify(findings)).not.toContain('matomo');
  });
});

describe('tracking page (pixels, beacons, analytics, share links)', () => {
  const { urls, findings } = loadPage('tracking');

  it('reports only the real data: one CSV (tracking parameters removed) and one API', () => {
    expect(findings.findings.map((f) => f.url)).toEqual(['https://www.exempel.se/api/nyheter/senaste?antal=5', 'https://www.exempel.se/data/budget-2026.csv?version=2']);
    expect(urls.seen.entries).toBe(18);
  });
});

describe('what leaves the page', () => {
  const { urls, html } = loadPage('agency');

  it('is URLs and counts only, and the schema refuses anything else', () => {
    expect(PageUrlsSchema.safeParse(urls).success).toBe(true);
    expect(Object.keys(urls).sort()).toEqual(['apiDocs', 'feeds', 'links', 'requests', 'seen']);
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(urls);
    for (const s of strings) expect(s).toMatch(/^https?:\/\/[^\s]+$/);
    // No page text, link text, title or attribute other than the href.
    const json = JSON.stringify(urls);
    for (const text of ['19121212', 'hemlig', 'Skattesatser (CSV)', 'Inkomststatistik 2025', 'Kommunalskatten', '202100-5448', 'Nyheter', 'data-source']) {
      expect(html).toContain(text);
      expect(json).not.toContain(text);
    }
    // A page-side script that tried to add text (or headers, timings) is refused.
    expect(PageUrlsSchema.safeParse({ ...urls, text: 'Kommunalskatten' }).success).toBe(false);
    expect(PageUrlsSchema.safeParse({ ...urls, requests: [{ url: 'https://x.se/api', count: 1, duration: 3 }] }).success).toBe(false);
    expect(PageUrlsSchema.safeParse({ ...urls, links: ['Kommunalskatten'] }).success).toBe(false);
    expect(PageUrlsSchema.safeParse({ ...urls, links: ['javascript:alert(1)'] }).success).toBe(false);
  });
});

describe('a generated page with 10 000 links', () => {
  function bigPage(n: number): string {
    const parts: string[] = ['<!DOCTYPE html><html><head><title>Stor sida</title></head><body><main>'];
    for (let i = 0; i < n; i++) {
      if (i % 100 === 50) parts.push(`<a href="/data/serie-${i}.csv?utm_source=x">Serie ${i}</a>`);
      else if (i % 250 === 7) parts.push(`<a href="/api/v1/serier/${i}">API ${i}</a>`);
      else parts.push(`<a href="/sida/${i}/underavdelning-${i % 37}">Sida ${i}</a>`);
    }
    parts.push('</main></body></html>');
    return parts.join('\n');
  }
  const entries = Array.from({ length: 5000 }, (_, i) => ({
    name: i % 2 ? `https://www.exempel.se/api/v2/matning/${i}?t=${i}` : `https://www.exempel.se/bilder/${i}.png`,
    initiatorType: i % 2 ? 'fetch' : 'img',
  }));

  it('looks at no more than the limits, stays bounded, and is fast', () => {
    const doc = docOf(bigPage(10_000));
    const t0 = performance.now();
    const urls = collectPageUrls(doc, 'https://www.exempel.se/', entries);
    const collectMs = performance.now() - t0;
    const t1 = performance.now();
    const found = extractFindings(urls, 'https://www.exempel.se/');
    const extractMs = performance.now() - t1;
    console.log(`10 000 links + 5 000 resource entries: collect ${collectMs.toFixed(1)} ms, extract ${extractMs.toFixed(1)} ms (linkedom, Node)`);
    expect(urls.seen.links).toBe(PAGE_DATA_LIMITS.maxLinks);
    expect(urls.seen.entries).toBe(PAGE_DATA_LIMITS.maxEntries);
    expect(urls.seen.truncated).toBe(true);
    // 50 CSV links and 20 API links in the first 5 000; every request URL was distinct, so the kept list is capped.
    expect(urls.links.filter((u) => u.endsWith('.csv'))).toHaveLength(50);
    expect(urls.requests.length).toBeLessThanOrEqual(PAGE_DATA_LIMITS.maxKept);
    // The measurement calls (1 500 read, the first 1 000 distinct URLs kept) are one endpoint.
    const api = found.findings.find((f) => f.id === 'https://www.exempel.se/api/v2/matning/{n}');
    expect(api?.requests).toBe(1000);
    expect(found.findings.length).toBeLessThanOrEqual(300);
    // A generous ceiling (the budget itself is measured in the benchmark, not by timed tests).
    expect(collectMs + extractMs).toBeLessThan(2000);
  });
});

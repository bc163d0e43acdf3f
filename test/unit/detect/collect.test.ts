// collectSignals on documents parsed by linkedom (no vitest DOM environment needed: the collector takes
// the Document as an argument, exactly as the CLI will for a saved page).
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../lib/detect/collect.ts';
import { buildDirectory } from '../../../lib/detect/directory.ts';
import { hasSignal, type Signals } from '../../../lib/detect/signals.ts';
import { SignalsSchema } from '../../../lib/detect/schema.ts';
import { fixture, loc, P, page, parse, withHostileRealm } from './helpers.ts';

const collect = (html: string, url: string, limits?: Parameters<typeof collectSignals>[2]): Signals =>
  collectSignals(parse(html), loc(url), limits);

describe('collectSignals on fixture pages', () => {
  it('agency page: JSON-LD GovernmentOrganization, footer org number, accessibility link, meta', () => {
    const s = collect(fixture('agency-skatteverket.html'), 'https://www.skatteverket.se/privat/deklaration.4.html?q=personal#x');
    expect(s.url).toBe('https://www.skatteverket.se/privat/deklaration.4.html');
    expect(s.host).toBe('www.skatteverket.se');
    expect(s.path).toBe('/privat/deklaration.4.html');
    expect(s.orgNumbers).toEqual([
      { value: '2021005448', where: 'jsonld', labelled: true },
      { value: '2021005448', where: 'footer', labelled: true },
    ]);
    expect(s.jsonLd).toEqual([
      {
        type: 'GovernmentOrganization',
        name: 'Skatteverket',
        taxID: '202100-5448',
        url: 'https://www.skatteverket.se/',
        sameAs: ['https://www.wikidata.org/wiki/Q1416428'],
        from: 'jsonld',
      },
    ]);
    expect(s.links).toEqual([
      { kind: 'accessibility', href: 'https://www.skatteverket.se/omoss/omwebbplatsen/tillganglighetforskatteverketswebbplats.4.html' },
    ]);
    expect(s.meta).toEqual({ siteName: 'Skatteverket', generator: 'Sitevision' });
    expect(hasSignal(s)).toBe(true);
    expect(SignalsSchema.safeParse(s).success).toBe(true);
  });

  it('municipality page: nested #footer/[role=contentinfo] read once, <dt>/<dd> label, psidata link', () => {
    const s = collect(fixture('municipality-sitevision.html'), 'https://start.stockholm/parkering/');
    expect(s.orgNumbers).toEqual([{ value: '2120000142', where: 'footer', labelled: true }]);
    expect(s.links.map((l) => l.kind).sort()).toEqual(['accessibility', 'psidata']);
    expect(s.meta.generator).toBe('Sitevision 2025.04');
  });

  it('region page: DC.publisher, dcat link, Digg reporting link counts as accessibility', () => {
    const s = collect(fixture('region.html'), 'https://www.regionostergotland.se/vard');
    expect(s.orgNumbers).toEqual([{ value: '2321000040', where: 'footer', labelled: true }]);
    expect(s.meta.publisher).toBe('Region Östergötland');
    expect(s.links).toContainEqual({ kind: 'dcat', href: 'https://www.regionostergotland.se/datasets/dcat' });
    expect(s.links).toContainEqual({ kind: 'accessibility', href: 'https://www.digg.se/tdosanmalan' });
  });

  it('commercial page: company numbers collected but no signal worth a message', () => {
    const s = collect(fixture('commercial.html'), 'https://www.butiken.se/cyklar');
    // The footer names only a company number: the JSON-LD and last-links passes are skipped (budget).
    expect(s.orgNumbers).toEqual([{ value: '5561234567', where: 'footer', labelled: true }]);
    // The number in <main> ("Artikelnr 2021005448") is never read: only bounded regions are.
    expect(s.orgNumbers.some((o) => o.value === '2021005448')).toBe(false);
    expect(s.jsonLd).toEqual([]);
    expect(s.links).toEqual([]);
    expect(hasSignal(s)).toBe(false);
  });

  it('a company number in the footer stops the read: a later JSON-LD or last link is not looked at', () => {
    const html = (footer: string) =>
      `<!doctype html><html><head><title>x</title><script type="application/ld+json">{"@type":"GovernmentOrganization","name":"Myndigheten"}</script></head>` +
      `<body><main><p>x</p></main><footer>${footer}</footer><a href="/psidata">PSI</a></body></html>`;
    const company = collect(html('<p>Org.nr 556123-4567</p>'), 'https://www.butiken.se/');
    expect(company.jsonLd).toEqual([]);
    expect(company.links).toEqual([]);
    expect(hasSignal(company)).toBe(false);
    // Without a number in the footer (or with a public one) both passes run.
    for (const footer of ['<p>Kontakta oss</p>', '<p>Org.nr 202100-5448</p>']) {
      const s = collect(html(footer), 'https://www.butiken.se/');
      expect(s.jsonLd.map((o) => o.type)).toEqual(['GovernmentOrganization']);
      expect(s.links.map((l) => l.kind)).toEqual(['psidata']);
    }
  });

  it('municipal company: private number, but the accessibility link is a signal', () => {
    const s = collect(fixture('municipal-company.html'), 'https://www.exempelbostader.se/');
    expect(s.orgNumbers).toEqual([{ value: '5566778899', where: 'footer', labelled: true }]);
    expect(hasSignal(s)).toBe(true);
  });
});

describe('collectSignals: what it reads and what it does not', () => {
  it('reads <address> and #kontakt as contact regions, not inside a footer twice', () => {
    const s = collect(
      page({ body: '<address>Digg, Box 14, 851 02 Sundsvall. Org.nr 202100-6883</address>', footer: '<address>Org.nr 202100-5448</address>' }),
      'https://example.se/',
    );
    expect(s.orgNumbers).toEqual([
      { value: '2021005448', where: 'footer', labelled: true },
      { value: '2021006883', where: 'contact', labelled: true },
    ]);
  });

  it('skips hidden subtrees, scripts, styles and templates', () => {
    const s = collect(
      page({
        footer:
          '<p hidden>Org.nr 202100-5448</p><div style="display: none">Org.nr 202100-6883</div>' +
          '<script>var orgnr = "Org.nr 232100-0016";</script><style>/* Org.nr 212000-1355 */</style>' +
          '<template><p>Org.nr 202100-0837</p></template><p>Org.nr 212000-0142</p>',
      }),
      'https://example.se/',
    );
    expect(s.orgNumbers).toEqual([{ value: '2120000142', where: 'footer', labelled: true }]);
  });

  it('ignores a footer that is hidden as a whole', () => {
    const s = collect(page({ footer: '<p>x</p>' }).replace('<footer>', '<footer hidden>Org.nr 202100-5448'), 'https://example.se/');
    expect(s.orgNumbers).toEqual([]);
  });

  it('reads only the last three footer-like regions', () => {
    const cards = Array.from({ length: 10 }, (_, i) => `<div class="footer">Org.nr 2021${String(i).padStart(2, '0')}-0000</div>`).join('');
    const s = collect(page({ body: cards }), 'https://example.se/');
    expect(s.orgNumbers.map((o) => o.value)).toEqual(['2021070000', '2021080000', '2021090000']);
  });

  it('caps the text read per region (a huge footer costs no more than 20 kB)', () => {
    const filler = '<p>' + 'Lorem ipsum dolor sit amet. '.repeat(8000) + '</p>'; // ~220 kB
    const s = collect(page({ footer: 'Org.nr 202100-5448' + filler + 'Org.nr 202100-6883' }), 'https://example.se/');
    expect(s.orgNumbers).toEqual([{ value: '2021005448', where: 'footer', labelled: true }]);
  });

  it('caps the nodes visited per region', () => {
    const spans = '<span></span>'.repeat(5000);
    const s = collect(page({ footer: spans + 'Org.nr 202100-5448' }), 'https://example.se/');
    expect(s.orgNumbers).toEqual([]);
    const s2 = collect(page({ footer: spans + 'Org.nr 202100-5448' }), 'https://example.se/', { maxRegionNodes: 10_000 });
    expect(s2.orgNumbers).toHaveLength(1);
  });

  it('caps the number of links examined', () => {
    const links = Array.from({ length: 300 }, (_, i) => `<a href="/sida-${i}">Sida ${i}</a>`).join('');
    const s = collect(page({ footer: links + '<a href="/tillganglighet">Tillgänglighet</a>' }), 'https://example.se/');
    // The footer link is beyond the footer budget, but the targeted selector still finds it.
    expect(s.links).toEqual([{ kind: 'accessibility', href: 'https://example.se/tillganglighet' }]);
  });

  it('never collects personnummer', () => {
    const s = collect(page({ footer: 'Enskild firma Anna Andersson, org.nr 850101-1234, tel 070-123 45 67' }), 'https://example.se/');
    expect(s.orgNumbers).toEqual([]);
  });

  it('finds targeted links anywhere, resolves relative URLs, drops query and fragment', () => {
    const s = collect(
      page({
        head: '<link rel="alternate" type="application/rdf+xml" href="/datasets/dcat">',
        body:
          '<a href="https://www.dataportal.se/organisation/SE2021006883?tab=data#x">Våra data</a>' +
          '<a href="../psidata/index.html">PSI</a><a href="/om/tillg%C3%A4nglighet">T</a>' +
          '<a href="javascript:alert(1)//datasets/dcat">x</a><a href="/bygga/psidatabas-foo">nej</a>',
      }),
      'https://www.exempel.se/a/b/c?x=1',
    );
    // Document order; the javascript: URL and the /psidatabas-… page are not links of any kind.
    expect(s.links).toEqual([
      { kind: 'dcat', href: 'https://www.exempel.se/datasets/dcat' },
      { kind: 'dataportal-org', href: 'https://www.dataportal.se/organisation/SE2021006883' },
      { kind: 'psidata', href: 'https://www.exempel.se/a/psidata/index.html' },
      { kind: 'accessibility', href: 'https://www.exempel.se/om/tillg%C3%A4nglighet' },
    ]);
  });

  it('JSON-LD: nested publisher, PropertyValue identifier lists, dataportal sameAs, @type arrays', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      publisher: {
        '@type': ['Organization', 'GovernmentOrganization'],
        name: { '@value': 'Myndigheten för digital förvaltning', '@language': 'sv' },
        identifier: [
          { '@type': 'PropertyValue', propertyID: 'wikidata', value: 'Q97362830' },
          { '@type': 'PropertyValue', propertyID: 'orgnr', value: '202100-6883' },
        ],
        sameAs: 'http://dataportal.se/organisation/SE2021006883',
      },
    };
    const s = collect(page({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` }), 'https://www.digg.se/');
    expect(s.jsonLd).toEqual([
      {
        type: 'GovernmentOrganization',
        name: 'Myndigheten för digital förvaltning',
        identifier: '202100-6883',
        sameAs: ['http://dataportal.se/organisation/SE2021006883'],
        from: 'jsonld',
      },
    ]);
    expect(s.orgNumbers).toEqual([{ value: '2021006883', where: 'jsonld', labelled: true }]);
    expect(s.links).toEqual([{ kind: 'dataportal-org', href: 'http://dataportal.se/organisation/SE2021006883' }]);
  });

  it('JSON-LD: malformed, oversized and too many scripts are skipped without harm', () => {
    const org = (n: string) => `<script type="application/ld+json">{"@type":"GovernmentOrganization","taxID":"${n}"}</script>`;
    const big = `<script type="application/ld+json">{"@type":"GovernmentOrganization","taxID":"202100-0837","x":"${'y'.repeat(200_000)}"}</script>`;
    const head = '<script type="application/ld+json">{not json</script>' + big + org('202100-5448') + org('202100-6883') + org('212000-0142') + org('232100-0016');
    const s = collect(page({ head }), 'https://example.se/');
    // 5 scripts read: broken, too big, then three good ones; the sixth is beyond the cap.
    expect(s.orgNumbers.map((o) => o.value)).toEqual(['2021005448', '2021006883', '2120000142']);
  });

  it('microdata organisation with taxID', () => {
    const s = collect(
      page({
        footer:
          '<div itemscope itemtype="https://schema.org/GovernmentOrganization"><span itemprop="name">Region Östergötland</span>' +
          '<meta itemprop="taxID" content="232100-0040"><a itemprop="url" href="https://www.regionostergotland.se/">Webb</a></div>',
      }),
      'https://example.se/',
    );
    expect(s.jsonLd).toEqual([
      { type: 'GovernmentOrganization', name: 'Region Östergötland', taxID: '232100-0040', url: 'https://www.regionostergotland.se/', from: 'microdata' },
    ]);
    expect(s.orgNumbers).toContainEqual({ value: '2321000040', where: 'microdata', labelled: true });
  });

  it('org number in a meta tag', () => {
    const s = collect(page({ head: '<meta name="organisationsnummer" content="212000-1355">' }), 'https://goteborg.se/');
    expect(s.orgNumbers).toEqual([{ value: '2120001355', where: 'meta', labelled: true }]);
  });

  it('an empty or broken document gives empty signals, never throws', () => {
    expect(collect('', 'https://example.se/x')).toEqual({
      url: 'https://example.se/x',
      host: 'example.se',
      path: '/x',
      orgNumbers: [],
      jsonLd: [],
      links: [],
      meta: {},
    });
    const broken = { querySelectorAll: () => { throw new Error('boom'); } } as unknown as Document;
    expect(collectSignals(broken, loc('https://example.se/')).orgNumbers).toEqual([]);
    const nullLoc = null as unknown as { href: string; hostname: string; pathname: string };
    expect(() => collectSignals(parse('<p>x</p>'), nullLoc)).not.toThrow();
  });

  it('SPA route change: same document, new location', () => {
    const doc = parse(fixture('municipality-sitevision.html'));
    const a = collectSignals(doc, loc('https://start.stockholm/parkering/'));
    const b = collectSignals(doc, loc('https://start.stockholm/forskola/?ref=menu'));
    expect(a.path).toBe('/parkering/');
    expect(b.path).toBe('/forskola/');
    expect(b.url).toBe('https://start.stockholm/forskola/');
    expect(b.orgNumbers).toEqual(a.orgNumbers);
  });
});

describe('collectSignals on a hostile page', () => {
  it('still works when the page replaced Array.prototype methods and JSON.parse', () => {
    const doc = parse(fixture('agency-skatteverket.html'));
    const out = withHostileRealm(() => {
      // Sanity check of the harness: lib/detect code that does use Array methods is caught.
      let poisonBites = false;
      try {
        buildDirectory([P.skatteverket]);
      } catch (e) {
        poisonBites = /hostile/.test(String(e));
      }
      const s = collectSignals(doc, loc('https://www.skatteverket.se/'));
      return { s, signal: hasSignal(s), poisonBites };
    });
    expect(out.poisonBites).toBe(true);
    expect(out.s.orgNumbers).toEqual([
      { value: '2021005448', where: 'jsonld', labelled: true },
      { value: '2021005448', where: 'footer', labelled: true },
    ]);
    expect(out.s.jsonLd[0]?.name).toBe('Skatteverket');
    expect(out.signal).toBe(true);
  });

  it('a page with a getter that throws loses only that step', () => {
    const doc = parse(fixture('agency-skatteverket.html'));
    const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
    Object.defineProperty(scripts[0], 'textContent', { get: () => { throw new Error('hostile getter'); } });
    const s = collectSignals(doc, loc('https://www.skatteverket.se/'));
    expect(s.jsonLd).toEqual([]);
    expect(s.orgNumbers).toEqual([{ value: '2021005448', where: 'footer', labelled: true }]);
  });
});

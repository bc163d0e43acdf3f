// collectSignals reads a bounded part of the page with cheap lookups (see the header of collect.ts): footers
// by a short walk from the end of <body> (then page-wide tag/id/class lookups), contact regions by tag and id,
// region text from serialised HTML, links in the regions plus the last `maxTailLinks` anchors. These pin what
// that finds and what it leaves out.
import { describe, expect, it } from 'vitest';
import { collectSignals, DEFAULT_LIMITS } from '../../../lib/detect/collect.ts';
import { hasSignal, type Signals } from '../../../lib/detect/signals.ts';
import { loc, page, parse, withHostileRealm } from './helpers.ts';

const collect = (html: string, url = 'https://www.exempel.se/', limits?: Parameters<typeof collectSignals>[2]): Signals =>
  collectSignals(parse(html), loc(url), limits);

/** A body without any footer markup: header, main, then `tail`. */
const bare = (main: string, tail = '') =>
  `<!doctype html><html><head><title>x</title></head><body><header><a href="/">Start</a></header><main>${main}</main>${tail}</body></html>`;
const filler = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `<p><a href="/sida-${from + i}">Sida ${from + i}</a></p>`).join('');

describe('links: the regions, then the last anchors of the page', () => {
  it('finds a link among the last anchors of a page without any footer markup', () => {
    const s = collect(bare(filler(500) + '<div class="om"><a href="/om-webbplatsen/tillganglighet">Om</a><a href="/psidata">PSI</a></div>', filler(5, 900)));
    expect(s.orgNumbers).toEqual([]);
    expect(s.links).toEqual([
      { kind: 'accessibility', href: 'https://www.exempel.se/om-webbplatsen/tillganglighet' },
      { kind: 'psidata', href: 'https://www.exempel.se/psidata' },
    ]);
    expect(hasSignal(s)).toBe(true);
  });

  it('finds a link just before the footer, outside it', () => {
    const s = collect(page({ body: filler(300) + '<a href="/datasets/dcat">Öppna data</a>' + filler(20, 300), footer: '<p>Org.nr 212000-0142</p>' }));
    expect(s.links).toEqual([{ kind: 'dcat', href: 'https://www.exempel.se/datasets/dcat' }]);
  });

  it('leaves out a link further from the end than maxTailLinks anchors (the bound), unless the limit is raised', () => {
    const html = bare('<a href="/psidata">PSI</a>' + filler(DEFAULT_LIMITS.maxTailLinks + 10));
    expect(collect(html).links).toEqual([]);
    expect(collect(html, undefined, { maxTailLinks: 1000 }).links).toEqual([{ kind: 'psidata', href: 'https://www.exempel.se/psidata' }]);
  });

  it('reads footer link texts: an accessibility statement behind a plain URL is still one', () => {
    const s = collect(page({ footer: '<a href="/om-webbplatsen/a11y">Tillgänglighetsredogörelse</a><a href="/kakor">Kakor</a>' }));
    expect(s.links).toEqual([{ kind: 'accessibility', href: 'https://www.exempel.se/om-webbplatsen/a11y' }]);
  });

  it('does not read link texts outside the regions (the same link in <main> is no signal)', () => {
    const s = collect(page({ body: '<a href="/om-webbplatsen/a11y">Tillgänglighetsredogörelse</a>', footer: '<p>x</p>' }));
    expect(s.links).toEqual([]);
  });

  it('a DCAT <link> in <head> counts, other head links do not', () => {
    const s = collect(
      page({
        head: '<link rel="alternate" hreflang="en" href="/en/tillganglighet"><link rel="alternate" type="application/rdf+xml" href="https://data.exempel.se/datasets/dcat">',
      }),
    );
    expect(s.links).toEqual([{ kind: 'dcat', href: 'https://data.exempel.se/datasets/dcat' }]);
  });
});

describe('footer regions: found from the end of <body>', () => {
  it('a [role=contentinfo] element with no footer tag, id or class', () => {
    const s = collect(bare(filler(50), '<div class="sidfot" role="contentinfo"><p>Kommunen · Org.nr 212000-0142</p></div><script>var x = 1;</script>'));
    expect(s.orgNumbers).toEqual([{ value: '2120000142', where: 'footer', labelled: true }]);
  });

  it('a .footer element behind a cookie banner and scripts', () => {
    const banner = '<div id="cookies"><div><p>Vi använder kakor.</p><ul>' + '<li><label><input type="checkbox"> Val</label></li>'.repeat(20) + '</ul></div></div>';
    const s = collect(bare(filler(50), '<div class="footer"><p>Org.nr 212000-0142</p></div>' + banner + '<script></script><svg><g><path d="M0"/></g></svg>'));
    expect(s.orgNumbers).toEqual([{ value: '2120000142', where: 'footer', labelled: true }]);
  });

  it('the site footer, not the <footer>s of the article cards before it', () => {
    const cards = Array.from({ length: 5 }, (_, i) => `<article><h2>Nyhet</h2><footer>Publicerad 2026-01-0${i + 1} · ärende 212000-1355</footer></article>`).join('');
    const s = collect(page({ body: cards, footer: '<p>Göteborgs Stad · Org.nr 212000-1355</p>' }), 'https://goteborg.se/');
    expect(s.orgNumbers).toEqual([{ value: '2120001355', where: 'footer', labelled: true }]);
  });

  it('a <footer> far from the end (a long tail after it) is found by the page-wide lookup', () => {
    const tail = '<div id="app-modals">' + '<div><span>x</span></div>'.repeat(200) + '</div>';
    const s = collect(bare(filler(20), '<footer><p>Org.nr 202100-5448</p></footer>' + tail));
    expect(s.orgNumbers).toEqual([{ value: '2021005448', where: 'footer', labelled: true }]);
  });

  it('with no footer-like element near the end, #footer, then .footer elements anywhere', () => {
    const tail = '<div>' + '<div><span>x</span></div>'.repeat(200) + '</div>';
    expect(collect(bare('<div id="footer">Org.nr 202100-5448</div>' + filler(5), tail)).orgNumbers).toEqual([
      { value: '2021005448', where: 'footer', labelled: true },
    ]);
    expect(collect(bare('<div class="a footer b">Org.nr 202100-6883</div>' + filler(5), tail)).orgNumbers).toEqual([
      { value: '2021006883', where: 'footer', labelled: true },
    ]);
  });
});

describe('contact regions', () => {
  it('found by id: #kontakt', () => {
    const s = collect(page({ body: '<section id="kontakt"><h2>Kontakt</h2><p>Region Östergötland, 581 91 Linköping</p><p>Org.nr 232100-0040</p></section>', footer: '<p>x</p>' }));
    expect(s.orgNumbers).toEqual([{ value: '2321000040', where: 'contact', labelled: true }]);
  });

  it('found by id: #contact, and an <address> inside it is read once', () => {
    const s = collect(page({ body: '<div id="contact"><address>Org.nr 202100-6883</address><p>Tel 08-123 45 67</p></div><address>Org.nr 202100-5448</address>' }));
    expect(s.orgNumbers.map((o) => `${o.value} ${o.where}`).sort()).toEqual(['2021005448 contact', '2021006883 contact']);
  });

  it('a hidden contact section is not read', () => {
    const s = collect(page({ body: '<div id="kontakt" hidden>Org.nr 202100-6883</div>' }));
    expect(s.orgNumbers).toEqual([]);
  });
});

describe('region text from serialised HTML', () => {
  it('keeps text nodes apart at tags and reads entities as text', () => {
    const s = collect(page({ footer: '<p>Box 123<br>171 94 Solna</p><p>Org.nr&nbsp;202100-5448 &amp; <span>Momsreg.nr</span> SE202100544801</p>' }));
    expect(s.orgNumbers).toEqual([{ value: '2021005448', where: 'footer', labelled: true }]);
  });

  it('a number split over two elements is read as two parts, as before', () => {
    const s = collect(page({ footer: '<span>Org.nr 202100</span><span>5448</span>' }));
    expect(s.orgNumbers).toEqual([{ value: '2021005448', where: 'footer', labelled: true }]);
  });

  it('skips comments, scripts, svg, templates, noscript and iframes without a node walk', () => {
    const s = collect(
      page({
        footer:
          '<!-- Org.nr 202100-0837 --><script>var o = "Org.nr 232100-0016";</script><svg><title>Org.nr 212000-1355</title></svg>' +
          '<template><p>Org.nr 202100-6883</p></template><noscript>Org.nr 212000-1124</noscript><p>Org.nr 212000-0142</p>',
      }),
    );
    expect(s.orgNumbers).toEqual([{ value: '2120000142', where: 'footer', labelled: true }]);
  });

  it('a region with inline styles is walked node by node: display:none still hides, other styles do not', () => {
    const s = collect(page({ footer: '<p style="DISPLAY : none">Org.nr 202100-5448</p><p style="color: red">Org.nr 212000-0142</p>' }));
    expect(s.orgNumbers).toEqual([{ value: '2120000142', where: 'footer', labelled: true }]);
  });

  it('an attribute value with ">" or a number is not text', () => {
    const s = collect(page({ footer: '<a title="a > b 202100-5448" href="/x/202100-6883">Hem</a><p>Org.nr 212000-0142</p>' }));
    expect(s.orgNumbers).toEqual([{ value: '2120000142', where: 'footer', labelled: true }]);
  });
});

describe('structured data', () => {
  it('JSON-LD at the end of <body> is read', () => {
    const ld = '<script type="application/ld+json">{"@type":"GovernmentOrganization","name":"Kiruna kommun","taxID":"212000-2783"}</script>';
    const s = collect(page({ footer: '<p>x</p>' }).replace('</body>', ld + '</body>'));
    expect(s.orgNumbers).toEqual([{ value: '2120002783', where: 'jsonld', labelled: true }]);
  });

  it('microdata on the page header and on the footer element itself is read; in <main> it is not', () => {
    const md = (tax: string) =>
      `itemscope itemtype="https://schema.org/GovernmentOrganization"><meta itemprop="name" content="X"><meta itemprop="taxID" content="${tax}">`;
    const html =
      `<!doctype html><html><head></head><body><header><div ${md('202100-5448')}</div></header>` +
      `<main><div ${md('202100-6883')}</div></main><footer ${md('212000-0142')}</footer></body></html>`;
    const s = collect(html);
    expect(s.orgNumbers.filter((o) => o.where === 'microdata').map((o) => o.value)).toEqual(['2021005448', '2120000142']);
  });

  it('a hostile realm does not reach the new paths either (footer walk, tail links, contact ids)', () => {
    const doc = parse(page({ body: '<section id="kontakt">Org.nr 232100-0040</section>' + filler(10), footer: '<a href="/tillganglighet">T</a>' }));
    const s = withHostileRealm(() => collectSignals(doc, loc('https://www.exempel.se/')));
    expect(s.orgNumbers).toEqual([{ value: '2321000040', where: 'contact', labelled: true }]);
    expect(s.links).toEqual([{ kind: 'accessibility', href: 'https://www.exempel.se/tillganglighet' }]);
  });
});

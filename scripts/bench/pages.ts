// Fixture pages for the benchmark, generated at start into a temp dir (never committed): a large
// public-sector page, a commercial .se page and a page outside .se, plus one small page per known
// body for the answer-speed and registry-load runs. Deterministic (seeded), plain HTML, no scripts,
// so every millisecond of script time in a trace belongs to an extension.

export interface PageSpec {
  /** Hostname the page is served under (mapped to the local server by --host-resolver-rules). */
  host: string;
  /** Title / site name. */
  site: string;
  /** Footer line carrying the organisation number, e.g. `Organisationsnummer: 202100-5448`. */
  footer: string;
  /** Approximate number of elements in <body>. */
  elements: number;
  lang?: string;
  /** Extra <head> markup (og:site_name, …). */
  head?: string;
  seed?: number;
  /**
   * Links in the footer's "about this site" column, as HTML list items. Default: the usual public-sector
   * set (accessibility statement, cookies, personal data).
   */
  aboutLinks?: string;
  /** Words per paragraph multiplier (default 1): with 1, about 100 bytes of HTML per element. */
  textScale?: number;
}

export interface GeneratedPage {
  html: string;
  bytes: number;
  /** Elements in the document (counted while generating, incl. html/head/body). */
  elements: number;
}

const WORDS = (
  'skatt deklaration folkbokföring inkomst avdrag arbetsgivare moms företag privatperson tjänst ansökan beslut ' +
  'handläggning e-tjänst blankett regler information kontakt öppettider service medborgare kommun region myndighet ' +
  'trafik resa vägar järnväg försäkring ersättning barn familj bostad miljö klimat hälsa vård skola utbildning ' +
  'statistik rapport publikation uppdrag regeringen lag förordning remiss yttrande nyheter pressmeddelande'
).split(' ');

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A page of roughly `spec.elements` elements: header with navigation, a main column of article cards
 * (heading, paragraphs with inline links and emphasis, lists, now and then a table), an aside, and a
 * footer with contact details, the organisation number and the usual links. About 100 bytes per element,
 * like real CMS output.
 */
export function generatePage(spec: PageSpec): GeneratedPage {
  const rnd = prng(spec.seed ?? 1);
  const pick = (): string => WORDS[Math.floor(rnd() * WORDS.length)] as string;
  const scale = spec.textScale ?? 1;
  const words = (n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick());
    return out.join(' ');
  };
  let elements = 3; // html, head, body
  const parts: string[] = [];
  const el = (s: string, count = 1): void => {
    parts.push(s);
    elements += count;
  };

  el(`<header class="site-header"><div class="container"><a class="logo" href="/">${escapeHtml(spec.site)}</a>`, 3);
  el('<nav aria-label="Huvudmeny"><ul class="menu">', 2);
  for (let i = 0; i < 12; i++) el(`<li class="menu-item"><a href="/${pick()}/${pick()}">${escapeHtml(words(2))}</a></li>`, 2);
  el('</ul></nav></div></header>', 0);
  el('<div class="page"><main id="main" class="content">', 2);
  el(`<h1>${escapeHtml(words(4))}</h1>`);

  // Reserve about 60 elements for the aside and footer.
  const target = Math.max(100, spec.elements - 60);
  let card = 0;
  while (elements < target) {
    card++;
    el(`<article class="card" id="a${card}"><div class="card-body">`, 2);
    el(`<h2 class="card-title"><a href="/artikel/${card}">${escapeHtml(words(5))}</a></h2>`, 2);
    const paragraphs = 2 + Math.floor(rnd() * 3);
    for (let p = 0; p < paragraphs; p++) {
      el(
        `<p>${escapeHtml(words(Math.round(24 * scale)))} <a href="/${pick()}/${card}-${p}">${escapeHtml(words(2))}</a> ${escapeHtml(words(Math.round(15 * scale)))} ` +
          `<strong>${escapeHtml(words(2))}</strong> ${escapeHtml(words(Math.round(20 * scale)))}.</p>`,
        3,
      );
    }
    if (card % 3 === 0) {
      el('<ul class="links">', 1);
      for (let i = 0; i < 5; i++) el(`<li><a href="/${pick()}/${pick()}-${card}-${i}">${escapeHtml(words(4))}</a> <span class="meta">${escapeHtml(words(3))}</span></li>`, 3);
      el('</ul>', 0);
    }
    if (card % 10 === 0) {
      el('<table class="data"><thead><tr><th>År</th><th>Antal</th><th>Andel</th></tr></thead><tbody>', 7);
      for (let r = 0; r < 6; r++) el(`<tr><td>${2015 + r}</td><td>${Math.floor(rnd() * 100000)}</td><td>${(rnd() * 100).toFixed(1)} %</td></tr>`, 4);
      el('</tbody></table>', 0);
    }
    el(`<div class="card-footer"><time datetime="2026-0${1 + (card % 9)}-1${card % 10}">${1 + (card % 28)} ${pick()}</time> <span class="tag">${escapeHtml(pick())}</span></div>`, 3);
    el('</div></article>', 0);
  }
  el('</main><aside class="sidebar"><h2>Genvägar</h2><ul>', 3);
  for (let i = 0; i < 8; i++) el(`<li><a href="/genvag/${i}">${escapeHtml(words(3))}</a></li>`, 2);
  el('</ul></aside></div>', 0);
  el('<footer class="site-footer" role="contentinfo"><div class="container"><div class="cols">', 3);
  el(`<div class="col"><h2>Kontakt</h2><p>${escapeHtml(spec.site)}<br>Box 123<br>171 94 Solna</p><p>Telefon 0771-567 567</p></div>`, 6);
  const about =
    spec.aboutLinks ??
    '<li><a href="/om/tillganglighet">Tillgänglighetsredogörelse</a></li><li><a href="/om/kakor">Kakor</a></li><li><a href="/om/personuppgifter">Personuppgifter</a></li>';
  el(`<div class="col"><h2>Om webbplatsen</h2><ul>${about}</ul></div>`, 3 + 2 * (about.match(/<li>/g)?.length ?? 0));
  el(`<div class="col"><p class="orgnr">${escapeHtml(spec.footer)}</p></div>`, 2);
  el('</div></div></footer>', 0);

  const html =
    `<!doctype html>\n<html lang="${spec.lang ?? 'sv'}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(spec.site)}</title>\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n${spec.head ?? ''}\n` +
    '<style>body{font-family:sans-serif;margin:0}.container,.page{max-width:70rem;margin:0 auto}.card{border-bottom:1px solid #ddd;padding:.5rem 0}' +
    '.menu{display:flex;flex-wrap:wrap;gap:1rem;list-style:none}.site-footer{background:#eee;padding:1rem}</style>\n' +
    `</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
  return { html, bytes: Buffer.byteLength(html), elements: elements + 5 };
}

/** Bodies of the registry stub (test/support/registry-data.ts) with the page each is recognised on. */
export interface BodyPage {
  key: string;
  name: string;
  host: string;
  orgNumber: string;
}

export function formatOrg(n: string): string {
  return `${n.slice(0, 6)}-${n.slice(6)}`;
}

// The page table: realistic pages through the whole detection path (collectSignals → hasSignal → resolve)
// against a small directory of real publishers. Each case pins the body (or none), status, confidence
// and the reason codes the user will read.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../lib/detect/collect.ts';
import { resolve } from '../../../lib/detect/resolve.ts';
import type { Correction, Confidence, OrgType, ResolutionStatus } from '../../../lib/detect/resolve.ts';
import type { ReasonCode } from '../../../lib/detect/reasons.ts';
import { ResolutionSchema } from '../../../lib/detect/schema.ts';
import { hasSignal } from '../../../lib/detect/signals.ts';
import { BY_URI, codes, DIRECTORY, fixture, loc, P, page, parse, run, withHostileRealm } from './helpers.ts';

interface Want {
  status: ResolutionStatus;
  publisher?: string;
  orgNumber?: string;
  type?: OrgType;
  /** sv ?? any name */
  name?: string;
  hasPublished?: boolean;
  confidence: Confidence;
  reasons: ReasonCode[];
  conflicts?: ReasonCode[];
  /** Would the content script send a message? */
  signal: boolean;
  candidates?: string[];
}

interface Case {
  name: string;
  url: string;
  html: string;
  correction?: Correction;
  want: Want;
}

const f = (footer: string, extra: { head?: string; body?: string } = {}) => page({ footer, ...extra });
const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const A11Y = '<a href="/om-webbplatsen/tillganglighetsredogorelse">Tillgänglighetsredogörelse</a>';

const CASES: Case[] = [
  // ── State agencies ───────────────────────────────────────────────────────────────────────────────
  {
    name: 'agency: Skatteverket fixture (JSON-LD + footer + accessibility)',
    url: 'https://www.skatteverket.se/privat/deklaration.4.html',
    html: fixture('agency-skatteverket.html'),
    want: {
      status: 'matched', publisher: P.skatteverket.uri, orgNumber: '2021005448', type: 'agency', name: 'Skatteverket',
      hasPublished: true, confidence: 'high', signal: true,
      reasons: ['host-homepage', 'orgnr-jsonld', 'orgnr-footer', 'accessibility-link'],
    },
  },
  {
    name: 'agency: known host, page without any signal (badge from the hostname alone)',
    url: 'https://skatteverket.se/foretag',
    html: page({}),
    want: { status: 'matched', publisher: P.skatteverket.uri, type: 'agency', confidence: 'high', signal: false, reasons: ['host-homepage'] },
  },
  {
    name: 'agency: subdomain of a known host',
    url: 'https://blogg.digg.se/2025/oppna-data',
    html: page({}),
    want: { status: 'matched', publisher: P.digg.uri, type: 'agency', confidence: 'high', signal: false, reasons: ['host-parent'] },
  },
  {
    name: 'agency: English label "Corporate identity number" on an unknown host',
    url: 'https://en.example-mirror.se/about',
    html: f('<p>Agency for Digital Government · Corporate identity number: 202100-6883</p>'),
    want: { status: 'matched', publisher: P.digg.uri, type: 'agency', confidence: 'high', signal: true, reasons: ['orgnr-footer'] },
  },
  {
    name: 'agency: VAT number form in the footer of an unknown host',
    url: 'https://kampanj-deklarera.se/',
    html: f('<p>Skatteverket · Momsreg.nr SE202100544801</p>'),
    want: { status: 'matched', publisher: P.skatteverket.uri, confidence: 'high', signal: true, reasons: ['orgnr-footer'] },
  },
  {
    name: 'agency: number in <dl><dt>Organisationsnummer</dt><dd>…</dd>',
    url: 'https://statistikdatabasen.example.se/',
    html: f('<dl><dt>Organisationsnummer</dt><dd>202100-0837</dd></dl>'),
    want: { status: 'matched', publisher: P.scb.uri, confidence: 'high', signal: true, reasons: ['orgnr-footer'] },
  },
  {
    name: 'agency: AP fund (8-series, allow-listed) without a publisher',
    url: 'https://www.ap1.se/sv/om-ap1/',
    html: f('<p>Första AP-fonden, Box 16294, 103 25 Stockholm. Org.nr 802005-7538</p>', { head: '<meta property="og:site_name" content="Första AP-fonden">' }),
    want: {
      status: 'public-unpublished', orgNumber: '8020057538', type: 'agency', name: 'Första AP-fonden', hasPublished: false,
      confidence: 'high', signal: true, reasons: ['orgnr-footer', 'name-from-page', 'not-published'],
    },
  },
  {
    name: 'agency: body known only from an extra row (no dataportal publisher)',
    url: 'https://www.kammarkollegiet.se/vara-tjanster',
    html: page({}),
    want: { status: 'public-unpublished', orgNumber: '2021000829', type: 'agency', confidence: 'high', signal: false, reasons: ['host-homepage', 'not-published'] },
  },
  {
    name: 'agency: board hosted under another agency (extra row with a path prefix)',
    url: 'https://www.kammarkollegiet.se/alkoholsortimentsnamnden/beslut',
    html: page({}),
    want: { status: 'public-unpublished', orgNumber: '2021005943', type: 'agency', confidence: 'high', signal: false, reasons: ['host-path', 'not-published'] },
  },

  // ── Municipalities ───────────────────────────────────────────────────────────────────────────────
  {
    name: 'municipality: start.stockholm Sitevision fixture',
    url: 'https://start.stockholm/parkering/',
    html: fixture('municipality-sitevision.html'),
    want: {
      status: 'matched', publisher: P.stockholm.uri, orgNumber: '2120000142', type: 'municipality', name: 'Stockholms stad',
      confidence: 'high', signal: true, reasons: ['host-homepage', 'orgnr-footer', 'accessibility-link', 'psidata-link'],
    },
  },
  {
    name: 'municipality: old host stockholm.se still listed',
    url: 'https://www.stockholm.se/',
    html: page({}),
    want: { status: 'matched', publisher: P.stockholm.uri, type: 'municipality', confidence: 'high', signal: false, reasons: ['host-homepage'] },
  },
  {
    name: 'municipality: Göteborg under its homepage path',
    url: 'https://goteborg.se/wps/portal/start/avfall-och-atervinning',
    html: f('<p>Göteborgs Stad · Org.nr 212000-1355</p>'),
    want: { status: 'matched', publisher: P.goteborg.uri, type: 'municipality', confidence: 'high', signal: true, reasons: ['host-path', 'orgnr-footer'] },
  },
  {
    name: 'municipality: Göteborg outside its homepage path, number agrees',
    url: 'https://goteborg.se/kontakt',
    html: f('<p>Göteborgs Stad · Org.nr 212000-1355</p>'),
    want: { status: 'matched', publisher: P.goteborg.uri, confidence: 'high', signal: true, reasons: ['orgnr-footer', 'host-outside-prefix'] },
  },
  {
    name: 'municipality: Göteborg outside its homepage path, no other signal → medium',
    url: 'https://goteborg.se/kontakt',
    html: page({}),
    want: { status: 'matched', publisher: P.goteborg.uri, confidence: 'medium', signal: false, reasons: ['host-outside-prefix'] },
  },
  {
    name: 'municipality: kommun.kiruna.se → kiruna.se',
    url: 'https://kommun.kiruna.se/bo-och-bygga/',
    html: f('<p>Kiruna kommun, 981 85 Kiruna</p>'),
    want: { status: 'matched', publisher: P.kiruna.uri, type: 'municipality', confidence: 'high', signal: false, reasons: ['host-parent'] },
  },
  {
    name: 'municipality: publisher with no datasets',
    url: 'https://www.uppsala.se/',
    html: f('<p>Uppsala kommun · Organisationsnummer 212000-3005</p>' + A11Y),
    want: {
      status: 'matched', publisher: P.uppsala.uri, type: 'municipality', hasPublished: false, confidence: 'high', signal: true,
      reasons: ['host-homepage', 'orgnr-footer', 'not-published', 'accessibility-link'],
    },
  },
  {
    name: 'municipality: not on dataportal (Malmö), number and site name from the page',
    url: 'https://malmo.se/Service/Om-webbplatsen.html',
    html: f('<p>Malmö stad · 205 80 Malmö · Org.nr 212000-1124</p>' + A11Y, { head: '<meta property="og:site_name" content="Malmö stad">' }),
    want: {
      status: 'public-unpublished', orgNumber: '2120001124', type: 'municipality', name: 'Malmö stad', hasPublished: false,
      confidence: 'high', signal: true, reasons: ['orgnr-footer', 'name-from-page', 'not-published', 'accessibility-link'],
    },
  },
  {
    name: 'municipality: JSON-LD GovernmentOrganization with taxID, not on dataportal',
    url: 'https://lund.se/',
    html: page({ head: ld({ '@context': 'https://schema.org', '@type': 'GovernmentOrganization', name: 'Lunds kommun', taxID: '212000-1132' }) }),
    want: {
      status: 'public-unpublished', orgNumber: '2120001132', type: 'municipality', name: 'Lunds kommun', confidence: 'high', signal: true,
      reasons: ['orgnr-jsonld', 'name-from-page', 'not-published'],
    },
  },
  {
    name: 'municipality: org number in a meta tag',
    url: 'https://goteborg.se/wps/portal/start',
    html: page({ head: '<meta name="organisationsnummer" content="212000-1355">' }),
    want: { status: 'matched', publisher: P.goteborg.uri, confidence: 'high', signal: true, reasons: ['host-path', 'orgnr-meta'] },
  },

  // ── Regions ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'region: Region Stockholm',
    url: 'https://www.regionstockholm.se/verksamhet/',
    html: f('<p>Region Stockholm · Org.nr 232100-0016</p>'),
    want: { status: 'matched', publisher: P.regionStockholm.uri, type: 'region', confidence: 'high', signal: true, reasons: ['host-homepage', 'orgnr-footer'] },
  },
  {
    name: 'region: Region Östergötland fixture, not on dataportal (DC.publisher gives the name)',
    url: 'https://www.regionostergotland.se/vard',
    html: fixture('region.html'),
    want: {
      status: 'public-unpublished', orgNumber: '2321000040', type: 'region', name: 'Region Östergötland', confidence: 'high', signal: true,
      reasons: ['orgnr-footer', 'name-from-page', 'not-published', 'accessibility-link', 'dcat-link'],
    },
  },
  {
    name: 'region: microdata GovernmentOrganization',
    url: 'https://vardgivare.regionostergotland.se/',
    html: f('<div itemscope itemtype="https://schema.org/GovernmentOrganization"><span itemprop="name">Region Östergötland</span><meta itemprop="taxID" content="232100-0040"></div>'),
    want: {
      status: 'public-unpublished', orgNumber: '2321000040', type: 'region', name: 'Region Östergötland', confidence: 'high', signal: true,
      reasons: ['orgnr-microdata', 'name-from-page', 'not-published'],
    },
  },
  {
    name: 'region: unlabelled number in the footer → medium',
    url: 'https://www.regionostergotland.se/',
    html: f('<p>Region Östergötland 232100-0040</p>'),
    want: { status: 'public-unpublished', orgNumber: '2321000040', type: 'region', confidence: 'medium', signal: true, reasons: ['orgnr-unlabelled', 'not-published'] },
  },

  // ── Courts and county boards on shared hosts ─────────────────────────────────────────────────────
  {
    name: 'court: domstol.se/<court>/ with Domstolsverket\'s shared number (agrees)',
    url: 'https://www.domstol.se/goteborgs-tingsratt/om-tingsratten/',
    html: fixture('court-domstol.html'),
    want: {
      status: 'matched', publisher: P.goteborgsTingsratt.uri, orgNumber: '2021002742', type: 'agency', name: 'Göteborgs tingsrätt',
      confidence: 'high', signal: true, conflicts: [], reasons: ['host-path', 'orgnr-footer', 'accessibility-link'],
    },
  },
  {
    name: 'court: a court without its own publisher falls to Domstolsverket (whole-host entry)',
    url: 'https://www.domstol.se/malmo-tingsratt/',
    html: fixture('court-domstol.html'),
    want: { status: 'matched', publisher: P.domstolsverket.uri, confidence: 'high', signal: true, reasons: ['host-homepage', 'orgnr-footer', 'accessibility-link'] },
  },
  {
    name: 'county board: lansstyrelsen.se/stockholm',
    url: 'https://www.lansstyrelsen.se/stockholm/natur-och-landsbygd.html',
    html: f('<p>Länsstyrelsen Stockholm · Org.nr 202100-2247</p>'),
    want: { status: 'matched', publisher: P.lstStockholm.uri, type: 'agency', confidence: 'high', signal: true, reasons: ['host-path', 'orgnr-footer'] },
  },
  {
    name: 'county board: lansstyrelsen.se/skane/ (prefix registered with trailing slash)',
    url: 'https://www.lansstyrelsen.se/skane/',
    html: page({}),
    want: { status: 'matched', publisher: P.lstSkane.uri, confidence: 'high', signal: false, reasons: ['host-path'] },
  },
  {
    name: 'county board: shared root page names no one → none with candidates',
    url: 'https://www.lansstyrelsen.se/',
    html: page({}),
    want: { status: 'none', confidence: 'low', signal: false, reasons: ['host-shared'], candidates: [P.lstSkane.uri, P.lstStockholm.uri].sort() },
  },
  {
    name: 'county board: län without a publisher, number in the footer',
    url: 'https://www.lansstyrelsen.se/uppsala/om-oss.html',
    html: f('<p>Länsstyrelsen Uppsala län · Organisationsnummer: 202100-2254</p>'),
    want: {
      status: 'public-unpublished', orgNumber: '2021002254', type: 'agency', confidence: 'high', signal: true,
      reasons: ['orgnr-footer', 'not-published'], candidates: [P.lstSkane.uri, P.lstStockholm.uri].sort(),
    },
  },
  {
    name: 'county board: prefix matches whole segments only (/stockholmsomradet is not /stockholm)',
    url: 'https://www.lansstyrelsen.se/stockholmsomradet/',
    html: page({}),
    want: { status: 'none', confidence: 'low', signal: false, reasons: ['host-shared'], candidates: [P.lstSkane.uri, P.lstStockholm.uri].sort() },
  },

  // ── Other public bodies ──────────────────────────────────────────────────────────────────────────
  {
    name: 'other public body: Kolada (222000-)',
    url: 'https://www.kolada.se/',
    html: f('<p>RKA · Org.nr 222000-0315</p>'),
    want: { status: 'matched', publisher: P.kolada.uri, type: 'other-public', confidence: 'high', signal: true, reasons: ['host-homepage', 'orgnr-footer'] },
  },
  {
    name: 'dataportal organisation link names the body',
    url: 'https://www.rka.nu/om-oss',
    html: f('<a href="https://www.dataportal.se/organisation/SE2220000315">Våra öppna data på dataportal.se</a>'),
    want: { status: 'matched', publisher: P.kolada.uri, type: 'other-public', confidence: 'high', signal: true, reasons: ['dataportal-link'] },
  },
  {
    name: 'dataportal link in JSON-LD sameAs',
    url: 'https://oppnadata.example.se/',
    html: page({ head: ld({ '@type': 'Organization', name: 'SCB', sameAs: ['https://www.dataportal.se/organisation/SE2021000837'] }) }),
    want: { status: 'matched', publisher: P.scb.uri, confidence: 'high', signal: true, reasons: ['dataportal-link'] },
  },
  {
    name: 'DCAT catalogue link to a known host from another host → medium',
    url: 'https://statistik-portal.example.se/',
    html: f('<a href="https://www.scb.se/datasets/dcat">Katalog</a>'),
    want: { status: 'matched', publisher: P.scb.uri, confidence: 'medium', signal: true, reasons: ['dcat-link-host'] },
  },

  // ── Companies, parishes, nothing ─────────────────────────────────────────────────────────────────
  {
    name: 'commercial .se with a private org number → none, no message',
    url: 'https://www.butiken.se/cyklar',
    html: fixture('commercial.html'),
    want: { status: 'none', confidence: 'medium', signal: false, reasons: ['orgnr-private'] },
  },
  {
    name: 'municipal company (556…) not on dataportal → none',
    url: 'https://www.exempelbostader.se/',
    html: fixture('municipal-company.html'),
    want: { status: 'none', confidence: 'low', signal: true, reasons: ['orgnr-private', 'accessibility-link'] },
  },
  {
    name: 'company that publishes on dataportal → matched, type from ADMS (Company → unknown)',
    url: 'https://www.exempelenergi.se/om-oss',
    html: f('<p>Exempel Energi AB · Org.nr 556900-1232</p>'),
    want: { status: 'matched', publisher: P.energibolag.uri, type: 'unknown', confidence: 'high', signal: false, reasons: ['host-homepage', 'orgnr-footer'] },
  },
  {
    name: 'parish (group 2, not a known prefix) → none',
    url: 'https://www.svenskakyrkan.se/exempel',
    html: f('<p>Exempels församling · Org.nr 252002-1235</p>'),
    want: { status: 'none', confidence: 'medium', signal: true, reasons: ['orgnr-group2-unlisted'] },
  },
  {
    name: 'plain page on an unknown host → none',
    url: 'https://www.example.com/',
    html: page({ footer: '<p>© 2026 Example</p>' }),
    want: { status: 'none', confidence: 'low', signal: false, reasons: ['no-signal'] },
  },
  {
    name: 'personnummer in a sole trader footer is never used',
    url: 'https://www.annas-frisor.se/',
    html: f('<p>Annas Frisör, org.nr 850101-1234</p>'),
    want: { status: 'none', confidence: 'low', signal: false, reasons: ['no-signal'] },
  },

  // ── Bad check digits ────────────────────────────────────────────────────────────────────────────
  {
    name: 'bad check digit on an unknown host → none, listed as a conflict',
    url: 'https://www.exempelkommun.se/',
    html: f('<p>Org.nr 212000-0143</p>'),
    want: { status: 'none', confidence: 'low', signal: false, reasons: ['no-signal'], conflicts: ['orgnr-bad-check'] },
  },
  {
    name: 'bad check digit on a known host → host wins, conflict listed',
    url: 'https://www.skatteverket.se/',
    html: f('<p>Org.nr 202100-5449</p>'),
    want: { status: 'matched', publisher: P.skatteverket.uri, confidence: 'high', signal: false, reasons: ['host-homepage'], conflicts: ['orgnr-bad-check'] },
  },
  {
    name: 'pseudo-number 202100-2745 ("Tingsrätter") is not an org number',
    url: 'https://www.exempel-domstolar.se/',
    html: f('<p>Tingsrätter org.nr 202100-2745</p>'),
    want: { status: 'none', confidence: 'low', signal: false, reasons: ['no-signal'], conflicts: ['orgnr-bad-check'] },
  },

  // ── Several numbers / disagreements ─────────────────────────────────────────────────────────────
  {
    name: 'two org numbers: labelled footer wins over an unlabelled contact number',
    url: 'https://malmo.se/kontakt',
    html: f('<p>Malmö stad · Org.nr 212000-1124</p>', { body: '<address>Skatteverket 202100-5448, Malmö</address>' }),
    want: {
      status: 'public-unpublished', orgNumber: '2120001124', type: 'municipality', confidence: 'high', signal: true,
      reasons: ['orgnr-footer', 'not-published'], conflicts: ['orgnr-unlabelled'],
    },
  },
  {
    name: 'two labelled numbers of equal weight → first wins, lower confidence, other listed',
    url: 'https://samverkan.example.se/',
    html: f('<p>Stockholms stad org.nr 212000-0142</p><p>Region Stockholm org.nr 232100-0016</p>'),
    want: {
      status: 'matched', publisher: P.stockholm.uri, confidence: 'medium', signal: true, reasons: ['orgnr-footer'], conflicts: ['orgnr-footer'],
    },
  },
  {
    name: 'JSON-LD names another body than the host → host wins, JSON-LD in conflicts',
    url: 'https://www.skatteverket.se/samarbeten',
    html: page({ head: ld({ '@type': 'GovernmentOrganization', name: 'Digg', taxID: '202100-6883' }) }),
    want: {
      status: 'matched', publisher: P.skatteverket.uri, confidence: 'high', signal: true,
      reasons: ['host-homepage'], conflicts: ['orgnr-jsonld'],
    },
  },
  {
    name: 'org number beats a parent-domain match',
    url: 'https://kampanj.digg.se/',
    html: f('<p>En kampanj från Skatteverket, org.nr 202100-5448</p>'),
    want: { status: 'matched', publisher: P.skatteverket.uri, confidence: 'high', signal: true, reasons: ['orgnr-footer'], conflicts: ['host-parent'] },
  },
  {
    name: 'agency page listing several dataportal organisations → host wins, links are conflicts',
    url: 'https://www.digg.se/dataportal/organisationer',
    html: f('<a href="https://www.dataportal.se/organisation/SE2021000837">SCB</a><a href="https://www.dataportal.se/organisation/SE2220000315">Kolada</a>'),
    want: { status: 'matched', publisher: P.digg.uri, confidence: 'high', signal: true, reasons: ['host-homepage'], conflicts: ['dataportal-link', 'dataportal-link'] },
  },

  // ── Weak signals alone ──────────────────────────────────────────────────────────────────────────
  {
    name: 'accessibility statement link only → none, low, "looks public"',
    url: 'https://www.exempelskolan.se/',
    html: f(A11Y),
    want: { status: 'none', confidence: 'low', signal: true, reasons: ['accessibility-link', 'no-body-named'] },
  },
  {
    name: 'own DCAT link + accessibility link, no number → none, low',
    url: 'https://www.exempelforbund.se/',
    html: f('<a href="/datasets/dcat">Öppna data</a>' + A11Y),
    want: { status: 'none', confidence: 'low', signal: true, reasons: ['accessibility-link', 'dcat-link', 'no-body-named'] },
  },
  {
    name: 'psidata link only → none, low',
    url: 'https://www.arvika-exempel.se/',
    html: f('<a href="/psidata">PSI-data</a>'),
    want: { status: 'none', confidence: 'low', signal: true, reasons: ['psidata-link', 'no-body-named'] },
  },
  {
    name: 'GovernmentOrganization JSON-LD without identifier → none, low',
    url: 'https://www.okand-myndighet.se/',
    html: page({ head: ld({ '@type': 'GovernmentOrganization', name: 'Okänd nämnd' }) }),
    want: { status: 'none', confidence: 'low', signal: true, reasons: ['jsonld-government', 'no-body-named'] },
  },

  // ── Hidden content, hostile content, huge footer ────────────────────────────────────────────────
  {
    name: 'hidden footer paragraph with another body\'s number is ignored',
    url: 'https://malmo.se/',
    html: f('<p hidden>Org.nr 202100-5448</p><p>Malmö stad org.nr 212000-1124</p>'),
    want: { status: 'public-unpublished', orgNumber: '2120001124', confidence: 'high', signal: true, reasons: ['orgnr-footer', 'not-published'], conflicts: [] },
  },
  {
    name: 'huge footer: the number beyond the 20 kB cap is not read',
    url: 'https://www.exempelkommun.se/',
    html: f('<p>' + 'Nyheter och evenemang. '.repeat(2000) + '</p><p>Org.nr 212000-0142</p>'),
    want: { status: 'none', confidence: 'low', signal: false, reasons: ['no-signal'] },
  },

  // ── User corrections ────────────────────────────────────────────────────────────────────────────
  {
    name: 'correction: user marks a known agency site as not public → detection kept as conflicts',
    url: 'https://www.skatteverket.se/',
    html: fixture('agency-skatteverket.html'),
    correction: { kind: 'not-public' },
    want: { status: 'not-public-by-user', confidence: 'high', signal: true, reasons: ['user-not-public'], conflicts: ['host-homepage', 'orgnr-jsonld', 'orgnr-footer'] },
  },
  {
    name: 'correction: user picks Digg on an unknown site',
    url: 'https://www.exempel-projekt.se/',
    html: page({}),
    correction: { kind: 'org', publisherUri: P.digg.uri },
    want: { status: 'matched', publisher: P.digg.uri, name: 'Myndigheten för digital förvaltning', type: 'agency', confidence: 'high', signal: false, reasons: ['user-correction'] },
  },
  {
    name: 'correction: user overrides a host match; detection becomes a conflict',
    url: 'https://www.lansstyrelsen.se/stockholm/',
    html: page({}),
    correction: { kind: 'org', publisherUri: P.lstSkane.uri },
    want: { status: 'matched', publisher: P.lstSkane.uri, confidence: 'high', signal: false, reasons: ['user-correction'], conflicts: ['host-path'] },
  },
  {
    name: 'correction: user names a body without a publisher',
    url: 'https://malmo.se/',
    html: f('<p>Org.nr 212000-1124</p>'),
    correction: { kind: 'org', publisherUri: 'http://dataportal.se/organisation/SE2120001124', orgNumber: '212000-1124', name: 'Malmö stad' },
    want: {
      status: 'public-unpublished', orgNumber: '2120001124', type: 'municipality', name: 'Malmö stad', confidence: 'high', signal: true,
      reasons: ['user-correction', 'orgnr-footer', 'not-published'],
    },
  },
];

describe('page table: collectSignals → resolve', () => {
  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { signals, resolution: r } = run(c.html, c.url, { correction: c.correction });
    const w = c.want;
    expect(r.status).toBe(w.status);
    expect(r.org?.publisherUri).toBe(w.publisher);
    if (w.orgNumber !== undefined) expect(r.org?.orgNumber).toBe(w.orgNumber);
    if (w.type !== undefined) expect(r.org?.type).toBe(w.type);
    if (w.name !== undefined) expect(r.org?.name.sv ?? r.org?.name.any).toBe(w.name);
    if (w.hasPublished !== undefined) expect(r.org?.hasPublished).toBe(w.hasPublished);
    if (w.status === 'none' || w.status === 'not-public-by-user') expect(r.org).toBeUndefined();
    expect(r.confidence).toBe(w.confidence);
    expect(codes(r.reasons)).toEqual(w.reasons);
    if (w.conflicts !== undefined) expect(codes(r.conflicts)).toEqual(w.conflicts);
    expect(r.candidates).toEqual(w.candidates);
    expect(hasSignal(signals)).toBe(w.signal);
    // What the background sends to the popup must pass its own schema.
    expect(ResolutionSchema.safeParse(r).success).toBe(true);
  });
});

describe('page cases that need one live document', () => {
  it('SPA route change: same document, new location → the body follows the route', () => {
    const doc = parse(page({ body: '<div id="app">Länsstyrelsen</div>', footer: '<a href="/tillganglighet">Tillgänglighet</a>' }));
    const at = (url: string) => resolve({ url, signals: collectSignals(doc, loc(url)), directory: DIRECTORY, publishersByUri: BY_URI });
    const first = at('https://www.lansstyrelsen.se/stockholm/natur.html');
    expect(first.org?.publisherUri).toBe(P.lstStockholm.uri);
    expect(codes(first.reasons)).toEqual(['host-path', 'accessibility-link']);
    // history.pushState: the DOM is unchanged, the location is new.
    const second = at('https://www.lansstyrelsen.se/skane/djur.html');
    expect(second.org?.publisherUri).toBe(P.lstSkane.uri);
    const third = at('https://www.lansstyrelsen.se/');
    expect(third.status).toBe('none');
  });

  it('hostile page (JSON.parse and Array.prototype methods replaced) is still recognised', () => {
    const doc = parse(fixture('agency-skatteverket.html'));
    const signals = withHostileRealm(() => collectSignals(doc, loc('https://www.skatteverket.se/')));
    const r = resolve({ url: 'https://www.skatteverket.se/', signals, directory: DIRECTORY, publishersByUri: BY_URI });
    expect(r.org?.publisherUri).toBe(P.skatteverket.uri);
    expect(codes(r.reasons)).toEqual(['host-homepage', 'orgnr-jsonld', 'orgnr-footer', 'accessibility-link']);
    expect(r.conflicts).toEqual([]);
  });
});

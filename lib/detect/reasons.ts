// Why Insyn thinks a page belongs to a body, as codes with parameters. The UI and the CLI turn them into
// sentences with the templates below, so the background never builds user-facing text and a stored
// resolution can be shown in either language.

export const REASON_CODES = [
  'user-correction',
  'user-not-public',
  'host-homepage',
  'host-path',
  'host-parent',
  'host-outside-prefix',
  'host-shared',
  'orgnr-footer',
  'orgnr-contact',
  'orgnr-meta',
  'orgnr-head',
  'orgnr-jsonld',
  'orgnr-microdata',
  'orgnr-unlabelled',
  'orgnr-bad-check',
  'orgnr-private',
  'orgnr-group2-unlisted',
  'dataportal-link',
  'jsonld-url',
  'dcat-link-host',
  'dcat-link',
  'psidata-link',
  'accessibility-link',
  'jsonld-government',
  'name-from-page',
  'not-published',
  'no-body-named',
  'no-signal',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** `params` values are language-neutral: org numbers (`NNNNNN-NNNN`), hosts, URLs, names, counts. */
export interface Reason {
  code: ReasonCode;
  params: Record<string, string>;
}

// The Swedish templates avoid the genitive of {name}: "Skatteverkets" works, but "Göteborgs Stads"
// / names ending in s need rules a template cannot apply.
export const REASON_TEXT_SV: Record<ReasonCode, string> = {
  'user-correction': 'Du har själv valt {name} för den här webbplatsen',
  'user-not-public': 'Du har markerat webbplatsen som inte offentlig sektor',
  'host-homepage': 'Webbplatsen {host} tillhör {name} enligt dataportal.se',
  'host-path': 'Adressen {host}{prefix} tillhör {name} enligt dataportal.se',
  'host-parent': 'Webbplatsen {host} ligger under {parent}, som tillhör {name} enligt dataportal.se',
  'host-outside-prefix':
    'Webbplatsen {host} används av {name} enligt dataportal.se, men sidan ligger utanför {prefix} och kan höra till någon annan',
  'host-shared': 'Webbplatsen {host} delas av {count} organisationer, och sidans adress pekar inte ut någon av dem',
  'orgnr-footer': 'Organisationsnummer {orgnr} i sidfoten',
  'orgnr-contact': 'Organisationsnummer {orgnr} i sidans kontaktuppgifter',
  'orgnr-meta': 'Organisationsnummer {orgnr} i sidans metadata',
  'orgnr-head': 'Organisationsnummer {orgnr} i sidans huvud',
  'orgnr-jsonld': 'Organisationsnummer {orgnr} i sidans strukturerade data ({type})',
  'orgnr-microdata': 'Organisationsnummer {orgnr} i sidans mikrodata ({type})',
  'orgnr-unlabelled': 'Numret {orgnr} på sidan har formen av ett organisationsnummer, men står inte som ett',
  'orgnr-bad-check': '{orgnr} är inget giltigt organisationsnummer (fel kontrollsiffra)',
  'orgnr-private': 'Organisationsnummer {orgnr} tillhör ett företag eller en förening, inte en offentlig organisation',
  'orgnr-group2-unlisted':
    'Organisationsnummer {orgnr} hör till grupp 2 (till exempel en församling) men är ingen känd offentlig organisation',
  'dataportal-link': 'Sidan länkar till organisationen {orgnr} på dataportal.se',
  'jsonld-url': 'Sidans strukturerade data anger webbplatsen {host}, som tillhör {name} enligt dataportal.se',
  'dcat-link-host': 'Sidan länkar till datakatalogen {href}, på en webbplats som tillhör {name} enligt dataportal.se',
  'dcat-link': 'Sidan länkar till en datakatalog (DCAT): {href}',
  'psidata-link': 'Sidan länkar till en sida om öppna data (PSI): {href}',
  'accessibility-link': 'Sidan länkar till en tillgänglighetsredogörelse, som offentliga aktörer måste ha',
  'jsonld-government': 'Sidans strukturerade data beskriver en offentlig organisation: {name}',
  'name-from-page': 'Namnet {name} kommer från sidan själv, inte från dataportal.se',
  'not-published': 'Organisationen har inte publicerat några datamängder på dataportal.se',
  'no-body-named': 'Sidan ser ut att höra till offentlig sektor, men inget på den säger vilken organisation',
  'no-signal': 'Varken adressen eller sidan pekar ut en offentlig organisation',
};

export const REASON_TEXT_EN: Record<ReasonCode, string> = {
  'user-correction': 'you chose {name} for this website',
  'user-not-public': 'you marked this website as not public-sector',
  'host-homepage': "hostname {host} is {name}'s homepage on dataportal.se",
  'host-path': "address {host}{prefix} is {name}'s homepage on dataportal.se",
  'host-parent': "hostname {host} is under {parent}, {name}'s homepage on dataportal.se",
  'host-outside-prefix':
    'hostname {host} is used by {name} according to dataportal.se, but this page is outside {prefix} and may belong to another body',
  'host-shared': 'hostname {host} is shared by {count} organisations and this address does not single one out',
  'orgnr-footer': 'organisation number {orgnr} in the page footer',
  'orgnr-contact': "organisation number {orgnr} in the page's contact details",
  'orgnr-meta': "organisation number {orgnr} in the page's metadata",
  'orgnr-head': 'organisation number {orgnr} in the page head',
  'orgnr-jsonld': "organisation number {orgnr} in the page's structured data ({type})",
  'orgnr-microdata': "organisation number {orgnr} in the page's microdata ({type})",
  'orgnr-unlabelled': 'the number {orgnr} on the page has the form of an organisation number but is not labelled as one',
  'orgnr-bad-check': '{orgnr} is not a valid organisation number (bad check digit)',
  'orgnr-private': 'organisation number {orgnr} belongs to a company or association, not a public body',
  'orgnr-group2-unlisted': 'organisation number {orgnr} is in group 2 (e.g. a parish) but is not a known public body',
  'dataportal-link': 'the page links to organisation {orgnr} on dataportal.se',
  'jsonld-url': "the page's structured data names the website {host}, {name}'s homepage on dataportal.se",
  'dcat-link-host': "the page links to the data catalogue {href} on {name}'s website according to dataportal.se",
  'dcat-link': 'the page links to a DCAT data catalogue: {href}',
  'psidata-link': 'the page links to an open-data (PSI) page: {href}',
  'accessibility-link': 'the page links to an accessibility statement, which public bodies must publish',
  'jsonld-government': "the page's structured data describes a government organisation: {name}",
  'name-from-page': 'the name {name} comes from the page itself, not from dataportal.se',
  'not-published': 'the organisation has published no datasets on dataportal.se',
  'no-body-named': 'the page looks public-sector, but nothing on it says which body',
  'no-signal': 'neither the address nor the page points to a public body',
};

/** Fill a template; a missing parameter renders as an en dash rather than a raw `{name}`. */
export function renderReason(reason: Reason, lang: 'sv' | 'en'): string {
  const table = lang === 'sv' ? REASON_TEXT_SV : REASON_TEXT_EN;
  const template = table[reason.code] ?? reason.code;
  return template.replace(/\{(\w+)\}/g, (_m, key: string) =>
    Object.prototype.hasOwnProperty.call(reason.params, key) ? reason.params[key] : '–',
  );
}

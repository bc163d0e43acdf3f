// What the detector content script sends to the background: cheap, bounded facts read from one page.
// Plain JSON (no classes, no Dates, no undefined-only semantics) so it survives runtime messaging and storage.
// Imported by the content script, so it must stay tiny and free of zod (the zod schema is in ./schema.ts).
import { checkOrgNumber, orgNumberFromPublisherUri } from './orgnr.ts';

/** Where on the page an organisation number was found. `head` is reserved for other head elements. */
export type OrgNumberWhere = 'footer' | 'contact' | 'jsonld' | 'microdata' | 'meta' | 'head';

export interface OrgNumberSignal {
  /** Ten digits, no dash. Personnummer-like numbers are never collected. */
  value: string;
  where: OrgNumberWhere;
  /** Stood right after a label such as "Org.nr"; structured-data fields (taxID, vatID…) count as labelled. */
  labelled: boolean;
}

/** An organisation described by schema.org structured data (JSON-LD, or microdata when `from` says so). */
export interface JsonLdOrg {
  /** schema.org type without prefix, e.g. `GovernmentOrganization`. */
  type: string;
  name?: string;
  identifier?: string;
  taxID?: string;
  vatID?: string;
  url?: string;
  sameAs?: string[];
  from?: 'jsonld' | 'microdata';
}

export type LinkKind = 'dcat' | 'psidata' | 'accessibility' | 'dataportal-org';

export interface LinkSignal {
  kind: LinkKind;
  /** Absolute URL without query or fragment. */
  href: string;
}

export interface MetaSignals {
  /** `og:site_name` */
  siteName?: string;
  /** `DC.publisher` / `dcterms.publisher` */
  publisher?: string;
  /** `generator` (CMS fingerprint; weak, kept for support only) */
  generator?: string;
}

export interface Signals {
  /** Page URL without query or fragment: those may carry personal data and identify nothing. */
  url: string;
  host: string;
  path: string;
  orgNumbers: OrgNumberSignal[];
  jsonLd: JsonLdOrg[];
  links: LinkSignal[];
  meta: MetaSignals;
}

/** A schema.org type that names a public body by itself. */
export function isGovernmentType(type: string): boolean {
  return type === 'GovernmentOrganization' || type === 'GovernmentOffice';
}

/**
 * Could this number name a public body? Luhn-valid, not a personnummer, and group 2 or an allow-listed
 * 8-series number. Group-2 numbers outside the known prefixes (parishes…) count here because dataportal.se
 * may know them; resolve() decides.
 */
function plausible(value: string | undefined): boolean {
  if (!value) return false;
  const c = checkOrgNumber(value);
  return !!c && c.checkDigitOk && !c.personnummerLike && c.kind !== 'not-public';
}

/**
 * Is there anything worth a message to the background? The bare hostname is not: the background already
 * matches hostnames from the tab URL. Counted: a plausible public org number, a JSON-LD/microdata
 * GovernmentOrganization or an organisation whose taxID/vatID/identifier is a plausible public number,
 * a DCAT catalogue, /psidata or accessibility-statement link, or a dataportal.se organisation link.
 * Private company numbers and plain `Organization` markup do not count, so a commercial page sends nothing.
 */
export function hasSignal(s: Signals): boolean {
  for (let i = 0; i < s.orgNumbers.length; i++) if (plausible(s.orgNumbers[i].value)) return true;
  for (let i = 0; i < s.jsonLd.length; i++) {
    const o = s.jsonLd[i];
    if (isGovernmentType(o.type)) return true;
    const ids = [o.taxID, o.vatID, o.identifier];
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (id && (plausible(id) || plausible(orgNumberFromPublisherUri(id)))) return true;
    }
  }
  return s.links.length > 0;
}

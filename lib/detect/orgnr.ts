// Swedish organisation numbers (organisationsnummer): normalising, checking, classifying, finding in text.
// This module is bundled into the detector content script (≤ 6 kB gzip budget), so it stays small and
// depends only on the captured built-ins in ./intrinsics. Rules and sources: shared/notes/public-body-signals.md §4.
import { replace } from './intrinsics.ts';

/**
 * What an organisation number says about its holder, from its prefix alone.
 * - agency / municipality / region / other-public: prefixes 2021, 2120, 2321, 2220|2320 (+ allow-listed 8-series).
 * - group2-unlisted: group 2 (state, municipalities, regions *and parishes*) but not one of the prefixes above.
 *   Svenska kyrkan parishes are group 2 yet not public sector, so such a number does NOT make a page public
 *   on its own; resolve() only accepts it when dataportal.se knows the number as a publisher.
 * - not-public: companies (5…), associations and foundations (7…, 8…), anything else.
 */
export type OrgNumberKind = 'agency' | 'municipality' | 'region' | 'other-public' | 'group2-unlisted' | 'not-public';

export interface OrgNumberCheck {
  /** Ten digits, no dash. */
  value: string;
  /** Luhn check digit correct. */
  checkDigitOk: boolean;
  /** Third digit < 2: the month of a personnummer. Such a number is a private person and is never used. */
  personnummerLike: boolean;
  kind: OrgNumberKind;
}

/**
 * The AP funds are state authorities (SCB Myndighetsregistret group "AP-fonder") but carry 8-series numbers,
 * the group used for foundations and associations. Without this list they would be classed as not public.
 * Keep it to verified state bodies only; every number here passes Luhn. One string searched with
 * String#indexOf, so no Array.prototype method (which a hostile page could replace) is involved.
 */
const PUBLIC_8_SERIES =
  '|8020057538' + // Första AP-fonden
  '|8572090606' + // Andra AP-fonden
  '|8020144120' + // Tredje AP-fonden
  '|8020051952' + // Fjärde AP-fonden
  '|8551040721' + // Sjätte AP-fonden
  '|8024062302|'; // Sjunde AP-fonden

/**
 * Reduce any accepted written form to ten digits, or undefined.
 * Accepted: `202100-5448`, `2021005448`, `16202100-5448` (12-digit form), `SE202100544801` (VAT number),
 * `SE2021005448` (the dataportal publisher URI form). Spaces and dash variants are ignored.
 * A 12-digit number starting with 19 or 20 is a personnummer and is rejected.
 */
export function normaliseOrgNumber(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 40) return undefined;
  const t = replace.call(input.toUpperCase(), /[\s\u00a0\u2010-\u2015\u2212-]/g, '');
  let m = /^SE(\d{10})(01)?$/.exec(t);
  if (m) return m[1];
  m = /^(?:16)?(\d{10})$/.exec(t);
  return m ? m[1] : undefined;
}

/** Luhn over the first nine digits (weights 2,1,2,1… from the left); the tenth is the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let p = (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (p > 9) p -= 9;
    sum += p;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(9) - 48;
}

/** `NNNNNN-NNNN`, or undefined when the input is not an organisation number form. */
export function formatOrgNumber(input: string): string | undefined {
  const d = normaliseOrgNumber(input);
  return d ? d.slice(0, 6) + '-' + d.slice(6) : undefined;
}

/** Classification by prefix; expects ten digits. */
export function classifyOrgNumber(digits: string): OrgNumberKind {
  if (/^\d{10}$/.test(digits) && PUBLIC_8_SERIES.indexOf('|' + digits + '|') >= 0) return 'agency';
  const p = digits.slice(0, 4);
  if (p === '2021') return 'agency';
  if (p === '2120') return 'municipality';
  if (p === '2321') return 'region';
  if (p === '2220' || p === '2320') return 'other-public';
  return digits.charAt(0) === '2' ? 'group2-unlisted' : 'not-public';
}

export function checkOrgNumber(input: string): OrgNumberCheck | undefined {
  const value = normaliseOrgNumber(input);
  if (!value) return undefined;
  return {
    value,
    checkDigitOk: luhnValid(value),
    personnummerLike: value.charCodeAt(2) - 48 < 2,
    kind: classifyOrgNumber(value),
  };
}

/** True for a usable number of one of the four public kinds (Luhn-valid, not a personnummer). */
export function isPublicOrgNumber(digits: string): boolean {
  const c = checkOrgNumber(digits);
  return !!c && c.checkDigitOk && !c.personnummerLike && c.kind !== 'not-public' && c.kind !== 'group2-unlisted';
}

/** Org number from a dataportal publisher URI `http://dataportal.se/organisation/SE<10 digits>[-suffix]`. */
export function orgNumberFromPublisherUri(uri: string): string | undefined {
  const m = /dataportal\.se\/organisation\/SE(\d{10})(?![\d])/i.exec(uri);
  return m ? m[1] : undefined;
}

export interface FoundOrgNumber {
  /** Ten digits. Check digit NOT verified here: resolve() reports bad ones. */
  value: string;
  /** A label ("Org.nr", "Organisationsnummer", "VAT"…) stands right before the number. */
  labelled: boolean;
}

// Candidates: 6+4 digits with optional dash/space, optional `16` or `SE` in front and `01` after (VAT).
// The look-arounds keep it from cutting numbers out of longer digit runs (phone numbers, IDs).
const CANDIDATE = /(?<!\d)(SE\s?)?((?:16)?\d{6})\s?([-\u2010-\u2013\u2212])?\s?(\d{4})(?:\s?01)?(?![\d])/g;
// Labels: Org.nr / Orgnr / Org-nr / Organisationsnr / Organisationsnummer / Organisation(s) number / Org. no,
// Corporate identity number, VAT / Momsreg.nr. The notes' pattern `(Org\.?\s?nr|Organisationsnummer)\D{0,5}`
// is a subset of this.
const LABEL = /org(?:ani[sz]ations?)?\.?\s?-?\s?(?:n(?:umme)?r|no\b|number)|corporate\s+id|momsreg|moms\s?nr|\bvat\b/i;

/**
 * Organisation numbers in a text. A labelled number may be written without a dash; an unlabelled one only
 * counts in the unambiguous `NNNNNN-NNNN` (or `SE…01`) form, since bare ten-digit runs are mostly phone
 * numbers and ids. Personnummer-like numbers are dropped here so they never leave the page.
 * At most `max` distinct numbers, in text order.
 */
export function findOrgNumbers(text: string, max = 10): FoundOrgNumber[] {
  const out: FoundOrgNumber[] = [];
  if (typeof text !== 'string' || !text) return out;
  const re = new RegExp(CANDIDATE.source, 'g');
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(text)) !== null && out.length < max && guard++ < 200) {
    // m[2] is 8 digits only when it starts with the `16` of the 12-digit form.
    const six = m[2].length === 8 ? m[2].slice(2) : m[2];
    const value = six + m[4];
    if (value.charCodeAt(2) - 48 < 2) continue; // personnummer-like: never collected
    // Label: in the 60 characters before the number, after the last digit there (so a label belongs
    // to this number, not to an earlier one).
    const start = m.index;
    let tail = text.slice(Math.max(0, start - 60), start);
    for (let i = tail.length - 1; i >= 0; i--) {
      const c = tail.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        tail = tail.slice(i + 1);
        break;
      }
    }
    const labelled = LABEL.test(tail) || (!!m[1] && /moms|vat/i.test(tail));
    if (!labelled && !m[3] && !m[1]) continue;
    let seen = -1;
    for (let i = 0; i < out.length; i++) if (out[i].value === value) seen = i;
    if (seen >= 0) {
      if (labelled) out[seen].labelled = true;
      continue;
    }
    out[out.length] = { value, labelled };
  }
  return out;
}

// Signals + publisher directory → one answer: which public body is behind the page, how sure, and why.
// Pure and deterministic (no clock, no randomness, no I/O): the background, the popup and the CLI get the
// same answer for the same input, and tests can pin it.
import type { LangText, Publisher } from '../dcat/types.ts';
import { lookupHost, normaliseHost, type Directory, type HostMatch } from './directory.ts';
import { checkOrgNumber, formatOrgNumber, normaliseOrgNumber, orgNumberFromPublisherUri, type OrgNumberKind } from './orgnr.ts';
import type { Reason, ReasonCode } from './reasons.ts';
import { isGovernmentType, type Signals } from './signals.ts';

export type OrgType = 'agency' | 'municipality' | 'region' | 'other-public' | 'unknown';
export type ResolutionStatus = 'matched' | 'public-unpublished' | 'none' | 'not-public-by-user';
export type Confidence = 'high' | 'medium' | 'low';

export interface ResolvedOrg {
  /** Set only when the publisher is in `publishersByUri`. */
  publisherUri?: string;
  /** Ten digits. */
  orgNumber?: string;
  /** From dataportal.se; for an unpublished body from the page (JSON-LD, meta) or empty. */
  name: LangText;
  type: OrgType;
  /** The publisher has datasets on dataportal.se (a publisher without a known count counts as having some). */
  hasPublished: boolean;
}

export interface Resolution {
  /**
   * matched: a dataportal.se publisher. public-unpublished: a public body dataportal.se has no publisher for.
   * none: no public body found. not-public-by-user: the user marked the site as not public-sector.
   */
  status: ResolutionStatus;
  org?: ResolvedOrg;
  /** How sure the status and org are. For `none`: medium when a company number says so, else low. */
  confidence: Confidence;
  /** Evidence for the answer, strongest first. */
  reasons: Reason[];
  /** Evidence against it or ignored: other bodies' signals, bad check digits, company numbers. */
  conflicts: Reason[];
  /** Publisher URIs the user could pick from when a shared host does not decide (sorted). */
  candidates?: string[];
}

export type Correction =
  | { kind: 'org'; publisherUri: string; orgNumber?: string; name?: string }
  | { kind: 'not-public' };

export interface ResolveInput {
  /** The tab's URL (the background has it from the tab; signals may be missing). */
  url: string;
  signals?: Signals;
  directory: Directory;
  publishersByUri: Record<string, Publisher>;
  correction?: Correction;
}

/** One piece of evidence for one body. */
interface Evidence {
  /** Ordering weight; see STRENGTH. */
  strength: number;
  reason: Reason;
  publisherUri?: string;
  orgNumber?: string;
  /** Position in collection order, for deterministic ties. */
  order: number;
}

/**
 * Strength of each kind of evidence. ≥ 75 gives high confidence, ≥ 50 medium.
 * The exact host(+path) match ranks above an org number on the page: the homepage is what the body itself
 * registered on dataportal.se, and on shared hosts it is the more specific of the two (every court page shows
 * Domstolsverket's number). A labelled number beats a parent-domain match and everything weaker.
 */
const STRENGTH = {
  correction: 100,
  hostExact: 90,
  orgStructured: 85,
  orgLabelledFooter: 85,
  orgLabelledOther: 80,
  dataportalLink: 80,
  hostParent: 75,
  hostOutsidePrefix: 60,
  orgUnlabelled: 60,
  jsonLdUrl: 50,
  dcatHost: 50,
  dataportalLinkAmbiguous: 40,
} as const;

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function displayName(name: LangText | undefined): string {
  return (name && (name.sv ?? name.any ?? name.en)) || '';
}

function reason(code: ReasonCode, params: Record<string, string | undefined>): Reason {
  const clean: Record<string, string> = {};
  for (const k of Object.keys(params).sort()) {
    const v = params[k];
    if (v !== undefined && v !== '') clean[k] = v;
  }
  return { code, params: clean };
}

function publicType(kind: OrgNumberKind | undefined): OrgType | undefined {
  return kind === 'agency' || kind === 'municipality' || kind === 'region' || kind === 'other-public' ? kind : undefined;
}

/** ADMS publisher type → our type, for publishers without an org number. */
function typeFromPublisher(p: Publisher | undefined): OrgType | undefined {
  const uri = p?.type?.uri ?? '';
  if (/NationalAuthority$/.test(uri)) return 'agency';
  if (/RegionalAuthority$/.test(uri)) return 'region';
  if (/LocalAuthority$/.test(uri)) return 'municipality';
  return undefined;
}

function parseUrl(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    return { host: normaliseHost(u.hostname), path: u.pathname || '/' };
  } catch {
    return { host: '', path: '/' };
  }
}

/** Everything collected from the input, before deciding. */
interface Collected {
  evidence: Evidence[];
  /** Public-looking but naming no body (accessibility, own DCAT link, GovernmentOrganization without id). */
  support: Reason[];
  /** Ignored numbers: bad check digits. Always conflicts. */
  badCheck: Reason[];
  /** Company / group-2 numbers: the reason for `none`, or a conflict next to a match. */
  notPublic: Reason[];
  /** A labelled company/group-2 number was seen (makes a `none` answer more certain). */
  notPublicLabelled: boolean;
  hostShared?: Reason;
  candidates: string[];
}

function collectEvidence(input: ResolveInput, host: string, path: string): Collected {
  const { directory, publishersByUri } = input;
  const c: Collected = { evidence: [], support: [], badCheck: [], notPublic: [], notPublicLabelled: false, candidates: [] };
  const pub = (uri: string | undefined) => (uri && hasOwn(publishersByUri, uri) ? publishersByUri[uri] : undefined);
  const nameOf = (uri: string | undefined) => displayName(pub(uri)?.name) || undefined;
  const add = (e: Omit<Evidence, 'order'>) => c.evidence.push({ ...e, order: c.evidence.length });
  const orgOfMatch = (m: HostMatch) => m.orgNumber ?? orgNumberFromPublisherUri(m.publisherUri);
  const addCandidates = (list: HostMatch[]) => {
    for (const m of list) if (c.candidates.indexOf(m.publisherUri) < 0) c.candidates.push(m.publisherUri);
  };

  // 1. Hostname (+ path) against publishers' homepages.
  if (host) {
    const look = lookupHost(directory, host, path);
    const m = look.match;
    if (m) {
      const params = { host, name: nameOf(m.publisherUri), prefix: m.pathPrefix, parent: m.parent ? m.host : undefined };
      let code: ReasonCode = m.parent ? 'host-parent' : m.pathPrefix ? 'host-path' : 'host-homepage';
      let strength: number = m.parent ? STRENGTH.hostParent : STRENGTH.hostExact;
      if (m.outsidePrefix) {
        code = 'host-outside-prefix';
        strength = STRENGTH.hostOutsidePrefix;
      }
      add({ strength, reason: reason(code, params), publisherUri: m.publisherUri, orgNumber: orgOfMatch(m) });
      if (look.candidates.length) addCandidates([m, ...look.candidates]);
    } else if (look.candidates.length) {
      addCandidates(look.candidates);
      c.hostShared = reason('host-shared', { host, count: String(look.candidates.length) });
    }
  }

  const s = input.signals;
  if (!s || normaliseHost(s.host) !== host) return c; // no signals, or stale ones from another page

  // 2. Organisation numbers on the page.
  const seenBad: string[] = [];
  const seenNotPublic: string[] = [];
  for (const o of s.orgNumbers) {
    const chk = checkOrgNumber(o.value);
    if (!chk || chk.personnummerLike) continue;
    const orgnr = formatOrgNumber(chk.value) ?? chk.value;
    if (!chk.checkDigitOk) {
      if (seenBad.indexOf(chk.value) < 0) {
        seenBad.push(chk.value);
        c.badCheck.push(reason('orgnr-bad-check', { orgnr }));
      }
      continue;
    }
    const uri = hasOwn(directory.byOrg, chk.value) ? directory.byOrg[chk.value] : undefined;
    const structured = o.where === 'jsonld' || o.where === 'microdata';
    let type: string | undefined;
    if (structured) {
      for (const j of s.jsonLd) {
        const ids = [j.taxID, j.vatID, j.identifier];
        for (const id of ids) if (id && (normaliseOrgNumber(id) ?? orgNumberFromPublisherUri(id)) === chk.value) type = j.type;
      }
    }
    const code: ReasonCode = !o.labelled ? 'orgnr-unlabelled' : (`orgnr-${o.where}` as ReasonCode);
    const strength = !o.labelled
      ? STRENGTH.orgUnlabelled
      : structured
        ? STRENGTH.orgStructured
        : o.where === 'footer' || o.where === 'contact'
          ? STRENGTH.orgLabelledFooter
          : STRENGTH.orgLabelledOther;
    const r = reason(code, { orgnr, name: nameOf(uri), type: structured ? (type ?? 'Organization') : undefined });
    if (uri || publicType(chk.kind)) {
      add({ strength, reason: r, publisherUri: uri, orgNumber: chk.value });
    } else if (seenNotPublic.indexOf(chk.value) < 0) {
      seenNotPublic.push(chk.value);
      c.notPublic.push(reason(chk.kind === 'group2-unlisted' ? 'orgnr-group2-unlisted' : 'orgnr-private', { orgnr }));
      if (o.labelled) c.notPublicLabelled = true;
    }
  }

  // 3. Links to a dataportal.se organisation page: the publisher URI itself.
  const portal: { org: string; uri?: string }[] = [];
  for (const l of s.links) {
    if (l.kind !== 'dataportal-org') continue;
    const org = orgNumberFromPublisherUri(l.href);
    if (!org || portal.some((p) => p.org === org)) continue;
    const seg = /\/organisation\/(SE\d{10}[^/?#]*)/i.exec(l.href);
    const direct = seg ? 'http://dataportal.se/organisation/' + seg[1].replace(/^se/, 'SE') : undefined;
    const uri = pub(direct) ? direct : hasOwn(directory.byOrg, org) ? directory.byOrg[org] : undefined;
    portal.push({ org, uri });
  }
  for (const p of portal) {
    const chk = checkOrgNumber(p.org);
    if (!chk?.checkDigitOk || chk.personnummerLike || (!p.uri && !publicType(chk.kind))) continue;
    add({
      strength: portal.length === 1 ? STRENGTH.dataportalLink : STRENGTH.dataportalLinkAmbiguous,
      reason: reason('dataportal-link', { orgnr: formatOrgNumber(p.org), name: nameOf(p.uri) }),
      publisherUri: p.uri,
      orgNumber: p.org,
    });
  }

  // 4. JSON-LD `url` on another host, and DCAT/PSI links: a host the directory may know.
  for (const j of s.jsonLd) {
    if (!j.url) continue;
    const u = parseUrl(/^https?:\/\//i.test(j.url) ? j.url : 'https://' + j.url);
    if (!u.host || u.host === host) continue;
    const m = lookupHost(directory, u.host, u.path).match;
    if (m && !m.outsidePrefix) {
      add({
        strength: STRENGTH.jsonLdUrl,
        reason: reason('jsonld-url', { host: u.host, name: nameOf(m.publisherUri) }),
        publisherUri: m.publisherUri,
        orgNumber: orgOfMatch(m),
      });
    }
  }
  let dcatSeen = false;
  let psiSeen = false;
  let a11ySeen = false;
  for (const l of s.links) {
    if (l.kind === 'accessibility') {
      if (!a11ySeen) c.support.push(reason('accessibility-link', { href: l.href }));
      a11ySeen = true;
      continue;
    }
    if (l.kind !== 'dcat' && l.kind !== 'psidata') continue;
    const u = parseUrl(l.href);
    const m = u.host && u.host !== host ? lookupHost(directory, u.host, '/').match : undefined;
    if (m && !m.outsidePrefix) {
      add({
        strength: STRENGTH.dcatHost,
        reason: reason('dcat-link-host', { href: l.href, host: u.host, name: nameOf(m.publisherUri) }),
        publisherUri: m.publisherUri,
        orgNumber: orgOfMatch(m),
      });
    } else if (l.kind === 'dcat' && !dcatSeen) {
      dcatSeen = true;
      c.support.push(reason('dcat-link', { href: l.href }));
    } else if (l.kind === 'psidata' && !psiSeen) {
      psiSeen = true;
      c.support.push(reason('psidata-link', { href: l.href }));
    }
  }
  // A GovernmentOrganization with an org number is already evidence (orgnr-jsonld); one without says only
  // "some public body".
  for (const j of s.jsonLd) {
    const ids = [j.taxID, j.vatID, j.identifier];
    const numbered = ids.some((id) => !!id && !!(normaliseOrgNumber(id) ?? orgNumberFromPublisherUri(id)));
    if (isGovernmentType(j.type) && !numbered) {
      c.support.push(reason('jsonld-government', { name: j.name }));
      break;
    }
  }
  // Fixed order, independent of where the links sit on the page.
  const rank: ReasonCode[] = ['accessibility-link', 'dcat-link', 'psidata-link', 'jsonld-government'];
  c.support.sort((a, b) => rank.indexOf(a.code) - rank.indexOf(b.code));
  return c;
}

function agree(a: Evidence, b: Evidence): boolean {
  return (!!a.publisherUri && a.publisherUri === b.publisherUri) || (!!a.orgNumber && a.orgNumber === b.orgNumber);
}

/** Partition evidence into groups that point at the same body (same publisher or same org number). */
function group(evidence: Evidence[]): Evidence[][] {
  const groups: Evidence[][] = [];
  for (const e of evidence) {
    const hits: number[] = [];
    for (let i = 0; i < groups.length; i++) if (groups[i].some((g) => agree(g, e))) hits.push(i);
    if (hits.length === 0) {
      groups.push([e]);
      continue;
    }
    const target = groups[hits[0]];
    target.push(e);
    for (let k = hits.length - 1; k >= 1; k--) {
      target.push(...groups[hits[k]]);
      groups.splice(hits[k], 1);
    }
  }
  for (const g of groups) g.sort(byStrength);
  return groups;
}

function byStrength(a: Evidence, b: Evidence): number {
  return b.strength - a.strength || a.order - b.order;
}

const maxStrength = (g: Evidence[]) => g[0]?.strength ?? 0;

function lowerConfidence(c: Confidence): Confidence {
  return c === 'high' ? 'medium' : 'low';
}

/** Name for a body dataportal.se does not know, from the page itself. */
function nameFromPage(s: Signals | undefined, orgNumber: string | undefined): string | undefined {
  if (!s) return undefined;
  if (orgNumber) {
    for (const j of s.jsonLd) {
      const ids = [j.taxID, j.vatID, j.identifier];
      for (const id of ids) {
        if (id && j.name && (normaliseOrgNumber(id) ?? orgNumberFromPublisherUri(id)) === orgNumber) return j.name;
      }
    }
  }
  const gov = s.jsonLd.filter((j) => isGovernmentType(j.type) && j.name);
  if (gov.length === 1) return gov[0].name;
  return s.meta.publisher ?? s.meta.siteName;
}

interface Body {
  publisherUri?: string;
  orgNumber?: string;
  fromDirectory: boolean;
}

/** Build the org part and the status for a chosen body. */
function describe(
  body: Body,
  input: ResolveInput,
  pageName: string | undefined,
  reasons: Reason[],
): { status: ResolutionStatus; org?: ResolvedOrg } {
  const p = body.publisherUri && hasOwn(input.publishersByUri, body.publisherUri) ? input.publishersByUri[body.publisherUri] : undefined;
  const orgNumber =
    (p?.orgNumber ? normaliseOrgNumber(p.orgNumber) : undefined) ??
    (p ? orgNumberFromPublisherUri(p.uri) : undefined) ??
    body.orgNumber ??
    (body.publisherUri ? orgNumberFromPublisherUri(body.publisherUri) : undefined);
  const kind = orgNumber ? checkOrgNumber(orgNumber)?.kind : undefined;
  // A group-2 number outside the known prefixes is a public body only when dataportal.se vouches for it.
  const listed = !!p || body.fromDirectory;
  const type: OrgType =
    publicType(kind) ?? (kind === 'group2-unlisted' && listed ? 'other-public' : undefined) ?? typeFromPublisher(p) ?? 'unknown';
  if (p) {
    const hasPublished = p.datasetCount === undefined || p.datasetCount > 0;
    if (!hasPublished) reasons.push(reason('not-published', { name: displayName(p.name) }));
    return {
      status: 'matched',
      org: { publisherUri: p.uri, ...(orgNumber ? { orgNumber } : {}), name: { ...p.name }, type, hasPublished },
    };
  }
  if (!orgNumber || type === 'unknown') return { status: 'none' };
  const name: LangText = pageName ? { any: pageName } : {};
  if (pageName) reasons.push(reason('name-from-page', { name: pageName }));
  reasons.push(reason('not-published', { name: pageName }));
  return { status: 'public-unpublished', org: { orgNumber, name, type, hasPublished: false } };
}

/**
 * Decide. Order of precedence: the user's correction; then the strongest group of agreeing evidence
 * (see STRENGTH); ties go to a group with a known publisher, then to more evidence, then to the first found.
 * Evidence for other bodies is returned in `conflicts`, never dropped silently.
 */
export function resolve(input: ResolveInput): Resolution {
  const { host, path } = parseUrl(input.url);
  const c = collectEvidence(input, host, path);
  const signals = input.signals && normaliseHost(input.signals.host) === host ? input.signals : undefined;
  const groups = group(c.evidence);
  const isKnown = (g: Evidence[]) => g.some((e) => !!e.publisherUri && hasOwn(input.publishersByUri, e.publisherUri));
  groups.sort(
    (a, b) =>
      maxStrength(b) - maxStrength(a) ||
      Number(isKnown(b)) - Number(isKnown(a)) ||
      b.length - a.length ||
      a[0].order - b[0].order,
  );
  const candidates = c.candidates.length ? { candidates: [...c.candidates].sort() } : {};

  if (input.correction) return corrected(input, input.correction, groups, c, signals, candidates);

  const winner = groups[0];
  if (winner) {
    const known = winner.find((e) => e.publisherUri && hasOwn(input.publishersByUri, e.publisherUri));
    const body: Body = {
      publisherUri: known?.publisherUri ?? winner.find((e) => e.publisherUri)?.publisherUri,
      orgNumber: winner.find((e) => e.orgNumber)?.orgNumber,
      fromDirectory: winner.some((e) => !!e.publisherUri),
    };
    const reasons = winner.map((e) => e.reason);
    const pageName = nameFromPage(signals, body.orgNumber);
    const d = describe(body, input, pageName, reasons);
    if (d.org) {
      const top = maxStrength(winner);
      let confidence: Confidence = top >= 75 ? 'high' : top >= 50 ? 'medium' : 'low';
      const distinctStrong = new Set(winner.filter((e) => e.strength >= 50).map((e) => e.reason.code));
      if (confidence === 'medium' && distinctStrong.size >= 2) confidence = 'high';
      // A rival body with evidence as strong as ours: say so by lowering confidence.
      if (groups.length > 1 && maxStrength(groups[1]) >= top) confidence = lowerConfidence(confidence);
      const conflicts: Reason[] = [];
      for (const g of groups.slice(1)) for (const e of g) conflicts.push(e.reason);
      conflicts.push(...c.badCheck, ...c.notPublic);
      return { status: d.status, org: d.org, confidence, reasons: [...reasons, ...c.support], conflicts, ...candidates };
    }
  }

  // Nothing names a public body.
  const reasons: Reason[] = [...c.notPublic];
  if (c.hostShared) reasons.push(c.hostShared);
  // Evidence that could not be turned into a body (e.g. a directory entry whose publisher is missing).
  for (const g of groups) for (const e of g) reasons.push(e.reason);
  reasons.push(...c.support);
  if (c.support.length && !c.notPublic.length) reasons.push(reason('no-body-named', {}));
  if (!reasons.length) reasons.push(reason('no-signal', {}));
  return {
    status: 'none',
    confidence: c.notPublicLabelled && !c.support.length ? 'medium' : 'low',
    reasons,
    conflicts: [...c.badCheck],
    ...candidates,
  };
}

function corrected(
  input: ResolveInput,
  correction: Correction,
  groups: Evidence[][],
  c: Collected,
  signals: Signals | undefined,
  candidates: { candidates?: string[] },
): Resolution {
  if (correction.kind === 'not-public') {
    // What detection would have said stays visible, so the user can see what they overrode.
    const conflicts: Reason[] = [];
    for (const g of groups) for (const e of g) conflicts.push(e.reason);
    return {
      status: 'not-public-by-user',
      confidence: 'high',
      reasons: [reason('user-not-public', {})],
      conflicts: [...conflicts, ...c.badCheck],
    };
  }
  const orgNumber = (correction.orgNumber ? normaliseOrgNumber(correction.orgNumber) : undefined) ?? orgNumberFromPublisherUri(correction.publisherUri);
  const mine: Evidence = {
    strength: STRENGTH.correction,
    reason: reason('user-correction', {}),
    publisherUri: correction.publisherUri,
    orgNumber,
    order: -1,
  };
  const reasons: Reason[] = [];
  const conflicts: Reason[] = [];
  for (const g of groups) {
    const agrees = g.some((e) => agree(e, mine));
    for (const e of g) (agrees ? reasons : conflicts).push(e.reason);
  }
  const body: Body = { publisherUri: correction.publisherUri, orgNumber, fromDirectory: true };
  const extra: Reason[] = [];
  const d = describe(body, input, correction.name ?? nameFromPage(signals, orgNumber), extra);
  const p = hasOwn(input.publishersByUri, correction.publisherUri) ? input.publishersByUri[correction.publisherUri] : undefined;
  const name = displayName(p?.name) || correction.name;
  mine.reason = reason('user-correction', { name, orgnr: orgNumber ? formatOrgNumber(orgNumber) : undefined });
  // The user's word holds even for a body we cannot classify.
  const org: ResolvedOrg = d.org ?? {
    ...(orgNumber ? { orgNumber } : {}),
    name: name ? { any: name } : {},
    type: 'unknown',
    hasPublished: false,
  };
  return {
    status: d.status === 'matched' ? 'matched' : 'public-unpublished',
    org,
    confidence: 'high',
    reasons: [mine.reason, ...reasons, ...extra.filter((r) => r.code === 'not-published')],
    conflicts: [...conflicts, ...c.badCheck],
    ...candidates,
  };
}

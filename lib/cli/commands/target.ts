// Which publisher a command-line argument means: an organisation number in any written form, a
// publisher URI, or a hostname / URL looked up in the publisher directory (the same directory the
// extension matches tabs against).
import type { Publisher } from '../../dcat/types';
import { buildDirectory, lookupHost, normaliseHost } from '../../detect/directory';
import { checkOrgNumber, formatOrgNumber, orgNumberFromPublisherUri } from '../../detect/orgnr';
import { PUBLISHER_URI_PREFIX } from '../../registry/client';
import { CliError } from '../errors';
import { publisherHeading } from '../format';
import { EXIT, usage, type RegistryAccess } from './common';
import type { Lang } from '../../i18n';

export type Target =
  | { kind: 'org'; orgNumber: string }
  | { kind: 'uri'; uri: string }
  | { kind: 'host'; host: string; path: string };

const PUBLISHER_URI = /^https?:\/\/(?:www\.)?dataportal\.se\/organisation\/(\S+)$/i;
/** Digits with the separators people write (and the SE / 16 prefixes normaliseOrgNumber accepts). */
const NUMBER_LIKE = /^(?:SE)?[\d\s\u2010-\u2015\u2212-]+$/i;

/** Classifies the argument; a malformed one is a usage error (exit 2). */
export function parseTarget(arg: string): Target {
  const a = arg.trim();
  const uri = PUBLISHER_URI.exec(a);
  if (uri) {
    // Publisher URIs are minted as http://dataportal.se/organisation/…; accept https and www. too.
    return { kind: 'uri', uri: `http://dataportal.se/organisation/${uri[1] ?? ''}` };
  }
  if (NUMBER_LIKE.test(a)) {
    const check = checkOrgNumber(a);
    if (!check) throw usage(`"${arg}" is not an organisation number (10 digits, e.g. 202100-5448).`);
    if (!check.checkDigitOk) throw usage(`"${arg}" is not a valid organisation number (bad check digit).`);
    if (check.personnummerLike) throw usage(`"${arg}" looks like a personal identity number, not an organisation number.`);
    return { kind: 'org', orgNumber: check.value };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(a) && !/^https?:/i.test(a)) {
    throw usage(`"${arg}" is not an organisation number, publisher URI, hostname or http(s) URL.`);
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(a) ? a : `http://${a}`);
  } catch {
    throw usage(`"${arg}" is not an organisation number, publisher URI, hostname or URL.`);
  }
  const host = normaliseHost(url.hostname);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) {
    throw usage(`"${arg}" is not an organisation number, publisher URI, hostname or URL.`);
  }
  return { kind: 'host', host, path: url.pathname || '/' };
}

/** Of the agents a search returned, the one with the canonical URI, else the first. */
function pick(found: readonly Publisher[], uri: string): Publisher | undefined {
  return found.find((p) => p.uri === uri) ?? found[0];
}

function bare(uri: string, orgNumber: string | undefined): Publisher {
  return { uri, name: {}, homepages: [], ...(orgNumber !== undefined && { orgNumber }) };
}

/**
 * The publisher behind a target. Numbers and URIs cost one publisher search (run it in parallel with
 * whatever comes next); hostnames need the publisher list, cached for a day.
 */
export async function resolvePublisher(target: Target, registry: RegistryAccess, lang: Lang): Promise<Publisher> {
  const { client, settle } = registry;
  if (target.kind === 'org' || target.kind === 'uri') {
    const orgNumber = target.kind === 'org' ? target.orgNumber : orgNumberFromPublisherUri(target.uri);
    const uri = target.kind === 'uri' ? target.uri : `${PUBLISHER_URI_PREFIX}${target.orgNumber}`;
    if (orgNumber === undefined) return bare(uri, undefined);
    const found = await settle<Publisher[]>((o) => client.searchPublishers(orgNumber, o));
    const p = target.kind === 'uri' ? found.find((x) => x.uri === uri) : pick(found, uri);
    return p ?? bare(uri, orgNumber);
  }
  const list = await settle<Publisher[]>((o) => client.listPublishers(o));
  const byUri = new Map(list.map((p) => [p.uri, p]));
  const { match, candidates } = lookupHost(buildDirectory(list), target.host, target.path);
  if (match) return byUri.get(match.publisherUri) ?? bare(match.publisherUri, match.orgNumber);
  if (candidates.length > 0) {
    const names = candidates.map((c) => {
      const p = byUri.get(c.publisherUri);
      return p ? publisherHeading(lang, p) : formatOrgNumber(c.orgNumber ?? '') ?? c.publisherUri;
    });
    throw new CliError(
      `${target.host}${target.path === '/' ? '' : target.path} is shared by several publishers: ${names.join(', ')}. Give an organisation number or a more specific URL.`,
      EXIT.notFound,
    );
  }
  throw new CliError(
    `no publisher on dataportal.se has ${target.host} as its homepage. Try "insyn lookup https://${target.host}/" or "insyn publishers --query NAME".`,
    EXIT.notFound,
  );
}

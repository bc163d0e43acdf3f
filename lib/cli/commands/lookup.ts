// `insyn lookup <url> [--html FILE]`: which public body is behind a page, and why. The same resolution
// the extension runs: the hostname against the publisher directory, plus (with --html) the signals the
// detector would collect from the saved page.
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import type { Publisher } from '../../dcat/types';
import { collectSignals } from '../../detect/collect';
import { buildDirectory } from '../../detect/directory';
import { renderReason } from '../../detect/reasons';
import { resolve, type Confidence, type Resolution, type ResolutionStatus } from '../../detect/resolve';
import type { Signals } from '../../detect/signals';
import { formatOrgNumber, t, type Lang } from '../../i18n';
import type { CliContext, Command } from '../commands';
import { commandLine, fields, publisherHeading, publisherName, orgTypeLabel, text } from '../format';
import { CACHE_HELP, EXIT, onePositional, parseCommandArgs, usage, withRegistry } from './common';
import { ct, type CliStringKey } from './strings';

/** The page URL: http(s) only; a bare hostname gets https://. */
export function parsePageUrl(arg: string): URL {
  const a = arg.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(a) ? a : `https://${a}`);
  } catch {
    throw usage(`"${arg}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usage(`"${arg}" is not an http(s) URL.`);
  if (!url.hostname.includes('.')) throw usage(`"${arg}" has no usable hostname.`);
  return url;
}

/** Signals from a saved page, as the detector would read them on `url`. */
export async function signalsFromFile(file: string, url: URL): Promise<Signals> {
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown } | undefined)?.code;
    throw usage(`cannot read --html ${file}${typeof code === 'string' ? ` (${code})` : ''}.`);
  }
  const { document } = parseHTML(html);
  return collectSignals(document as unknown as Document, { href: url.href, hostname: url.hostname, pathname: url.pathname });
}

const STATUS: Record<ResolutionStatus, CliStringKey> = {
  matched: 'statusMatched',
  'public-unpublished': 'statusUnpublished',
  none: 'statusNone',
  'not-public-by-user': 'statusNotPublic',
};

const CONFIDENCE: Record<Confidence, [CliStringKey, 'confidenceHigh' | 'confidenceMedium' | 'confidenceLow']> = {
  high: ['confHigh', 'confidenceHigh'],
  medium: ['confMedium', 'confidenceMedium'],
  low: ['confLow', 'confidenceLow'],
};

export function lookupLines(lang: Lang, url: URL, r: Resolution, byUri: ReadonlyMap<string, Publisher>): string[] {
  const org = r.org;
  const publisher = org?.publisherUri ? byUri.get(org.publisherUri) : undefined;
  const out: string[] = [];
  if (org) {
    out.push(publisher ? publisherName(lang, publisher) : text(lang, org.name) ?? formatOrgNumber(org.orgNumber) ?? '?');
    const status = r.status === 'matched' && !org.hasPublished ? ct(lang, 'statusMatchedEmpty') : ct(lang, STATUS[r.status]);
    const [conf, confWords] = CONFIDENCE[r.confidence];
    out.push(
      ...fields(
        [
          [ct(lang, 'lookupType'), orgTypeLabel(lang, org.type)],
          [ct(lang, 'lookupOrgNr'), formatOrgNumber(org.orgNumber)],
          [ct(lang, 'lookupStatus'), status],
          [ct(lang, 'lookupConfidence'), `${ct(lang, conf)} (${t(lang, confWords)})`],
          [ct(lang, 'lookupDatasets'), publisher?.datasetCount !== undefined ? String(publisher.datasetCount) : undefined],
          [ct(lang, 'lookupPublisher'), org.publisherUri],
        ],
        { indent: 2 },
      ),
    );
  } else {
    out.push(ct(lang, 'noBodyTitle', { host: url.hostname }));
    out.push(...fields([[ct(lang, 'lookupStatus'), ct(lang, STATUS[r.status])]], { indent: 2 }));
  }
  const bullets = (title: string, lines: readonly string[]): void => {
    if (lines.length > 0) out.push('', title, ...lines.map((l) => `  • ${l}`));
  };
  bullets(ct(lang, 'lookupWhy'), r.reasons.map((x) => renderReason(x, lang)));
  bullets(t(lang, 'conflictsLabel'), r.conflicts.map((x) => renderReason(x, lang)));
  bullets(
    t(lang, 'candidatesLabel'),
    (r.candidates ?? []).map((uri) => {
      const p = byUri.get(uri);
      return p ? `${publisherHeading(lang, p)}  ${uri}` : uri;
    }),
  );
  if (org?.publisherUri && org.hasPublished) {
    out.push('', ct(lang, 'datasetsHint', { command: commandLine(['insyn', 'datasets', org.orgNumber ?? org.publisherUri]) }));
  }
  return out;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx, 'lookup', { html: { type: 'string' } });
  const url = parsePageUrl(onePositional(positionals, 'lookup', 'page URL'));
  const signals = values.html !== undefined ? await signalsFromFile(values.html, url) : undefined;
  const lang = ctx.lang;
  return withRegistry(ctx, { noCache: values['no-cache'] }, async ({ client, settle }) => {
    const list = await settle<Publisher[]>((o) => client.listPublishers(o));
    const byUri = new Map(list.map((p) => [p.uri, p]));
    const resolution = resolve({
      url: url.href,
      ...(signals && { signals }),
      directory: buildDirectory(list),
      publishersByUri: Object.fromEntries(byUri),
    });
    const found = resolution.status === 'matched' || resolution.status === 'public-unpublished';
    if (ctx.json) {
      const publisher = resolution.org?.publisherUri ? byUri.get(resolution.org.publisherUri) : undefined;
      const explained = {
        reasons: resolution.reasons.map((r) => renderReason(r, lang)),
        conflicts: resolution.conflicts.map((r) => renderReason(r, lang)),
      };
      ctx.io.stdout(`${JSON.stringify({ url: url.href, resolution, explained, publisher, signals }, null, 2)}\n`);
    } else {
      ctx.io.stdout(`${lookupLines(lang, url, resolution, byUri).join('\n')}\n`);
    }
    return found ? EXIT.ok : EXIT.notFound;
  });
}

export const lookupCommand: Command = {
  name: 'lookup',
  usage: 'lookup <url> [--html FILE]',
  summary: 'which public body is behind a page, and why',
  help: [
    'Recognises the public body behind a web page the way the Insyn extension does: the hostname',
    "(and path) against the publishers' homepages on dataportal.se, and with --html the signals in the",
    'saved page (organisation numbers in the footer, structured data, links to a DCAT catalogue…).',
    'The page itself is never fetched and its URL is never sent to the registry.',
    '',
    'Prints the body, its type and organisation number, the status (matched publisher / public body',
    'with no datasets on dataportal.se / none), the confidence and the reasons in words, conflicting',
    'signs and, on shared hosts, the candidate organisations.',
    '',
    'Options:',
    '  --html FILE   a saved copy of the page at <url>, read for signals',
    '  --json        print { url, resolution, explained, publisher, signals } as JSON',
    '  --no-cache    do not read or write the local cache',
    '',
    CACHE_HELP,
    'Exit status: 0 a public body was recognised, 1 none, 2 bad arguments or unreadable --html file,',
    '4 registry unreachable or failing.',
  ].join('\n'),
  run,
};

// `insyn page <url> --html FILE [--har FILE]`: the data files and APIs a saved page uses, matched to
// the registry. The same extraction the extension runs on a live page (lib/pagedata), over a page
// saved from the browser and, with --har, the requests recorded in the browser's network panel.
// The page itself is never fetched, and neither its URL nor any path from it is sent to the registry.
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import type { Publisher } from '../../dcat/types';
import { buildDirectory } from '../../detect/directory';
import { resolve } from '../../detect/resolve';
import { curlLine } from '../../dcat/snippets';
import type { Lang } from '../../i18n';
import { collectPageUrls, type ResourceEntryLike } from '../../pagedata/collect';
import { extractFindings } from '../../pagedata/extract';
import { harEntries } from '../../pagedata/har';
import { createPageMatcher } from '../../pagedata/registry';
import type { Finding, FindingKind, FindingMatch, PageFindings } from '../../pagedata/types';
import type { CliContext, Command } from '../commands';
import { licenceLabel, publisherName, text } from '../format';
import { CACHE_HELP, EXIT, EXIT_HELP, onePositional, parseCommandArgs, usage, withRegistry } from './common';
import { parsePageUrl, signalsFromFile } from './lookup';

const S = {
  sv: {
    page: 'Sida',
    org: 'Organisation',
    noOrg: 'ingen känd offentlig aktör (söker bara på värdnamn)',
    none: 'Inga datafiler eller API:er hittades på sidan.',
    found: (n: number) => `${n} fynd`,
    requests: (n: number) => `${n} anrop`,
    linked: 'länkad',
    documented: 'dokumenterad på dataportal.se som',
    licence: 'licens',
    undocumented: 'finns inte i katalogen (kan rapporteras till organisationen som saknad datamängd)',
    unknown: 'okänt om den finns i katalogen',
    openapi: 'OpenAPI',
    truncated: 'Stor sida: bara en del av länkarna och anropen lästes.',
    registryError: (k: string) => `dataportal.se kunde inte tillfrågas helt (${k}); vissa fynd är markerade som okända.`,
    kind: { api: 'API', file: 'Fil', service: 'Karttjänst', docs: 'API-beskrivning', feed: 'Flöde', catalog: 'Katalog' },
  },
  en: {
    page: 'Page',
    org: 'Organisation',
    noOrg: 'no known public body (searching by host name only)',
    none: 'No data files or APIs found on the page.',
    found: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
    requests: (n: number) => `${n} request${n === 1 ? '' : 's'}`,
    linked: 'linked',
    documented: 'documented on dataportal.se as',
    licence: 'licence',
    undocumented: 'not in the catalogue (can be reported to the organisation as a missing dataset)',
    unknown: 'not known whether it is in the catalogue',
    openapi: 'OpenAPI',
    truncated: 'Large page: only part of its links and requests were read.',
    registryError: (k: string) => `dataportal.se could not be fully asked (${k}); some findings are marked unknown.`,
    kind: { api: 'API', file: 'File', service: 'Map service', docs: 'API description', feed: 'Feed', catalog: 'Catalogue' },
  },
} as const;

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown } | undefined)?.code;
    throw usage(`cannot read --${flag} ${file}${typeof code === 'string' ? ` (${code})` : ''}.`);
  }
}

/** The findings of a saved page (and HAR), exactly as the extension would extract them. */
export async function pageFindings(url: URL, htmlFile: string, harFile?: string): Promise<PageFindings> {
  const html = await readText(htmlFile, 'html');
  let entries: ResourceEntryLike[] = [];
  if (harFile !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await readText(harFile, 'har'));
    } catch (err) {
      if (err instanceof Error && err.name === 'CliError') throw err;
      throw usage(`--har ${harFile} is not JSON.`);
    }
    try {
      entries = harEntries(json).entries;
    } catch {
      throw usage(`--har ${harFile} is not a HAR file (no log.entries).`);
    }
  }
  const { document } = parseHTML(html);
  return extractFindings(collectPageUrls(document as unknown as Document, url.href, entries), url.href);
}

function findingLines(lang: Lang, f: Finding, m: FindingMatch | undefined): string[] {
  const s = S[lang];
  const where = f.pattern ?? f.url;
  const head = `${s.kind[f.kind as FindingKind]}${f.format ? ` ${f.format}` : ''} · ${f.requests > 0 ? s.requests(f.requests) : s.linked}`;
  const out = [`- ${where}`, `  ${head}`];
  if (m?.status === 'documented' && m.item) {
    const title = text(lang, m.item.title) ?? `${m.item.contextId}_${m.item.entryId}`;
    const lic = licenceLabel(lang, m.licence ? [m.licence] : m.item.licences);
    out.push(`  ${s.documented} "${title}" <${m.item.portalUrl[lang]}>, ${s.licence}: ${lic}`);
  } else if (m?.status === 'undocumented') {
    out.push(`  ${s.undocumented}`);
  } else if (f.kind !== 'catalog' && f.kind !== 'feed') {
    out.push(`  ${s.unknown}`);
  }
  const docs = f.docs ?? m?.docs;
  if (docs) out.push(`  ${s.openapi}: ${docs}`);
  const curl = curlLine(f.url);
  if (curl) out.push(`  ${curl}`);
  return out;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx, 'page', { html: { type: 'string' }, har: { type: 'string' } });
  const url = parsePageUrl(onePositional(positionals, 'page', 'page URL'));
  if (values.html === undefined) throw usage('--html FILE is required: save the page from the browser and give the file. Run "insyn page --help".');
  const found = await pageFindings(url, values.html, values.har);
  const signals = await signalsFromFile(values.html, url);
  const lang = ctx.lang;
  const s = S[lang];
  return withRegistry(ctx, { noCache: values['no-cache'] }, async ({ client, settle }) => {
    const list = await settle<Publisher[]>((o) => client.listPublishers(o));
    const byUri = new Map(list.map((p) => [p.uri, p]));
    const resolution = resolve({ url: url.href, signals, directory: buildDirectory(list), publishersByUri: Object.fromEntries(byUri) });
    const publisherUri = resolution.status === 'matched' ? resolution.org?.publisherUri : undefined;
    const publisher = publisherUri ? byUri.get(publisherUri) : undefined;
    const result = found.findings.length > 0 ? await createPageMatcher(client).match(found.findings, { ...(publisherUri && { publisherUri }) }) : undefined;
    const byId = new Map((result?.matches ?? []).map((m) => [m.id, m]));
    if (ctx.json) {
      ctx.io.stdout(
        `${JSON.stringify(
          {
            url: url.href,
            organisation: publisher ?? resolution.org ?? null,
            stats: found.stats,
            searchedHosts: result?.searchedHosts ?? [],
            ...(result?.error && { registryError: result.error }),
            findings: found.findings.map((f) => ({ ...f, match: byId.get(f.id) ?? null })),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      const lines = [`${s.page}: ${url.href}`, `${s.org}: ${publisher ? publisherName(lang, publisher) : resolution.org ? text(lang, resolution.org.name) ?? s.noOrg : s.noOrg}`, ''];
      if (found.findings.length === 0) lines.push(s.none);
      else lines.push(s.found(found.findings.length), '');
      for (const f of found.findings) lines.push(...findingLines(lang, f, byId.get(f.id)), '');
      if (found.stats.truncated || found.stats.dropped > 0) lines.push(s.truncated);
      if (result?.error) lines.push(s.registryError(result.error));
      ctx.io.stdout(`${lines.join('\n').replace(/\n+$/, '')}\n`);
    }
    return found.findings.length > 0 ? EXIT.ok : EXIT.notFound;
  });
}

export const pageCommand: Command = {
  name: 'page',
  usage: 'page <url> --html FILE [--har FILE]',
  summary: 'the data files and APIs a saved page uses, matched to dataportal.se',
  help: [
    'Runs the extension\'s "On this page" over a page saved from the browser (--html) and, with --har,',
    "the requests recorded in the browser's network panel (Save all as HAR): links to data files,",
    'APIs, map services (WMS/WFS), OpenAPI documents, feeds and DCAT catalogues, and the fetch/XHR',
    'calls the page made, grouped by endpoint. Analytics, tracking and beacon URLs are left out.',
    '',
    "Each finding is looked up in the page organisation's catalogue on dataportal.se, then by host",
    'name (public-sector hosts only): "documented as …, licence …", "not in the catalogue" or',
    'unknown. The page is not fetched; only organisation and host names reach the registry.',
    '',
    'Options:',
    '  --html FILE   the saved page (required); <url> is where it was saved from',
    '  --har FILE    a HAR file recorded on the same page',
    '  --json        findings with their matches as JSON',
    '  --no-cache    do not read or write the registry cache',
    '',
    CACHE_HELP,
    EXIT_HELP,
  ].join('\n'),
  run,
};

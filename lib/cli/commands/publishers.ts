// `insyn publishers`: every publisher on dataportal.se with its dataset count, most datasets first.
import { findPublishers } from '../../background/service';
import type { Publisher } from '../../dcat/types';
import { formatOrgNumber, type Lang } from '../../i18n';
import type { CliContext, Command } from '../commands';
import { publisherName, publisherTypeLabel, table, type Column } from '../format';
import { CACHE_HELP, EXIT, EXIT_HELP, parseCommandArgs, usage, withRegistry } from './common';
import { ct } from './strings';

/** Most datasets first; ties by name, so the order does not depend on the registry's. */
export function sortPublishers(lang: Lang, list: readonly Publisher[]): Publisher[] {
  return [...list].sort(
    (a, b) => (b.datasetCount ?? 0) - (a.datasetCount ?? 0) || publisherName(lang, a).localeCompare(publisherName(lang, b), lang),
  );
}

export function publishersTable(lang: Lang, list: readonly Publisher[]): string[] {
  const columns: Column[] = [
    { header: ct(lang, 'colCount'), align: 'right' },
    { header: ct(lang, 'colOrgNr') },
    { header: ct(lang, 'colType'), max: 26 },
    { header: ct(lang, 'colName'), max: 44 },
    { header: ct(lang, 'colHomepage'), max: 48 },
  ];
  const rows = list.map((p) => [
    p.datasetCount !== undefined ? String(p.datasetCount) : '',
    formatOrgNumber(p.orgNumber) ?? '',
    publisherTypeLabel(lang, p) ?? '',
    publisherName(lang, p),
    p.homepages[0] ?? '',
  ]);
  return table(columns, rows);
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx, 'publishers', { query: { type: 'string', short: 'q' } });
  if (positionals.length > 0) throw usage(`"publishers" takes no arguments (got ${positionals.join(' ')}); use --query TEXT to filter.`);
  const query = values.query?.trim() || undefined;
  if (query !== undefined && query.length < 2) throw usage('--query needs at least 2 characters (a name or the start of an organisation number).');
  const lang = ctx.lang;
  return withRegistry(ctx, { noCache: values['no-cache'] }, async ({ client, settle }) => {
    const all = await settle<Publisher[]>((o) => client.listPublishers(o));
    // Filtered exactly like the popup's organisation picker, then shown by dataset count.
    const list = sortPublishers(lang, query !== undefined ? findPublishers(all, query, all.length) : all);
    if (ctx.json) {
      ctx.io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return EXIT.ok;
    }
    const head = query !== undefined ? ct(lang, 'publishersLineQuery', { n: list.length, query }) : ct(lang, 'publishersLine', { n: list.length });
    const out = [head];
    if (list.length > 0) out.push('', ...publishersTable(lang, list));
    ctx.io.stdout(`${out.join('\n')}\n`);
    return query !== undefined && list.length === 0 ? EXIT.notFound : EXIT.ok;
  });
}

export const publishersCommand: Command = {
  name: 'publishers',
  usage: 'publishers [--query TEXT]',
  summary: 'every publisher on dataportal.se with its dataset count',
  help: [
    'Lists every organisation that has published datasets on dataportal.se: number of datasets,',
    'organisation number, type and homepage, most datasets first.',
    '',
    'Options:',
    '  -q, --query TEXT   only publishers whose name contains every word of TEXT, or whose',
    '                     organisation number starts with TEXT (at least 2 characters)',
    '  --json             print the publishers (Publisher view objects) as JSON',
    '  --no-cache         do not read or write the local cache',
    '',
    CACHE_HELP,
    `${EXIT_HELP} With --query, 1 means no publisher matched.`,
  ].join('\n'),
  run,
};

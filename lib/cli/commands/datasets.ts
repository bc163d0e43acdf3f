// `insyn datasets <orgnr|publisher-uri|hostname>`: one page of a publisher's datasets, APIs and series.
import type { ItemSummary, Publisher, SearchPage } from '../../dcat/types';
import { isoDate, t, type Lang } from '../../i18n';
import { freshness } from '../../quality/freshness';
import { MAX_LIMIT } from '../../registry/solr';
import { nextOffset, publisherUri, type ItemSort } from '../../registry/client';
import type { CliContext, Command } from '../commands';
import { commandLine, conceptLabel, licenceLabel, freshnessCell, publisherHeading, publisherName, table, text, type Column } from '../format';
import { CACHE_HELP, EXIT, EXIT_HELP, intOption, onePositional, parseCommandArgs, usage, withRegistry } from './common';
import { ct } from './strings';
import { parseTarget, resolvePublisher } from './target';

const SORTS: readonly ItemSort[] = ['modified', 'title', 'relevance'];

function isSort(s: string): s is ItemSort {
  return SORTS.some((x) => x === s);
}

function kindLabel(lang: Lang, item: ItemSummary): string {
  if (item.kind === 'dataservice') return ct(lang, 'kindService');
  if (item.kind === 'series') return ct(lang, 'kindSeries');
  return ct(lang, item.isApi ? 'kindDatasetApi' : 'kindDataset');
}

export function itemsTable(lang: Lang, items: readonly ItemSummary[], now: number): string[] {
  const columns: Column[] = [
    { header: ct(lang, 'colId') },
    { header: ct(lang, 'colKind') },
    { header: ct(lang, 'colTitle'), max: 46 },
    { header: ct(lang, 'colLicence'), max: 30 },
    { header: ct(lang, 'colAccess'), max: 18 },
    { header: ct(lang, 'colFrequency'), max: 22 },
    { header: ct(lang, 'colModified') },
    { header: ct(lang, 'colFreshness') },
    { header: ct(lang, 'colFormats'), max: 24 },
  ];
  const rows = items.map((item) => [
    `${item.contextId}_${item.entryId}`,
    kindLabel(lang, item),
    text(lang, item.title) ?? ct(lang, 'kindDataset'),
    licenceLabel(lang, item.licences),
    conceptLabel(lang, item.accessRights) ?? '',
    conceptLabel(lang, item.frequency) ?? '',
    isoDate(item.modified) ?? '',
    freshnessCell(lang, freshness(item.modified, item.frequency, now)),
    item.formats.join(', '),
  ]);
  return table(columns, rows);
}

function countLine(lang: Lang, publisher: Publisher, page: SearchPage, query: string | undefined): string {
  const org = publisherHeading(lang, publisher);
  const head = query ? ct(lang, 'countLineQuery', { org, total: page.total, query }) : ct(lang, 'countLine', { org, total: page.total });
  if (page.total === 0) return head;
  const range =
    page.items.length === 0
      ? ct(lang, 'nothingAtOffset', { offset: page.offset })
      : ct(lang, 'shownRange', { from: page.offset + 1, to: page.offset + page.items.length });
  return `${head}, ${range}`;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx, 'datasets', {
    query: { type: 'string', short: 'q' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    sort: { type: 'string' },
  });
  const arg = onePositional(positionals, 'datasets', 'organisation number, publisher URI or hostname');
  const target = parseTarget(arg);
  const query = values.query?.trim() || undefined;
  if (query !== undefined && query.length < 3) throw usage('--query needs at least 3 characters (the registry searches 3-letter fragments).');
  const limit = intOption(values.limit, 'limit', 1, MAX_LIMIT, MAX_LIMIT);
  const offset = intOption(values.offset, 'offset', 0, 1_000_000, 0);
  const sort = values.sort;
  if (sort !== undefined && !isSort(sort)) throw usage(`--sort must be one of ${SORTS.join(', ')}, not "${sort}".`);
  const lang = ctx.lang;

  return withRegistry(ctx, { noCache: values['no-cache'] }, async (registry) => {
    const items = (publisherUri: string): Promise<SearchPage> =>
      registry.settle<SearchPage>((o) =>
        registry.client.searchPublisherItems(
          { publisherUri, offset, limit, lang, ...(query !== undefined && { query }), ...(sort !== undefined && { sort }) },
          o,
        ),
      );
    let publisher: Publisher;
    let page: SearchPage;
    if (target.kind === 'host') {
      publisher = await resolvePublisher(target, registry, lang);
      page = await items(publisher.uri);
    } else {
      // The publisher URI follows from the number, so both requests go out at once.
      const uri = target.kind === 'uri' ? target.uri : publisherUri(target.orgNumber);
      [publisher, page] = await Promise.all([resolvePublisher(target, registry, lang), items(uri)]);
    }

    if (ctx.json) {
      ctx.io.stdout(`${JSON.stringify({ publisher, page }, null, 2)}\n`);
      return EXIT.ok;
    }
    const out: string[] = [countLine(lang, publisher, page, query)];
    if (page.total === 0) {
      const name = publisherName(lang, publisher);
      out.push(query ? ct(lang, 'noMatchesQuery', { name, query }) : t(lang, 'noDatasets', { name }));
    } else if (page.items.length > 0) {
      out.push('', ...itemsTable(lang, page.items, Date.now()), '', ct(lang, 'detailHint'));
    }
    const next = nextOffset(page);
    if (next !== undefined && page.items.length > 0) {
      const parts = ['insyn', 'datasets', arg];
      if (query !== undefined) parts.push('--query', query);
      if (sort !== undefined) parts.push('--sort', sort);
      parts.push('--offset', String(next));
      if (values.limit !== undefined) parts.push('--limit', String(limit));
      out.push(ct(lang, 'nextPage', { command: commandLine(parts) }));
    }
    ctx.io.stdout(`${out.join('\n')}\n`);
    return EXIT.ok;
  });
}

export const datasetsCommand: Command = {
  name: 'datasets',
  usage: 'datasets <orgnr|publisher-uri|hostname> [--query TEXT] [--limit N]',
  summary: "a body's datasets and APIs",
  help: [
    "Lists a publisher's datasets, APIs (data services) and dataset series on dataportal.se, one page",
    'at a time (series members are listed under their series, as on the portal).',
    '',
    'The publisher is given as:',
    '  an organisation number   202100-5448, 2021005448, SE2021005448',
    '  a publisher URI          http://dataportal.se/organisation/SE2021005448',
    '  a hostname or URL        skatteverket.se, https://www.skatteverket.se/privat',
    '',
    'Options:',
    '  -q, --query TEXT   only items matching TEXT (at least 3 characters)',
    '  --limit N          items per page, 1-100 (default 100)',
    '  --offset N         skip the first N items (default 0)',
    '  --sort S           modified (default), title, or relevance (with --query)',
    '  --json             print { publisher, page } as JSON (the view objects)',
    '  --no-cache         do not read or write the local cache',
    '',
    'Columns: ID (context_entry, for "insyn dataset"), kind, title, licence (kind), access rights,',
    'update frequency, last modified, "overdue" when older than the stated frequency allows, formats.',
    '',
    CACHE_HELP,
    EXIT_HELP,
  ].join('\n'),
  run,
};

// `insyn health <org> [--check-links] [--json|--csv]`: the data health of one publisher — every
// dataset's MQA-aligned score from its full record, its gaps in plain words, freshness, and the
// organisation summary. An NGO can produce a report on a municipality from the command line.
import type { ItemDetail, ItemSummary, Publisher, SearchPage } from '../../dcat/types';
import { format, isoDate, type Lang } from '../../i18n';
import { itemFreshness } from '../../quality/freshness';
import { createLinkChecker, type LinkStatus } from '../../quality/linkcheck';
import { orgHealth, type OrgHealth, type ScoredItem } from '../../quality/org';
import { BANDS, compareWorstFirst, DIMENSIONS, linkTargets, scoreItem, type QualityScore } from '../../quality/score';
import { bandName, gapText } from '../../quality/text';
import { MAX_LIMIT } from '../../registry/solr';
import { publisherUri as uriOf } from '../../registry/client';
import type { CliContext, Command } from '../commands';
import { clean, freshnessCell, licenceLabel, publisherHeading, table, text, type Column } from '../format';
import { CACHE_HELP, EXIT, EXIT_HELP, intOption, onePositional, parseCommandArgs, usage, withRegistry } from './common';
import { parseTarget, resolvePublisher } from './target';

type Pair = { sv: string; en: string };
const S = {
  heading: { sv: 'Datahälsa: {org}', en: 'Data health: {org}' },
  counted: { sv: '{n} av {total} poster bedömda (fullständiga poster från dataportal.se).', en: '{n} of {total} entries assessed (full records from dataportal.se).' },
  linksOn: { sv: 'Länkar kontrollerade: {n} ({broken} svarar inte).', en: 'Links checked: {n} ({broken} do not answer).' },
  linksOff: { sv: 'Länkarna är inte kontrollerade (--check-links): 80 av 405 poäng är inte bedömda och betygen är uppskattningar.', en: 'Links not checked (--check-links): 80 of 405 points are not judged and the bands are estimates.' },
  colId: { sv: 'ID', en: 'ID' },
  colTitle: { sv: 'Titel', en: 'Title' },
  colBand: { sv: 'Betyg', en: 'Band' },
  colScore: { sv: 'Poäng', en: 'Score' },
  colFresh: { sv: 'Aktualitet', en: 'Fresh' },
  colLicence: { sv: 'Licens', en: 'Licence' },
  colGaps: { sv: 'Saknas', en: 'Missing' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  bands: { sv: 'Betyg: {list}', en: 'Bands: {list}' },
  estimated: { sv: '(uppskattat)', en: '(estimated)' },
  open: { sv: 'Öppen licens: {n} av {total} (CC0: {cc0}, ingen licens: {none})', en: 'Open licence: {n} of {total} (CC0: {cc0}, no licence: {none})' },
  contact: { sv: 'Kontaktpunkt: {n} av {total}', en: 'Contact point: {n} of {total}' },
  fresh: { sv: 'Uppdaterade enligt sin frekvens: {n} av {total} ({overdue} försenade, {unknown} går inte att bedöma)', en: 'Up to date with their stated frequency: {n} of {total} ({overdue} overdue, {unknown} cannot be judged)' },
  average: { sv: 'Genomsnitt: {pct} % av bedömda poäng', en: 'Average: {pct}% of checked points' },
  common: { sv: 'Saknas oftast:', en: 'Most often missing:' },
  commonRow: { sv: '  {what}: {n} poster', en: '  {what}: {n} entries' },
  method: {
    sv: 'Poängen följer EU:s Metadata Quality Assessment (5 dimensioner, 405 poäng) men räknas av Insyn på metadata från dataportal.se; den officiella MQA-poängen kan skilja sig.',
    en: 'The score follows the EU Metadata Quality Assessment (5 dimensions, 405 points) but is computed by Insyn from the metadata on dataportal.se; the official MQA score may differ.',
  },
  detailFailed: { sv: '{id}: fullständig post gick inte att hämta ({reason}); bedömd från listan.', en: '{id}: full record could not be fetched ({reason}); assessed from the list.' },
  empty: { sv: '{org} har inga publicerade poster på dataportal.se.', en: '{org} has no published entries on dataportal.se.' },
} as const satisfies Record<string, Pair>;

function h(lang: Lang, key: keyof typeof S, params?: Record<string, string | number>): string {
  return format(S[key][lang], params);
}

interface Row extends ScoredItem {
  id: string;
  links: LinkStatus[];
}

function pct(score: QualityScore): number {
  return Math.round(score.ratio * 100);
}

function scoreCell(s: QualityScore): string {
  return s.complete ? `${s.achieved}/405` : `${s.achieved}/${s.checkable} (${pct(s)}%)`;
}

function bandCell(lang: Lang, s: QualityScore): string {
  return s.complete ? bandName(lang, s.band) : `≈${bandName(lang, s.band)}`;
}

/** RFC 4180: quote every field that needs it. */
export function csvField(v: string | number | boolean | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function healthCsv(lang: Lang, rows: readonly Row[], now: number): string {
  const head = ['id', 'title', 'kind', 'band', 'band_estimated', 'achieved', 'checkable', 'percent', ...DIMENSIONS, 'freshness', 'modified', 'licence', 'links_broken', 'missing'];
  const lines = [head.join(',')];
  for (const r of rows) {
    const s = r.score;
    const f = itemFreshness(r.item, now);
    lines.push(
      [
        r.id,
        clean(text(lang, r.item.title) ?? ''),
        r.item.kind,
        s.band,
        !s.complete,
        s.achieved,
        s.checkable,
        pct(s),
        ...DIMENSIONS.map((d) => `${s.dimensions[d].achieved}/${s.dimensions[d].checkable}`),
        f.state,
        isoDate(r.item.modified) ?? '',
        r.item.licences.map((l) => l.uri || l.label.any || '').join(' '),
        r.links.filter((l) => !l.ok).map((l) => l.url).join(' '),
        s.gaps.map((g) => gapText(lang, g)).join('; '),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function summaryLines(lang: Lang, health: OrgHealth): string[] {
  const bandList = BANDS.map((b) => `${bandName(lang, b)} ${health.bands[b]}`).join(', ');
  const out = [
    h(lang, 'summary'),
    `  ${h(lang, 'bands', { list: bandList })}${health.estimated > 0 ? ` ${h(lang, 'estimated')}` : ''}`,
    `  ${h(lang, 'average', { pct: Math.round(health.averageRatio * 100) })}`,
    `  ${h(lang, 'open', { n: health.openLicence, total: health.total, cc0: health.cc0, none: health.noLicence })}`,
    `  ${h(lang, 'contact', { n: health.withContact.n, total: health.withContact.of })}`,
    `  ${h(lang, 'fresh', { n: health.upToDate, total: health.total, overdue: health.overdue, unknown: health.freshnessUnknown })}`,
  ];
  if (health.commonGaps.length > 0) {
    out.push(`  ${h(lang, 'common')}`);
    for (const g of health.commonGaps) out.push(`  ${h(lang, 'commonRow', { what: gapText(lang, { key: g.key }), n: g.count })}`);
  }
  return out;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx, 'health', {
    'check-links': { type: 'boolean' },
    csv: { type: 'boolean' },
    limit: { type: 'string' },
  });
  const arg = onePositional(positionals, 'health', 'organisation number, publisher URI or hostname');
  const target = parseTarget(arg);
  if (values.csv && ctx.json) throw usage('choose one of --json and --csv.');
  const limit = intOption(values.limit, 'limit', 1, 5000, 1000);
  const lang = ctx.lang;
  const now = Date.now();

  return withRegistry(ctx, { noCache: values['no-cache'] }, async (registry) => {
    const publisher: Publisher = await resolvePublisher(target, registry, lang);
    const uri = target.kind === 'org' ? uriOf(target.orgNumber) : publisher.uri;

    // Every listed entry, a page of 100 at a time.
    const summaries: ItemSummary[] = [];
    let total = 0;
    for (let offset = 0; summaries.length < limit; ) {
      const page = await registry.settle<SearchPage>((o) =>
        registry.client.searchPublisherItems({ publisherUri: uri, offset, limit: Math.min(MAX_LIMIT, limit - summaries.length), lang }, o),
      );
      total = page.total;
      summaries.push(...page.items);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }

    // Full records (the transport keeps at most 2 requests in flight).
    const details = await Promise.all(
      summaries.map(async (s) => {
        try {
          return await registry.settle<ItemDetail>((o) => registry.client.getItem({ contextId: s.contextId, entryId: s.entryId, uri: s.uri }, o));
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          ctx.io.stderr(`insyn health: ${h(lang, 'detailFailed', { id: `${s.contextId}_${s.entryId}`, reason })}\n`);
          return s;
        }
      }),
    );

    // Links only on request: HEAD, then a one-byte GET; 2 at a time.
    const linkResults = new Map<string, LinkStatus>();
    if (values['check-links']) {
      const checker = createLinkChecker({ fetch: ctx.io.fetch ?? fetch });
      const urls = [...new Set(details.flatMap((d) => ('distributions' in d ? linkTargets(d as ItemDetail) : [])))];
      for (let i = 0; i < urls.length; i += 60) {
        for (const r of await checker.check(urls.slice(i, i + 60))) linkResults.set(r.url, r);
      }
    }

    const rows: Row[] = details.map((item) => {
      const score = scoreItem(item, values['check-links'] ? { links: linkResults } : {});
      const links = 'distributions' in item ? linkTargets(item as ItemDetail).flatMap((u) => (linkResults.has(u) ? [linkResults.get(u) as LinkStatus] : [])) : [];
      return { id: `${item.contextId}_${item.entryId}`, item, score, links };
    });
    rows.sort((a, b) => compareWorstFirst(a.score, b.score) || a.id.localeCompare(b.id));
    const health = orgHealth(rows, now);

    if (ctx.json) {
      const out = {
        publisher: { uri: publisher.uri, name: publisher.name, orgNumber: publisher.orgNumber },
        total,
        assessed: rows.length,
        linksChecked: Boolean(values['check-links']),
        health,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.item.kind,
          title: r.item.title,
          portalUrl: registry.client.portalUrl(r.item, lang),
          score: {
            basis: r.score.basis,
            achieved: r.score.achieved,
            checkable: r.score.checkable,
            projected: r.score.projected,
            band: r.score.band,
            complete: r.score.complete,
            bandRange: r.score.bandRange,
            dimensions: r.score.dimensions,
            indicators: r.score.indicators,
          },
          gaps: r.score.gaps.map((g) => ({ ...g, text: gapText(lang, g) })),
          freshness: itemFreshness(r.item, now),
          links: r.links,
        })),
      };
      ctx.io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return EXIT.ok;
    }
    if (values.csv) {
      ctx.io.stdout(healthCsv(lang, rows, now));
      return EXIT.ok;
    }

    const org = publisherHeading(lang, publisher);
    if (rows.length === 0) {
      ctx.io.stdout(`${h(lang, 'empty', { org })}\n`);
      return EXIT.ok;
    }
    const columns: Column[] = [
      { header: h(lang, 'colId') },
      { header: h(lang, 'colTitle'), max: 40 },
      { header: h(lang, 'colBand') },
      { header: h(lang, 'colScore') },
      { header: h(lang, 'colFresh') },
      { header: h(lang, 'colLicence'), max: 22 },
      { header: h(lang, 'colGaps'), max: 60 },
    ];
    const cells = rows.map((r) => [
      r.id,
      text(lang, r.item.title) ?? r.id,
      bandCell(lang, r.score),
      scoreCell(r.score),
      freshnessCell(lang, itemFreshness(r.item, now)),
      licenceLabel(lang, r.item.licences),
      r.score.gaps.slice(0, 3).map((g) => gapText(lang, g)).join('; '),
    ]);
    const broken = [...linkResults.values()].filter((l) => !l.ok).length;
    const out = [
      h(lang, 'heading', { org }),
      h(lang, 'counted', { n: rows.length, total }),
      values['check-links'] ? h(lang, 'linksOn', { n: linkResults.size, broken }) : h(lang, 'linksOff'),
      '',
      ...table(columns, cells),
      '',
      ...summaryLines(lang, health),
      '',
      h(lang, 'method'),
    ];
    ctx.io.stdout(`${out.join('\n')}\n`);
    return EXIT.ok;
  });
}

export const healthCommand: Command = {
  name: 'health',
  usage: 'health <orgnr|publisher-uri|hostname> [--check-links] [--json|--csv]',
  summary: "data health of a body's datasets: quality score, freshness, links",
  help: [
    "Scores every dataset, API and series a publisher lists on dataportal.se, from its full record,",
    "on the EU Metadata Quality Assessment's 5 dimensions and 405 points, worst first, with what is",
    'missing in plain words, whether it is updated as often as it says, and a summary for the body.',
    '',
    'Options:',
    '  --check-links   ask each access and download link whether it answers (HEAD, then a one-byte',
    '                  GET; 2 at a time, 10 s timeout, no cookies). Without it the 80 points for',
    '                  working links are "not checked" and bands are estimates (marked ≈).',
    '  --json          print publisher, summary and per-entry scores, gaps and link results as JSON',
    '  --csv           print one CSV row per entry (RFC 4180), for a spreadsheet',
    '  --limit N       assess at most N entries (default 1000)',
    '  --no-cache      do not read or write the local cache',
    '',
    'One registry request per 100 listed entries and one per entry for its full record.',
    CACHE_HELP,
    EXIT_HELP,
  ].join('\n'),
  run,
};

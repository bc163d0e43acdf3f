// `insyn dataset <dataportal URL | ctx_entry>`: one dataset, API or series in full.
import { pickList } from '../../dcat/text';
import { curlLine } from '../../dcat/snippets';
import type { ContactPoint, Distribution, ItemDetail, Licence } from '../../dcat/types';
import { formatBytes, isoDate, t, type Lang } from '../../i18n';
import { freshness } from '../../quality/freshness';
import { portalUrl, type ItemRefInput } from '../../registry/client';
import { RegistryError } from '../../registry/errors';
import type { CliContext, Command } from '../commands';
import { CliError } from '../errors';
import { clean, conceptLabel, DASH, fields, freshnessText, licenceLabel, publisherHeading, text, type FieldValue } from '../format';
import { CACHE_HELP, EXIT, EXIT_HELP, onePositional, parseCommandArgs, usage, withRegistry } from './common';
import { ct } from './strings';

const PORTAL_PAGE = /^https?:\/\/(?:www\.)?dataportal\.se\/(?:(?:sv|en)\/)?(?:datasets|dataservice|dataset-series)\/([^/?#]+)/i;
const STORE_ENTRY = /^https?:\/\/[^/]+(?:\/[^/]+)*?\/store\/([A-Za-z0-9_.-]+)\/(?:entry|metadata)\/([A-Za-z0-9_.-]+)(?:[/?#]|$)/i;
const CTX_ENTRY = /^([A-Za-z0-9.-]+)_([A-Za-z0-9_.-]+)$/;

/** `6_68000`, a portal page (any language, with or without slug) or a registry entry URL → entry reference. */
export function parseItemRef(arg: string): ItemRefInput {
  const a = arg.trim();
  const portal = PORTAL_PAGE.exec(a);
  const id = portal ? decodeURIComponent(portal[1] ?? '') : a;
  const m = CTX_ENTRY.exec(id);
  if (m) return { contextId: m[1] ?? '', entryId: m[2] ?? '' };
  const store = STORE_ENTRY.exec(a);
  if (store) return { contextId: store[1] ?? '', entryId: store[2] ?? '' };
  throw usage(
    `"${arg}" is not a dataset reference. Give the ID from "insyn datasets" (e.g. 6_68000) or a dataportal.se page such as https://www.dataportal.se/datasets/6_68000.`,
  );
}

function kindLong(lang: Lang, item: ItemDetail): string {
  if (item.kind === 'dataservice') return ct(lang, 'kindServiceLong');
  if (item.kind === 'series') return ct(lang, 'kindSeriesLong');
  return ct(lang, item.isApi ? 'kindDatasetApiLong' : 'kindDatasetLong');
}

function contactLines(lang: Lang, cps: readonly ContactPoint[]): string[] {
  return cps.flatMap((c) => [
    ...(c.name ? [c.name] : []),
    ...(c.email ? [ct(lang, 'contactEmail', { v: c.email })] : []),
    ...(c.phone ? [ct(lang, 'contactPhone', { v: c.phone.replace(/^tel:/i, '') })] : []),
    ...(c.url ? [ct(lang, 'contactUrl', { v: c.url })] : []),
  ]);
}

function licenceLines(lang: Lang, licences: readonly Licence[]): string[] {
  if (licences.length === 0) return [t(lang, 'licenceMissing')];
  return licences.map((l) => {
    const explanation = text(lang, l.explanation);
    return `${licenceLabel(lang, [l])}${explanation ? `: ${explanation}` : ''}${l.uri ? ` <${l.uri}>` : ''}`;
  });
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v.trim() !== ''))];
}

/** Endpoints to try: a data service's own, and the access URLs of distributions served through an API. */
export function apiEndpoints(item: ItemDetail): string[] {
  return unique([...item.endpointUrls, ...item.distributions.filter((d) => d.accessServiceUris.length > 0).map((d) => d.accessUrl)]);
}

function distributionLines(lang: Lang, d: Distribution, n: number): string[] {
  const title = text(lang, d.title) ?? d.formatLabel ?? `#${n}`;
  const format = d.formatLabel && d.format && d.formatLabel !== d.format ? `${d.formatLabel} (${d.format})` : d.formatLabel ?? d.format;
  const access = d.accessUrl && !d.downloadUrls.includes(d.accessUrl) ? d.accessUrl : undefined;
  const rows: Array<readonly [string, FieldValue]> = [
    [t(lang, 'detailFormat'), format ?? DASH],
    [t(lang, 'detailLicence'), d.licence ? licenceLabel(lang, [d.licence]) : t(lang, 'licenceMissing')],
    [t(lang, 'detailAccessUrl'), access],
    [t(lang, 'detailDownloadUrl'), d.downloadUrls],
    [t(lang, 'detailByteSize'), d.byteSize !== undefined ? formatBytes(lang, d.byteSize) : undefined],
    [ct(lang, 'distStatus'), conceptLabel(lang, d.status)],
    [t(lang, 'detailApi'), d.accessServiceUris.length > 0 ? ct(lang, 'distViaApi') : undefined],
  ];
  const desc = text(lang, d.description);
  return [`  ${n}. ${clean(title)}`, ...(desc ? fields([['', desc]], { indent: 3 }) : []), ...fields(rows, { indent: 5 })];
}

export function detailLines(lang: Lang, item: ItemDetail, now: number): string[] {
  const title = text(lang, item.title) ?? t(lang, 'unnamed');
  const fresh = freshness(item.modified, item.frequency, now);
  const modified = isoDate(item.modified);
  const temporal = item.temporal.map((p) => t(lang, 'fromTo', { from: isoDate(p.start) ?? '…', to: isoDate(p.end) ?? ct(lang, 'openEnded') }));
  const spatial = item.spatial.map((p) => text(lang, p.label) ?? p.uri ?? '').filter((s) => s !== '');
  const keywords = pickList(item.keywords, lang);
  const out: string[] = [clean(title), `${kindLong(lang, item)} · ${item.contextId}_${item.entryId}`, ''];
  out.push(
    ...fields([
      [t(lang, 'detailDescription'), text(lang, item.description) ?? t(lang, 'noDescription')],
      [t(lang, 'detailPublisher'), item.publisher ? publisherHeading(lang, item.publisher) : item.publisherUri ?? DASH],
      [t(lang, 'detailContact'), item.contactPoints.length > 0 ? contactLines(lang, item.contactPoints) : t(lang, 'detailNoContact')],
      [t(lang, 'detailLicence'), licenceLines(lang, item.licences)],
      [t(lang, 'detailAccessRights'), conceptLabel(lang, item.accessRights) ?? ct(lang, 'noAccessRights')],
      [t(lang, 'detailFrequency'), conceptLabel(lang, item.frequency) ?? ct(lang, 'noFrequency')],
      [t(lang, 'detailModified'), `${modified ?? DASH} (${freshnessText(lang, fresh)})`],
      [t(lang, 'detailIssued'), isoDate(item.issued)],
      [t(lang, 'detailThemes'), item.themes.length > 0 ? item.themes.map((c) => conceptLabel(lang, c) ?? c.uri).join(', ') : undefined],
      [t(lang, 'detailKeywords'), keywords.length > 0 ? keywords.join(', ') : undefined],
      [t(lang, 'detailLandingPage'), item.landingPages],
      [t(lang, 'detailDocumentation'), item.documentation],
      [t(lang, 'detailTemporal'), temporal],
      [t(lang, 'detailSpatial'), spatial],
      [ct(lang, 'conformsTo'), item.conformsTo],
      [ct(lang, 'inSeries'), item.inSeries],
      [ct(lang, 'servesDatasets'), item.servesDatasets],
    ]),
  );

  const endpoints = apiEndpoints(item);
  if (endpoints.length > 0 || item.endpointDescriptions.length > 0) {
    out.push('', t(lang, 'detailApi'));
    const curls = unique(endpoints.map((u) => curlLine(u)));
    out.push(
      ...fields(
        [
          [t(lang, 'detailEndpoint'), endpoints],
          [t(lang, 'detailApiDocs'), item.endpointDescriptions],
          [t(lang, 'detailCurl'), curls],
        ],
        { indent: 2, cols: 160 },
      ),
    );
  }

  out.push('', t(lang, 'detailDistributions', { n: item.distributions.length }));
  if (item.distributions.length === 0) out.push(`  ${t(lang, 'detailNoDistributions')}`);
  item.distributions.forEach((d, i) => out.push(...distributionLines(lang, d, i + 1)));
  if (item.skipped.length > 0) out.push('', t(lang, 'skippedNote', { n: item.skipped.length }));
  out.push('', `${t(lang, 'openOnPortal')}: ${portalUrl(item, lang)}`);
  return out;
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx, 'dataset', {});
  const ref = parseItemRef(onePositional(positionals, 'dataset', 'dataset reference'));
  return withRegistry(ctx, { noCache: values['no-cache'] }, async ({ client, settle }) => {
    const item = await settle<ItemDetail>((o) => client.getItem(ref, o)).catch((err: unknown) => {
      if (err instanceof RegistryError && err.status === 404) {
        throw new CliError(`no dataset, API or series ${ref.contextId}_${ref.entryId} in the registry (HTTP 404).`, EXIT.notFound);
      }
      throw err;
    });
    if (ctx.json) ctx.io.stdout(`${JSON.stringify(item, null, 2)}\n`);
    else ctx.io.stdout(`${detailLines(ctx.lang, item, Date.now()).join('\n')}\n`);
    return EXIT.ok;
  });
}

export const datasetCommand: Command = {
  name: 'dataset',
  usage: 'dataset <dataportal URL|ctx_entry>',
  summary: 'one dataset or API in detail',
  help: [
    'Shows one dataset, API (data service) or dataset series: description, publisher, contact point,',
    'licence in plain words, access rights, update frequency and freshness, themes, keywords, every',
    'distribution with its URLs, and for APIs the endpoint, the OpenAPI description and a curl line.',
    '',
    'The item is given as:',
    '  its ID from "insyn datasets"   6_68000',
    '  a dataportal.se page          https://www.dataportal.se/datasets/6_68000/skattesatser-per-kommun',
    '                                (also /en/…, /dataservice/…, /dataset-series/…)',
    '',
    'Options:',
    '  --json       print the item (the ItemDetail view object) as JSON',
    '  --no-cache   do not read or write the local cache',
    '',
    CACHE_HELP,
    EXIT_HELP,
  ].join('\n'),
  run,
};

// The ReportTarget (what a report is about) for a dataset or API, one of its distributions, or an
// organisation ("a dataset is missing"), built from the registry's view objects.
import type { Distribution, ItemDetail, Publisher } from '../dcat/types';
import { pickText } from '../dcat/text';
import { lacksContactPoint, publisherRoutes, reportRoutes } from './route';
import type { Recipient, ReportTarget } from './types';

export interface TargetWithRoutes {
  target: ReportTarget;
  routes: Recipient[];
  noContactPoint: boolean;
}

export function itemTarget(item: ItemDetail, portal: { sv: string; en: string } | undefined, lang: 'sv' | 'en', distribution?: Distribution): TargetWithRoutes {
  const title = pickText(item.title, lang) ?? item.uri;
  const publisherName = pickText(item.publisher?.name, lang);
  const target: ReportTarget = {
    kind: item.kind,
    contextId: item.contextId,
    entryId: item.entryId,
    uri: item.uri,
    title,
    ...(portal && { portalUrl: portal.sv, portalUrlEn: portal.en }),
    ...(publisherName && { publisherName }),
    ...((item.publisher?.uri ?? item.publisherUri) && { publisherUri: item.publisher?.uri ?? item.publisherUri }),
    ...(distribution && {
      distribution: {
        uri: distribution.uri,
        title: pickText(distribution.title, lang) ?? distribution.formatLabel ?? distribution.format ?? distribution.uri,
        ...((distribution.downloadUrls[0] ?? distribution.accessUrl) && { url: distribution.downloadUrls[0] ?? distribution.accessUrl }),
      },
    }),
  };
  return { target, routes: reportRoutes(item, lang), noContactPoint: lacksContactPoint(item) };
}

export function organisationTarget(publisher: Publisher, lang: 'sv' | 'en', portalUrl?: string): TargetWithRoutes {
  const name = pickText(publisher.name, lang) ?? publisher.uri;
  return {
    target: { kind: 'organisation', uri: publisher.uri, publisherUri: publisher.uri, title: name, publisherName: name, ...(portalUrl && { portalUrl }) },
    routes: publisherRoutes(publisher, lang),
    noContactPoint: false,
  };
}

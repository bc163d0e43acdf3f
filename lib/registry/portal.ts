// Links to www.dataportal.se, the human pages for datasets, data services, series and
// organisations. Kept apart from the client: the popup needs them without the client's weight.
import type { EntryRef, ItemKind } from '../dcat/types';

export const PORTAL_BASE = 'https://www.dataportal.se';
export type PortalLang = 'sv' | 'en';

export const KIND_PATH: Record<ItemKind, string> = {
  dataset: 'datasets',
  dataservice: 'dataservice',
  series: 'dataset-series',
};

export function portalUrl(item: { kind: ItemKind } & EntryRef, lang: PortalLang): string {
  const prefix = lang === 'en' ? '/en' : '';
  return `${PORTAL_BASE}${prefix}/${KIND_PATH[item.kind]}/${encodeURIComponent(item.contextId)}_${encodeURIComponent(item.entryId)}`;
}

/** The portal's page for an organisation; needs the agent's entry (known after a lookup). */
export function organisationPortalUrl(publisher: { entry?: EntryRef | undefined }, lang: PortalLang): string | undefined {
  const e = publisher.entry;
  if (!e) return undefined;
  const prefix = lang === 'en' ? '/en' : '';
  return `${PORTAL_BASE}${prefix}/organisations/${encodeURIComponent(e.contextId)}_${encodeURIComponent(e.entryId)}`;
}

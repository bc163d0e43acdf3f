import type { ContactPoint, ItemDetail, Publisher } from '../../../lib/dcat/types';
import type { ReportDraft, ReportForm, ReportRecord, ReportTarget } from '../../../lib/report/types';

export const PUBLISHER: Publisher = {
  uri: 'http://dataportal.se/organisation/SE2021005448',
  name: { sv: 'Skatteverket', en: 'Swedish Tax Agency' },
  orgNumber: '2021005448',
  homepages: ['https://www.skatteverket.se'],
  email: 'registrator@skatteverket.se',
};

export function detail(contactPoints: ContactPoint[], publisher: Publisher | null = PUBLISHER): ItemDetail {
  return {
    kind: 'dataset',
    contextId: '6',
    entryId: '68000',
    uri: 'https://skatteverket.se/data/skattesatser',
    title: { sv: 'Skattesatser per kommun', en: 'Tax rates per municipality' },
    description: {},
    licences: [],
    formats: [],
    themes: [],
    keywords: { sv: [], en: [], any: [] },
    isApi: false,
    landingPages: [],
    documentation: [],
    contactPoints,
    ...(publisher && { publisher }),
    distributions: [],
    temporal: [],
    spatial: [],
    conformsTo: [],
    inSeries: [],
    endpointUrls: [],
    endpointDescriptions: [],
    servesDatasets: [],
    skipped: [],
  };
}

export const TARGET: ReportTarget = {
  kind: 'dataset',
  contextId: '6',
  entryId: '68000',
  uri: 'https://skatteverket.se/data/skattesatser',
  title: 'Skattesatser per kommun',
  portalUrl: 'https://www.dataportal.se/datasets/6_68000',
  portalUrlEn: 'https://www.dataportal.se/en/datasets/6_68000',
  publisherName: 'Skatteverket',
  publisherUri: PUBLISHER.uri,
};

export function form(over: Partial<ReportForm> = {}): ReportForm {
  return {
    category: 'wrong-values',
    description: 'Skattesatsen för Åre är fel för år 2025.\nDen ska vara 34,06 %.',
    where: 'rad 2045, kolumn "kommunalskatt"',
    reporterName: 'Åsa Öberg',
    reporterEmail: 'asa@example.org',
    includePage: false,
    lang: 'sv',
    ...over,
  };
}

export function record(id: string, over: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id,
    targetKey: '6_68000',
    target: TARGET,
    category: 'wrong-values',
    lang: 'sv',
    recipient: { kind: 'contact-email', address: 'oppnadata@skatteverket.se', name: 'Skatteverket, öppna data' },
    channel: 'mailto',
    subject: `Synpunkt på öppna data: Fel – Skattesatser per kommun (${id})`,
    body: 'Hej,\n\n"Citat", komma; och =SUMMA(A1)\r\nrad två',
    createdAt: Date.parse('2026-01-10T09:00:00Z'),
    sentAt: Date.parse('2026-01-10T09:05:00Z'),
    status: 'sent',
    statusAt: Date.parse('2026-01-10T09:05:00Z'),
    ...over,
  };
}

/** A saved draft for the Skatteverket dataset of TARGET, written at `at`. */
export function draft(over: Partial<ReportDraft> = {}, at = Date.parse('2026-01-20T08:00:00Z')): ReportDraft {
  const day = new Date(at).toISOString().slice(0, 10).replace(/-/g, '');
  return {
    key: '6_68000',
    refId: `INSYN-${day}-K7QF`,
    target: TARGET,
    routes: [{ kind: 'contact-email', address: 'oppnadata@skatteverket.se' }],
    recipient: { kind: 'contact-email', address: 'oppnadata@skatteverket.se' },
    form: form(),
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

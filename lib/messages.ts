// The one message protocol between the extension's parts: detector content script, popup,
// options and the background service worker. Each message type has a request and a response
// schema here and nowhere else; both ends validate with them, so a forged or stale message is
// rejected with a clear error instead of reaching the core.
import { z } from 'zod';
import { CorrectionSchema, ResolutionSchema, SignalsSchema } from './detect/schema';
import { ItemDetail, Publisher, SearchPage } from './dcat/types';
import { LinkStatus, MAX_LINKS_PER_CHECK } from './quality/linkcheck';
import { ReportDraft, ReportRecord, ReportStatus } from './report/types';
import { Finding, FindingMatch, PageFindings } from './pagedata/types';

export const ErrorKind = z.enum([
  'bad-message',
  'forbidden',
  'offline',
  'timeout',
  'rate-limited',
  'server',
  'malformed',
  'bad-request',
  'aborted',
  // Local storage (lib/storage/errors.ts): no room left, or the database cannot be used.
  'storage-full',
  'storage-unavailable',
  'internal',
]);
export type ErrorKind = z.infer<typeof ErrorKind>;
const CacheInfo = z.object({ stale: z.boolean(), ageMs: z.number(), source: z.enum(['cache', 'network']) });
const Ok = z.object({ ok: z.literal(true) });

export const TabState = z.union([
  z.object({ pageKind: z.literal('not-web') }),
  z.object({
    pageKind: z.literal('web'),
    url: z.string(),
    host: z.string(),
    /** The user paused Insyn on this host. */
    paused: z.boolean(),
    /** The detector reported signals for this page. */
    signalsSeen: z.boolean(),
    resolution: ResolutionSchema.optional(),
    publisher: Publisher.optional(),
    /** The default first page of the body's data, when the cache had it at hand. */
    firstPage: z.object({ page: SearchPage, cache: CacheInfo }).optional(),
  }),
]);
export type TabState = z.infer<typeof TabState>;

export const CorrectionItem = z.object({
  key: z.string(),
  host: z.string(),
  pathPrefix: z.string().optional(),
  correction: CorrectionSchema,
  savedAt: z.number(),
});

export const PROTOCOL = {
  /** Liveness and version; the E2E harness and options use it. */
  ping: {
    req: z.object({}),
    res: z.object({ version: z.string() }),
  },
  /** Detector → background: what one page says about its owner. */
  signals: {
    req: z.object({ signals: SignalsSchema }),
    res: z.object({ status: z.string() }),
  },
  /** Popup → background: who is behind this tab? `detect` runs the detector there first (activeTab). */
  'tab-state': {
    req: z.object({ tabId: z.number().int().optional(), url: z.string().max(4096).optional(), detect: z.boolean().optional() }),
    res: TabState,
  },
  /** One page of an organisation's datasets, APIs and series. */
  'org-items': {
    req: z.object({
      publisherUri: z.string().max(500),
      query: z.string().max(200).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(100).optional(),
      sort: z.enum(['relevance', 'modified', 'title']).optional(),
      /** Ask the registry even if the cache is fresh; a failure still answers from the cache, with `refreshError`. */
      revalidate: z.boolean().optional(),
    }),
    res: z.object({ page: SearchPage, cache: CacheInfo, refreshError: ErrorKind.optional() }),
  },
  /** One dataset or API with distributions, publisher and contact point. */
  'item-detail': {
    req: z.object({
      contextId: z.string().max(64),
      entryId: z.string().max(64),
      uri: z.string().max(2048).optional(),
      revalidate: z.boolean().optional(),
    }),
    res: z.object({
      item: ItemDetail,
      portalUrl: z.object({ sv: z.string(), en: z.string() }),
      cache: CacheInfo,
      refreshError: ErrorKind.optional(),
    }),
  },
  /** Publishers by name or org number, for "Which organisation is this?". */
  'find-publishers': {
    req: z.object({ text: z.string().max(200) }),
    res: z.object({ publishers: z.array(Publisher) }),
  },
  /** Remember (or, with null, forget) the user's correction for a site. */
  'set-correction': {
    req: z.object({
      url: z.string().max(4096),
      scope: z.enum(['host', 'path']),
      correction: CorrectionSchema.nullable(),
      /** The tab to re-evaluate (and re-badge) at once. */
      tabId: z.number().int().optional(),
    }),
    res: Ok,
  },
  'list-corrections': {
    req: z.object({}),
    res: z.object({ items: z.array(CorrectionItem) }),
  },
  'clear-corrections': {
    req: z.object({ key: z.string().optional() }),
    res: Ok,
  },
  'cache-stats': {
    req: z.object({}),
    res: z.object({ entries: z.number(), bytes: z.number() }),
  },
  'cache-clear': {
    req: z.object({}),
    res: Ok,
  },
  /**
   * Popup → background: do these distribution links answer? Only on the user's click; the popup
   * asks for the optional host permission first. Cached 24 h unless `force`.
   */
  'link-check': {
    req: z.object({ urls: z.array(z.string().max(2048)).min(1).max(MAX_LINKS_PER_CHECK), force: z.boolean().optional() }),
    res: z.object({ results: z.array(LinkStatus) }),
  },
  // Page data (lib/pagedata): what the page uses, collected through activeTab when the popup asks.
  /** Popup → background: run the page-data collector in this tab (URLs only come back) and extract findings. */
  'page-data': {
    req: z.object({ tabId: z.number().int() }),
    res: PageFindings,
  },
  /** Popup → background: look the findings up in the registry (organisation first, then by host). */
  'page-match': {
    req: z.object({ findings: z.array(Finding).max(500), publisherUri: z.string().max(500).optional() }),
    res: z.object({ matches: z.array(FindingMatch), searchedHosts: z.array(z.string()), error: ErrorKind.optional() }),
  },
  // Reports (lib/report): drafts and the local history, kept in IndexedDB by the background.
  'report-draft-get': {
    req: z.object({ key: z.string().max(3000) }),
    res: z.object({ draft: ReportDraft.nullable() }),
  },
  'report-draft-save': { req: z.object({ draft: ReportDraft }), res: Ok },
  'report-draft-delete': { req: z.object({ key: z.string().max(3000) }), res: Ok },
  'report-drafts': { req: z.object({}), res: z.object({ drafts: z.array(ReportDraft) }) },
  'reports-list': { req: z.object({}), res: z.object({ reports: z.array(ReportRecord) }) },
  /** Records a report the user sent (upsert by reference id) and drops its draft. */
  'report-save': { req: z.object({ report: ReportRecord, draftKey: z.string().max(3000).optional() }), res: Ok },
  'report-status': {
    req: z.object({ id: z.string().max(40), status: ReportStatus }),
    res: z.object({ report: ReportRecord.nullable() }),
  },
  'report-delete': { req: z.object({ id: z.string().max(40) }), res: Ok },
  'reports-import': {
    req: z.object({ reports: z.array(ReportRecord).max(10_000) }),
    res: z.object({ added: z.number(), updated: z.number(), unchanged: z.number() }),
  },
} as const;

export type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['req']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['res']>;


export const WireError = z.object({ kind: ErrorKind, message: z.string() });
export type WireError = z.infer<typeof WireError>;

const Envelope = z.object({ type: z.string(), payload: z.unknown() });
const Reply = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireError }),
]);
export type Reply = z.infer<typeof Reply>;

/** An error that crossed the message boundary, with its kind intact for the UI. */
export class MessageError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(PROTOCOL, type);
}

/** Sends one request through `send` (runtime.sendMessage) and validates the reply. */
export async function call<T extends MessageType>(
  send: (message: unknown) => Promise<unknown>,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw = await send({ type, payload });
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new MessageError('bad-message', `No valid reply to ${type}`);
  if (!reply.data.ok) throw new MessageError(reply.data.error.kind, reply.data.error.message);
  const data = PROTOCOL[type].res.safeParse(reply.data.data);
  if (!data.success) throw new MessageError('bad-message', `Malformed reply to ${type}: ${data.error.message}`);
  return data.data as ResponseOf<T>;
}

/** What the background knows about who sent a message. */
export interface SenderInfo {
  /** The sending extension's id; must be ours. */
  id?: string;
  /** Set when a content script sent it. */
  tabId?: number;
  /** URL of the sending frame or page. */
  url?: string;
  frameId?: number;
}

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>>;
};

/** Maps thrown errors to wire errors; typed errors (RegistryError, MessageError) keep their kind. */
function toWireError(err: unknown): WireError {
  if (err && typeof err === 'object' && 'kind' in err) {
    const kind = ErrorKind.safeParse((err as { kind: unknown }).kind);
    const message = err instanceof Error ? err.message : String(err);
    if (kind.success) return { kind: kind.data, message };
  }
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Builds the background's dispatcher: validates the envelope, the sender and the payload,
 * runs the handler, and always resolves to a Reply (never rejects), so the listener can
 * hand the result straight to sendResponse.
 */
export function createDispatcher(handlers: Partial<Handlers>, ownId: string) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply> => {
    if (sender.id !== ownId) return { ok: false, error: { kind: 'forbidden', message: 'Unknown sender' } };
    const env = Envelope.safeParse(message);
    if (!env.success || !isMessageType(env.data.type)) {
      return { ok: false, error: { kind: 'bad-message', message: 'Unknown message' } };
    }
    const type = env.data.type;
    const handler = handlers[type] as ((p: unknown, s: SenderInfo) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: { kind: 'bad-message', message: `No handler for ${type}` } };
    const payload = PROTOCOL[type].req.safeParse(env.data.payload ?? {});
    if (!payload.success) {
      return { ok: false, error: { kind: 'bad-message', message: `Invalid ${type}: ${payload.error.message}` } };
    }
    try {
      const data = await handler(payload.data, sender);
      return { ok: true, data };
    } catch (err) {
      return { ok: false, error: toWireError(err) };
    }
  };
}

// A local stand-in for admin.dataportal.se/store, for CLI and E2E tests: a Node http(s) server on
// 127.0.0.1 and a random port that answers the EntryStore requests Insyn sends, from the generated
// entries in registry-data.ts.
//
// It parses the Solr query the way the real server would for the shapes the client uses (boolean
// AND/OR/NOT, field:value with backslash escapes, field:(a AND b), "phrases", `*`), indexes
// entries under EntryStore's field names (including metadata.predicate.*.<md5-8>), and answers
// with the real envelope. What it does not understand gets EntryStore's 400, so a client change
// that would break against the real registry breaks here too.
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { buildRegistryData, NS, type RdfGraph, type RdfTerm, type RegistryData, type StubEntry } from './registry-data.ts';

export type StubMode =
  | 'ok'
  /** Drops the connection (a reset: fetch rejects with a TypeError). */
  | 'down'
  | '500'
  | '502'
  /** 503, with Retry-After only when `retryAfter` is given. */
  | '503'
  /** 429, with Retry-After (default 120 s; `retryAfter: ''` sends none). */
  | '429'
  /** An HTML maintenance page with 200. */
  | 'html'
  /** The real answer cut in the middle, with 200. */
  | 'truncated'
  /** 200 with an empty body. */
  | 'empty'
  /** 200 with JSON that is not an EntryStore answer. */
  | 'wrong-shape'
  /** Accepts the request and never answers. */
  | 'hang'
  /** 200 and the real answer, one byte every `dripMs` (default 50 ms): a body that trickles in past any time-out. */
  | 'drip';

export interface StubModeOptions {
  /** Retry-After for 429 (default '120') and 503 (default none); '' sends no header. */
  retryAfter?: string;
  /** Only the next `times` requests (that match `when`) get the mode; then the stub answers normally again. */
  times?: number;
  /** Only requests for which this is true get the mode. */
  when?: (url: URL) => boolean;
  dripMs?: number;
}

export interface RegistryStubOptions {
  https?: { key: string | Buffer; cert: string | Buffer };
  /** Delay before each answer, so concurrency can be observed. */
  latencyMs?: number;
  data?: RegistryData;
}

export interface RegistryStub {
  /** `http(s)://127.0.0.1:<port>`; the store is served at `/store/…` and, for convenience, at `/…`. */
  url: string;
  /** `url + '/store'`: what to give the transport or `--api-base`. */
  base: string;
  port: number;
  /** Every request received, in order. */
  requests: URL[];
  /** Highest number of requests being handled at the same time so far. */
  readonly maxInFlight: number;
  /** Requests being handled right now (a drip or hang the client gave up on must reach 0: no leaked connection). */
  readonly inFlight: number;
  /** How the stub misbehaves from now on (see StubMode); each call replaces the previous mode and options. */
  setMode(mode: StubMode, options?: StubModeOptions): void;
  /** Forget recorded requests and the in-flight maximum. */
  reset(): void;
  close(): Promise<void>;
}

const WRONG_PARAMS = { error: 'Search failed due to wrong parameters' };
const ADMIN = 'https://admin.dataportal.se/store';

// ---------------------------------------------------------------------------------------------
// Index

interface Indexed {
  entry: StubEntry;
  exact: Map<string, string[]>;
  text: Map<string, string[]>;
  sortKeys: Map<string, string>;
}

const md5_8 = (s: string): string => createHash('md5').update(s).digest('hex').slice(0, 8);

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function literals(terms: readonly RdfTerm[] | undefined): Array<{ value: string; lang?: string }> {
  return (terms ?? []).flatMap((t) => (t.type === 'literal' ? [{ value: t.value, ...(t.lang && { lang: t.lang }) }] : []));
}

/** What EntryStore's SolrSearchIndex writes for one entry (the subset the client queries). */
function indexEntry(entry: StubEntry): Indexed {
  const node = entry.graph[entry.resourceUri] ?? {};
  const exact = new Map<string, string[]>();
  const text = new Map<string, string[]>();
  const sortKeys = new Map<string, string>();
  push(exact, 'public', String(entry.public));
  push(exact, 'resource', entry.resourceUri);
  push(exact, 'uri', `${ADMIN}/${entry.contextId}/entry/${entry.entryId}`);
  push(exact, 'context', `${ADMIN}/${entry.contextId}`);
  for (const t of node[NS.rdfType] ?? []) push(exact, 'rdfType', t.value);
  for (const [pred, terms] of Object.entries(node)) {
    const h = md5_8(pred);
    for (const t of terms) {
      if (t.type === 'uri') push(exact, `metadata.predicate.uri.${h}`, t.value);
      if (t.type === 'literal') {
        push(exact, `metadata.predicate.literal_s.${h}`, t.value);
        push(text, `metadata.predicate.literal.${h}`, t.value);
      }
    }
  }
  const titles = [...literals(node[NS.dctTitle]), ...literals(node[NS.foafName]), ...literals(node[NS.vcardFn])];
  for (const t of titles) push(text, 'title', t.value);
  for (const t of literals(node[NS.dctDescription])) push(text, 'description', t.value);
  for (const t of literals(node[NS.dcatKeyword])) push(text, 'tag.literal', t.value);
  for (const f of ['title', 'description', 'tag.literal']) for (const v of text.get(f) ?? []) push(text, 'all', v);
  for (const lang of ['sv', 'en']) {
    const t = titles.find((x) => x.lang === lang);
    if (t) sortKeys.set(`title_sort.${lang}`, t.value.toLowerCase());
  }
  sortKeys.set('modified', entry.modified);
  sortKeys.set('uri', `${ADMIN}/${entry.contextId}/entry/${entry.entryId}`);
  const published = literals(node[NS.dctModified])[0];
  if (published) sortKeys.set(`metadata.predicate.literal_s.${md5_8(NS.dctModified)}`, published.value);
  return { entry, exact, text, sortKeys };
}

// ---------------------------------------------------------------------------------------------
// Solr query parsing

class QueryError extends Error {}

type Tok =
  | { t: 'lp' }
  | { t: 'rp' }
  | { t: 'and' }
  | { t: 'or' }
  | { t: 'not' }
  | { t: 'word'; raw: string }
  | { t: 'phrase'; raw: string };

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      out.push({ t: 'lp' });
      i++;
    } else if (c === ')') {
      out.push({ t: 'rp' });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < q.length && q[j] !== '"') {
        if (q[j] === '\\' && j + 1 < q.length) {
          raw += q.slice(j, j + 2);
          j += 2;
        } else raw += q[j++];
      }
      if (j >= q.length) throw new QueryError('unterminated phrase');
      out.push({ t: 'phrase', raw });
      i = j + 1;
    } else {
      let j = i;
      let raw = '';
      while (j < q.length && !/[\s()"]/.test(q[j] as string)) {
        if (q[j] === '\\' && j + 1 < q.length) {
          raw += q.slice(j, j + 2);
          j += 2;
        } else raw += q[j++];
      }
      if (raw === 'AND') out.push({ t: 'and' });
      else if (raw === 'OR') out.push({ t: 'or' });
      else if (raw === 'NOT') out.push({ t: 'not' });
      else out.push({ t: 'word', raw });
      i = j;
    }
  }
  return out;
}

const unescape = (raw: string): string => raw.replace(/\\(.)/g, '$1');

interface ValueTerm {
  text: string;
  /** Trailing unescaped `*`. */
  prefix: boolean;
  phrase: boolean;
  any: boolean;
}
type Value = { op: 'and' | 'or'; terms: ValueTerm[] };
type Node =
  | { k: 'and' | 'or'; c: Node[] }
  | { k: 'not'; c: Node }
  | { k: 'field'; field: string; value: Value };

const EXACT_FIELD = /^(public|rdfType|resource|uri|context|metadata\.predicate\.(uri|literal_s)\.[0-9a-f]{8})$/;
const TEXT_FIELD = /^(title|description|tag\.literal|all|metadata\.predicate\.literal\.[0-9a-f]{8})$/;

function valueTerm(raw: string, phrase: boolean): ValueTerm {
  if (!phrase && raw === '*') return { text: '', prefix: false, phrase: false, any: true };
  const prefix = !phrase && /(^|[^\\])\*$/.test(raw);
  return { text: unescape(prefix ? raw.slice(0, -1) : raw), prefix, phrase, any: false };
}

function parse(q: string): Node {
  const toks = lex(q);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const next = (): Tok => {
    const t = toks[pos++];
    if (!t) throw new QueryError('unexpected end of query');
    return t;
  };

  function orExpr(): Node {
    const c = [andExpr()];
    while (peek()?.t === 'or') {
      pos++;
      c.push(andExpr());
    }
    return c.length === 1 ? (c[0] as Node) : { k: 'or', c };
  }
  function andExpr(): Node {
    const c = [unary()];
    while (peek()?.t === 'and') {
      pos++;
      c.push(unary());
    }
    return c.length === 1 ? (c[0] as Node) : { k: 'and', c };
  }
  function unary(): Node {
    const t = next();
    if (t.t === 'not') return { k: 'not', c: unary() };
    if (t.t === 'lp') {
      const inner = orExpr();
      if (next().t !== 'rp') throw new QueryError('missing )');
      return inner;
    }
    if (t.t !== 'word') throw new QueryError(`unexpected ${t.t}`);
    const m = /^((?:[^:\\]|\\.)+):(.*)$/.exec(t.raw);
    if (!m) throw new QueryError(`not a field clause: ${t.raw}`);
    const field = m[1] as string;
    const rest = m[2] as string;
    if (!EXACT_FIELD.test(field) && !TEXT_FIELD.test(field)) throw new QueryError(`unknown field ${field}`);
    if (rest !== '') return { k: 'field', field, value: { op: 'and', terms: [valueTerm(rest, false)] } };
    const v = next();
    if (v.t === 'phrase') return { k: 'field', field, value: { op: 'and', terms: [valueTerm(v.raw, true)] } };
    if (v.t !== 'lp') throw new QueryError(`missing value for ${field}`);
    const terms: ValueTerm[] = [];
    let op: 'and' | 'or' | undefined;
    for (;;) {
      const w = next();
      if (w.t === 'word' || w.t === 'phrase') terms.push(valueTerm(w.raw, w.t === 'phrase'));
      else throw new QueryError('bad value group');
      const sep = next();
      if (sep.t === 'rp') break;
      if (sep.t !== 'and' && sep.t !== 'or') throw new QueryError('bad value group');
      if (op && op !== sep.t) throw new QueryError('mixed operators in value group');
      op = sep.t;
    }
    return { k: 'field', field, value: { op: op ?? 'and', terms } };
  }

  const root = orExpr();
  if (pos !== toks.length) throw new QueryError('trailing tokens');
  return root;
}

function matchTerm(ix: Indexed, field: string, term: ValueTerm): boolean {
  if (EXACT_FIELD.test(field)) {
    const values = ix.exact.get(field) ?? [];
    if (term.any) return values.length > 0;
    return term.prefix ? values.some((v) => v.startsWith(term.text)) : values.includes(term.text);
  }
  const values = ix.text.get(field) ?? [];
  if (term.any) return values.length > 0;
  // The ngram index matches substrings, case-insensitively; phrases must appear as written.
  const needle = term.text.toLowerCase();
  return values.some((v) => v.toLowerCase().includes(needle));
}

const WEIGHT: Record<string, number> = { title: 4, 'tag.literal': 2, description: 1, all: 1 };

/** Whether the entry matches, and a crude relevance score from the text clauses that matched. */
function evaluate(ix: Indexed, n: Node): { hit: boolean; score: number } {
  switch (n.k) {
    case 'and': {
      let score = 0;
      for (const c of n.c) {
        const r = evaluate(ix, c);
        if (!r.hit) return { hit: false, score: 0 };
        score += r.score;
      }
      return { hit: true, score };
    }
    case 'or': {
      let score = 0;
      let hit = false;
      for (const c of n.c) {
        const r = evaluate(ix, c);
        if (r.hit) {
          hit = true;
          score += r.score;
        }
      }
      return { hit, score };
    }
    case 'not':
      return { hit: !evaluate(ix, n.c).hit, score: 0 };
    case 'field': {
      const results = n.value.terms.map((t) => matchTerm(ix, n.field, t));
      const hit = n.value.op === 'and' ? results.every(Boolean) : results.some(Boolean);
      return { hit, score: hit ? WEIGHT[n.field] ?? 0 : 0 };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Responses

function infoGraph(e: StubEntry): RdfGraph {
  const entryUri = `${ADMIN}/${e.contextId}/entry/${e.entryId}`;
  return {
    [entryUri]: {
      'http://entrystore.org/terms/metadata': [{ type: 'uri', value: `${ADMIN}/${e.contextId}/metadata/${e.entryId}` }],
      'http://entrystore.org/terms/resource': [{ type: 'uri', value: e.resourceUri }],
      'http://purl.org/dc/terms/created': [{ type: 'literal', value: e.created, datatype: NS.xsdDateTime }],
      'http://purl.org/dc/terms/modified': [{ type: 'literal', value: e.modified, datatype: NS.xsdDateTime }],
      'http://purl.org/dc/terms/creator': [{ type: 'uri', value: `${ADMIN}/_principals/resource/2` }],
      'http://entrystore.org/terms/relation': [{ type: 'uri', value: `${ADMIN}/${e.contextId}/relations/${e.entryId}` }],
      [NS.rdfType]: [{ type: 'uri', value: 'http://entrystore.org/terms/Link' }],
    },
  };
}

function child(e: StubEntry): unknown {
  return {
    entryId: e.entryId,
    contextId: e.contextId,
    info: infoGraph(e),
    metadata: e.graph,
    relations: {},
    rights: ['readmetadata', 'readresource'],
  };
}

/** Predicates `recursive=dcat` follows from an item: its distributions, publisher and contact points. */
const RECURSE = [NS.dcatDistributionP, NS.dctPublisher, NS.dcatContactPoint];

interface Reply {
  status: number;
  body: unknown;
}

type SortKey = { field: string; desc: boolean };

function parseSort(sort: string | null): SortKey[] | undefined {
  if (sort === null || sort.trim() === '') return [{ field: 'score', desc: true }, { field: 'modified', desc: true }];
  const keys: SortKey[] = [];
  for (const part of sort.split(',')) {
    const m = /^\s*([A-Za-z0-9_.]+)\s+(asc|desc)\s*$/.exec(part);
    if (!m) return undefined;
    // EntryStore maps title.xx to the sortable title_sort.xx.
    const field = (m[1] as string).replace(/^title\.([a-z]{2})$/, 'title_sort.$1');
    if (!/^(score|modified|uri|title_sort\.[a-z]{2}|metadata\.predicate\.literal_s\.[0-9a-f]{8})$/.test(field)) return undefined;
    keys.push({ field, desc: m[2] === 'desc' });
  }
  return keys;
}

function intParam(v: string | null, def: number): number {
  if (v === null || v.trim() === '') return def;
  const n = Number(v);
  return Number.isInteger(n) ? n : Number.NaN;
}

function search(index: readonly Indexed[], params: URLSearchParams): Reply {
  if (params.get('type') !== 'solr') return { status: 400, body: WRONG_PARAMS };
  const query = params.get('query');
  if (query === null) return { status: 400, body: WRONG_PARAMS };
  if (query.length < 3) return { status: 400, body: { error: 'Query too short' } };
  let tree: Node;
  try {
    tree = parse(query);
  } catch {
    return { status: 400, body: WRONG_PARAMS };
  }
  let limit = intParam(params.get('limit'), 50);
  const offset = intParam(params.get('offset'), 0);
  if (Number.isNaN(limit) || Number.isNaN(offset) || offset < 0) return { status: 400, body: WRONG_PARAMS };
  if (limit < 0) limit = 50;
  limit = Math.min(limit, 100);
  const sort = parseSort(params.get('sort'));
  if (!sort) return { status: 400, body: WRONG_PARAMS };

  const hits: Array<{ ix: Indexed; score: number }> = [];
  for (const ix of index) {
    const r = evaluate(ix, tree);
    if (r.hit) hits.push({ ix, score: r.score });
  }
  hits.sort((a, z) => {
    for (const k of sort) {
      let c: number;
      if (k.field === 'score') c = a.score - z.score;
      else {
        const av = a.ix.sortKeys.get(k.field);
        const zv = z.ix.sortKeys.get(k.field);
        // Missing values sort last in both directions, as Solr's sortMissingLast does.
        if (av === undefined || zv === undefined) {
          if (av === zv) continue;
          return av === undefined ? 1 : -1;
        }
        c = av < zv ? -1 : av > zv ? 1 : 0;
      }
      if (c !== 0) return k.desc ? -c : c;
    }
    return a.ix.entry.entryId.localeCompare(z.ix.entry.entryId) || a.ix.entry.contextId.localeCompare(z.ix.entry.contextId);
  });

  const body: Record<string, unknown> = {
    offset,
    limit,
    results: hits.length,
    resource: { children: hits.slice(offset, offset + limit).map((h) => child(h.ix.entry)) },
    facetFields: [],
  };
  const facetFields = params.get('facetFields');
  if (facetFields) {
    const facetLimit = Math.min(intParam(params.get('facetLimit'), 100), 1000);
    const minCount = intParam(params.get('facetMinCount'), 1);
    if (Number.isNaN(facetLimit) || Number.isNaN(minCount)) return { status: 400, body: WRONG_PARAMS };
    const out: unknown[] = [];
    for (const name of facetFields.split(',')) {
      if (!/^(rdfType|metadata\.predicate\.(uri|literal_s)\.[0-9a-f]{8})$/.test(name)) return { status: 400, body: WRONG_PARAMS };
      const counts = new Map<string, number>();
      for (const h of hits) for (const v of new Set(h.ix.exact.get(name) ?? [])) counts.set(v, (counts.get(v) ?? 0) + 1);
      const values = [...counts]
        .filter(([, c]) => c >= minCount)
        .sort((a, z) => z[1] - a[1] || a[0].localeCompare(z[0]))
        .map(([n, count]) => ({ name: n, count }));
      out.push({ name, valueCount: values.length, values: values.slice(0, facetLimit) });
    }
    body.facetFields = out;
  }
  return { status: 200, body };
}

function metadata(data: RegistryData, byResource: Map<string, StubEntry[]>, ctx: string, eid: string, params: URLSearchParams): Reply {
  const e = data.entries.find((x) => x.contextId === ctx && x.entryId === eid);
  if (!e || !e.public) return { status: 404, body: { error: 'Entry not found' } };
  const format = params.get('format');
  if (format !== null && format !== 'application/json' && format !== 'application/rdf+json') return { status: 406, body: { error: 'Unsupported format' } };
  const recursive = params.get('recursive');
  if (recursive === null) return { status: 200, body: e.graph };
  if (recursive !== 'dcat') return { status: 400, body: { error: 'Unknown recursion profile' } };
  const graph: RdfGraph = { ...e.graph };
  const node = e.graph[e.resourceUri] ?? {};
  for (const p of RECURSE) {
    for (const t of node[p] ?? []) {
      if (t.type !== 'uri') continue;
      // The publisher's first public entry, as EntryStore resolves a URI to one entry.
      const linked = (byResource.get(t.value) ?? []).find((x) => x.public);
      if (linked) Object.assign(graph, linked.graph);
    }
  }
  return { status: 200, body: graph };
}

// ---------------------------------------------------------------------------------------------
// Server

export async function startRegistryStub(options: RegistryStubOptions = {}): Promise<RegistryStub> {
  const data = options.data ?? buildRegistryData();
  const index = data.entries.map(indexEntry);
  const byResource = new Map<string, StubEntry[]>();
  for (const e of data.entries) {
    const list = byResource.get(e.resourceUri);
    if (list) list.push(e);
    else byResource.set(e.resourceUri, [e]);
  }
  let mode: StubMode = 'ok';
  let modeOptions: StubModeOptions = {};
  let remaining = Infinity;
  let inFlight = 0;
  let maxInFlight = 0;
  const requests: URL[] = [];
  const latency = options.latencyMs ?? 0;
  let origin = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      ...headers,
    });
    res.end(text);
  };

  /** The mode for this request: the current one if it applies to the URL and has uses left, else 'ok'. */
  const modeFor = (url: URL): StubMode => {
    if (mode === 'ok' || (modeOptions.when && !modeOptions.when(url)) || remaining <= 0) return 'ok';
    remaining--;
    return mode;
  };

  const answer = (req: IncomingMessage, url: URL): Reply => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, body: { error: 'Method not allowed' } };
    const path = url.pathname.replace(/^\/store(?=\/)/, '');
    const md = /^\/([A-Za-z0-9_]+)\/metadata\/([A-Za-z0-9_]+)$/.exec(path);
    if (path === '/search') return search(index, url.searchParams);
    if (md) return metadata(data, byResource, md[1] as string, md[2] as string, url.searchParams);
    return { status: 404, body: { error: 'Not found' } };
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(url);
    const current = modeFor(url);
    if (current === 'down') {
      req.socket.destroy();
      return;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let timer: ReturnType<typeof setInterval> | undefined;
    res.on('close', () => {
      inFlight--;
      if (timer) clearInterval(timer);
    });
    const retryAfter = (fallback: string | undefined): Record<string, string> => {
      const v = modeOptions.retryAfter ?? fallback;
      return v ? { 'Retry-After': v } : {};
    };
    const respond = (): void => {
      if (current === '500' || current === '502') return send(res, Number(current), { error: 'Internal server error' });
      if (current === '503') return send(res, 503, { error: 'Service unavailable' }, retryAfter(undefined));
      if (current === '429') return send(res, 429, { error: 'Too many requests' }, retryAfter('120'));
      if (current === 'html') return send(res, 200, '<!DOCTYPE html><html><head><title>Underhåll</title></head><body><h1>Tjänsten är tillfälligt otillgänglig</h1></body></html>');
      if (current === 'empty') return send(res, 200, '', { 'Content-Type': 'application/json; charset=utf-8' });
      if (current === 'wrong-shape') return send(res, 200, { status: 'ok', data: [] });
      if (current === 'hang') return; // the client's time-out ends it
      const reply = answer(req, url);
      const text = JSON.stringify(reply.body);
      if (current === 'truncated') return send(res, reply.status, text.slice(0, Math.max(1, Math.floor(text.length / 2))), { 'Content-Type': 'application/json; charset=utf-8' });
      if (current === 'drip') {
        res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
        res.flushHeaders();
        let i = 0;
        timer = setInterval(() => {
          if (i >= text.length) {
            clearInterval(timer);
            res.end();
            return;
          }
          res.write(text[i++] as string);
        }, modeOptions.dripMs ?? 50);
        return;
      }
      send(res, reply.status, reply.body);
    };
    if (latency > 0) setTimeout(respond, latency);
    else respond();
  };

  const server: Server = options.https ? createHttpsServer({ key: options.https.key, cert: options.https.cert }, handle) : createHttpServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    url: origin,
    base: `${origin}/store`,
    port,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
    setMode(m, opts = {}) {
      mode = m;
      modeOptions = opts;
      remaining = opts.times ?? Infinity;
    },
    reset() {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

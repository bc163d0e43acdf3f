// RDF/JSON (subject → predicate → [term]) as EntryStore sends it in `metadata` and `info`.
// Parsing is lenient per node and per value: harvested catalogues contain odd values, and one bad
// value must not hide a whole dataset. Whatever is dropped is reported in `skipped`.
// Before any schema is built: no `new Function` probe under the extension CSP.
import '../zod-setup';
import { z } from 'zod';
import type { LangList, LangText, Skipped } from './types';
import { isBlankText } from './text';
import { RDF } from './ns';

export const RdfTerm = z.object({
  type: z.enum(['uri', 'literal', 'bnode']),
  value: z.string(),
  lang: z.string().optional(),
  datatype: z.string().optional(),
});
export type RdfTerm = z.infer<typeof RdfTerm>;

/** One subject's predicates, each with at least one valid term. */
export const RdfPredicates = z.record(z.string(), z.array(RdfTerm));
/** Strict form of a whole RDF/JSON document; `parseRdfJson` is the lenient reader actually used. */
export const RdfJson = z.record(z.string(), RdfPredicates);
export type RdfJson = z.infer<typeof RdfJson>;

const NO_TERMS: readonly RdfTerm[] = Object.freeze([]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Which LangText slot a language tag belongs to; BCP 47 subtags and ISO 639-2 codes count as the base language. */
export function langSlot(lang: string | undefined): keyof LangText {
  if (lang === undefined) return 'any';
  const base = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'sv' || base === 'swe') return 'sv';
  if (base === 'en' || base === 'eng') return 'en';
  return 'any';
}

const TERM_TYPES: readonly unknown[] = ['uri', 'literal', 'bnode'];

/**
 * The usual well-formed term, checked by hand: the same result as `RdfTerm.safeParse` for JSON input,
 * without its cost. Zod runs jitless under the extension CSP (~10 µs a term), and a record with 10 000
 * distributions has some 60 000 terms: over a second in the worker for validation alone (hostile tests).
 * Anything unusual still goes through the schema, which gives the reason.
 */
function plainTerm(v: unknown): RdfTerm | undefined {
  if (!isPlainObject(v)) return undefined;
  const { type, value, lang, datatype } = v;
  if (!TERM_TYPES.includes(type) || typeof value !== 'string') return undefined;
  if ((lang !== undefined && typeof lang !== 'string') || (datatype !== undefined && typeof datatype !== 'string')) return undefined;
  const t: RdfTerm = { type: type as RdfTerm['type'], value };
  if (lang !== undefined) t.lang = lang;
  if (datatype !== undefined) t.datatype = datatype;
  return t;
}

// A literal only a reader could not see counts as absent (lib/dcat/text.ts isBlankText).
const isBlank = isBlankText;

export class Graph {
  // Maps, not plain objects: subject and predicate keys come from the network and may be `__proto__`.
  private readonly nodes: Map<string, Map<string, RdfTerm[]>>;

  constructor(nodes: Map<string, Map<string, RdfTerm[]>> = new Map()) {
    this.nodes = nodes;
  }

  get size(): number {
    return this.nodes.size;
  }

  has(s: string): boolean {
    return this.nodes.has(s);
  }

  subjects(): string[] {
    return [...this.nodes.keys()];
  }

  predicates(s: string): string[] {
    const n = this.nodes.get(s);
    return n ? [...n.keys()] : [];
  }

  objects(s: string, p: string): readonly RdfTerm[] {
    return this.nodes.get(s)?.get(p) ?? NO_TERMS;
  }

  /** Values of URI terms. */
  uris(s: string, p: string): string[] {
    return uniq(this.objects(s, p).filter((t) => t.type === 'uri').map((t) => t.value));
  }

  /** URI and blank-node terms: the ids of nodes this subject points to. */
  refs(s: string, p: string): string[] {
    return uniq(this.objects(s, p).filter((t) => t.type !== 'literal').map((t) => t.value));
  }

  /** Literal values, any language; whitespace-only values are dropped. */
  literals(s: string, p: string): string[] {
    return uniq(this.objects(s, p).filter((t) => t.type === 'literal' && !isBlank(t.value)).map((t) => t.value));
  }

  /** URI and literal values: publishers put URLs in either. */
  strings(s: string, p: string): string[] {
    return uniq(this.objects(s, p).filter((t) => t.type !== 'bnode' && !isBlank(t.value)).map((t) => t.value));
  }

  firstUri(s: string, p: string): string | undefined {
    return this.uris(s, p)[0];
  }

  firstLiteral(s: string, p: string): string | undefined {
    return this.literals(s, p)[0];
  }

  firstRef(s: string, p: string): string | undefined {
    return this.refs(s, p)[0];
  }

  firstString(s: string, p: string): string | undefined {
    return this.strings(s, p)[0];
  }

  /**
   * Literals sorted into sv / en / any. The first value per slot wins; for `any` an untagged value
   * beats one in a third language, since untagged text is usually meant for every reader.
   */
  langText(s: string, p: string): LangText {
    const out: LangText = {};
    let anyIsTagged = false;
    for (const t of this.objects(s, p)) {
      if (t.type !== 'literal' || isBlank(t.value)) continue;
      const lang = t.lang !== undefined && !isBlank(t.lang) ? t.lang : undefined;
      const slot = langSlot(lang);
      if (slot === 'any') {
        if (out.any === undefined || (anyIsTagged && lang === undefined)) {
          out.any = t.value;
          anyIsTagged = lang !== undefined;
        }
      } else if (out[slot] === undefined) {
        out[slot] = t.value;
      }
    }
    return out;
  }

  /** First non-empty LangText among several predicates (e.g. skos:prefLabel, then rdfs:label). */
  langTextOf(s: string, ps: readonly string[]): LangText {
    for (const p of ps) {
      const t = this.langText(s, p);
      if (t.sv !== undefined || t.en !== undefined || t.any !== undefined) return t;
    }
    return {};
  }

  langList(s: string, p: string): LangList {
    const out: LangList = { sv: [], en: [], any: [] };
    for (const t of this.objects(s, p)) {
      if (t.type !== 'literal' || isBlank(t.value)) continue;
      const slot = langSlot(t.lang !== undefined && !isBlank(t.lang) ? t.lang : undefined);
      if (!out[slot].includes(t.value)) out[slot].push(t.value);
    }
    return out;
  }

  types(s: string): string[] {
    return this.uris(s, RDF.type);
  }

  hasType(s: string, type: string): boolean {
    return this.types(s).includes(type);
  }

  subjectsOfType(type: string): string[] {
    return this.subjects().filter((s) => this.hasType(s, type));
  }

  /** Subjects that point at `o` (as URI or blank node), optionally only through predicate `p`. */
  referrers(o: string, p?: string): string[] {
    const out: string[] = [];
    for (const [s, preds] of this.nodes) {
      for (const [pred, terms] of preds) {
        if (p !== undefined && pred !== p) continue;
        if (terms.some((t) => t.type !== 'literal' && t.value === o)) {
          out.push(s);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Nodes reachable from `start` through `predicates` (all predicates when omitted), breadth first,
   * `start` included, each at most once. Blank nodes can form cycles, so every traversal of the
   * graph goes through here rather than recursing.
   */
  walk(start: string, opts: { predicates?: readonly string[]; maxDepth?: number } = {}): string[] {
    const maxDepth = opts.maxDepth ?? 8;
    const visited = new Set<string>([start]);
    const order: string[] = [];
    let frontier = [start];
    for (let depth = 0; frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        if (!this.has(node)) continue;
        order.push(node);
        if (depth >= maxDepth) continue;
        const preds = opts.predicates ?? this.predicates(node);
        for (const p of preds) {
          for (const ref of this.refs(node, p)) {
            if (visited.has(ref)) continue;
            visited.add(ref);
            next.push(ref);
          }
        }
      }
      frontier = next;
    }
    return order;
  }
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

export type RdfParseResult =
  | { ok: true; graph: Graph; skipped: Skipped[] }
  | { ok: false; reason: string };

/**
 * Reads an RDF/JSON document. Fails only when the document itself is not an object; a subject whose
 * predicates are not an object, a predicate whose value is not an array, or a term that is not a
 * valid RDF/JSON term is dropped and listed in `skipped`.
 */
export function parseRdfJson(input: unknown): RdfParseResult {
  if (!isPlainObject(input)) return { ok: false, reason: `RDF/JSON must be an object, got ${describe(input)}` };
  const nodes = new Map<string, Map<string, RdfTerm[]>>();
  const skipped: Skipped[] = [];
  for (const [subject, preds] of Object.entries(input)) {
    if (isBlank(subject)) {
      skipped.push({ node: subject, reason: 'empty subject' });
      continue;
    }
    if (!isPlainObject(preds)) {
      skipped.push({ node: subject, reason: `predicates must be an object, got ${describe(preds)}` });
      continue;
    }
    const map = new Map<string, RdfTerm[]>();
    for (const [p, values] of Object.entries(preds)) {
      if (!Array.isArray(values)) {
        skipped.push({ node: subject, reason: `${p}: values must be an array, got ${describe(values)}` });
        continue;
      }
      const terms: RdfTerm[] = [];
      values.forEach((v: unknown, i) => {
        const quick = plainTerm(v);
        if (quick) {
          terms.push(quick);
          return;
        }
        const r = RdfTerm.safeParse(v);
        if (r.success) terms.push(r.data);
        else skipped.push({ node: subject, reason: `${p}[${i}]: invalid term (${firstIssue(r.error)})` });
      });
      if (terms.length > 0) map.set(p, terms);
    }
    nodes.set(subject, map);
  }
  return { ok: true, graph: new Graph(nodes), skipped };
}

/** Short, single-line description of the first zod issue, for `skipped` reasons. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

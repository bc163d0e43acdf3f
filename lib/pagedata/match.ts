// Matching findings to registry URLs: pure. A finding is documented when a distribution's access
// or download URL, a data service's endpoint URL or an endpoint description equals its URL, or (for
// endpoints and access URLs) is the base of it, compared by host without `www.` + path, ignoring
// scheme, query, case and trailing slashes. The longest, most specific registry URL wins.
import type { Licence } from '../dcat/types';
import type { Finding, FindingKind, FindingMatch, MatchedItem, UrlRole } from './types';
import { matchKey } from './urls';

/** One URL the registry states, with the entry it belongs to. */
export interface CatalogueUrl {
  url: string;
  role: UrlRole;
  item: MatchedItem;
  /** The distribution's own licence, when the URL comes from one. */
  licence?: Licence;
  /** The data service's endpoint description (OpenAPI), when known. */
  docs?: string;
}

export type CatalogueIndex = Map<string, CatalogueUrl[]>;

export function indexCatalogue(urls: readonly CatalogueUrl[]): CatalogueIndex {
  const index: CatalogueIndex = new Map();
  for (const c of urls) {
    const k = matchKey(c.url);
    // A bare host (a homepage as access URL) would make every URL on it "documented".
    if (!k || k.indexOf('/') < 0) continue;
    const list = index.get(k);
    if (list) list.push(c);
    else index.set(k, [c]);
  }
  return index;
}

const ROLE_RANK: Record<FindingKind, Record<UrlRole, number>> = {
  api: { endpoint: 4, access: 3, download: 2, docs: 1 },
  service: { endpoint: 4, access: 3, download: 2, docs: 1 },
  file: { download: 4, access: 3, endpoint: 2, docs: 1 },
  feed: { download: 4, access: 3, endpoint: 2, docs: 1 },
  catalog: { access: 4, download: 3, endpoint: 2, docs: 1 },
  docs: { docs: 4, endpoint: 3, access: 2, download: 1 },
};

function rank(f: Finding, c: CatalogueUrl): number {
  const byRole = ROLE_RANK[f.kind][c.role] * 2;
  const byKind = (f.kind === 'api' || f.kind === 'service') === (c.item.kind === 'dataservice' || c.item.isApi) ? 1 : 0;
  return byRole + byKind;
}

/** The path prefixes of a key, longest first, down to host + first segment. */
function prefixes(key: string): string[] {
  const out = [key];
  let k = key;
  for (;;) {
    const cut = k.lastIndexOf('/');
    if (cut <= 0 || k.indexOf('/') === cut) break; // keep at least host + one segment
    k = k.slice(0, cut);
    out.push(k);
  }
  return out;
}

/** The fixed part of an endpoint pattern, before the first variable segment. */
function patternBase(pattern: string): string {
  const i = pattern.indexOf('/{');
  return i < 0 ? pattern : pattern.slice(0, i);
}

export function matchFinding(f: Finding, index: CatalogueIndex): FindingMatch | undefined {
  const keys = new Set<string>();
  const own = matchKey(f.url);
  if (own) keys.add(own);
  if (f.pattern) {
    const base = matchKey(patternBase(f.pattern));
    if (base) keys.add(base);
  }
  let best: { c: CatalogueUrl; exact: boolean; len: number; rank: number } | undefined;
  for (const key of keys) {
    const all = prefixes(key);
    for (let i = 0; i < all.length; i++) {
      const k = all[i] as string;
      const exact = i === 0 && k === own;
      for (const c of index.get(k) ?? []) {
        // Only endpoints and access URLs are bases of other URLs; a download URL is one file.
        if (!exact && c.role !== 'endpoint' && c.role !== 'access') continue;
        const cand = { c, exact, len: k.length, rank: rank(f, c) };
        if (
          !best ||
          Number(cand.exact) - Number(best.exact) > 0 ||
          (cand.exact === best.exact && (cand.len > best.len || (cand.len === best.len && cand.rank > best.rank)))
        ) {
          best = cand;
        }
      }
    }
  }
  if (!best) return undefined;
  const { c } = best;
  const m: FindingMatch = { id: f.id, status: 'documented', item: c.item, role: c.role, exact: best.exact };
  const licence = c.licence ?? c.item.licences[0];
  if (licence) m.licence = licence;
  if (c.docs) m.docs = c.docs;
  return m;
}

export function matchFindings(findings: readonly Finding[], urls: readonly CatalogueUrl[]): Map<string, FindingMatch> {
  const index = indexCatalogue(urls);
  const out = new Map<string, FindingMatch>();
  for (const f of findings) {
    const m = matchFinding(f, index);
    if (m) out.set(f.id, m);
  }
  return out;
}

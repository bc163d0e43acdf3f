// From the URLs a page handed over to the findings the popup and the CLI list: requests grouped by
// endpoint (origin + path pattern) with counts, links classified, duplicates merged, OpenAPI
// documents attached to the APIs they describe. Pure; the input is validated (PageUrlsSchema) or
// built by trusted code (collect.ts, har.ts) before it gets here, and is re-cleaned anyway.
import { classifyUrl, type UrlHint } from './classify';
import type { PageUrls } from './collect';
import type { Finding, FindingKind, PageFindings } from './types';
import { cleanUrl, endpointPattern, matchKey, paramNames, plainHost } from './urls';

export const MAX_FINDINGS = 300;

const KIND_ORDER: Record<FindingKind, number> = { api: 0, service: 1, file: 2, docs: 3, catalog: 4, feed: 5 };

interface Group extends Finding {
  order: number;
}

function sameSite(u: URL, pageHost: string | undefined): boolean {
  return pageHost !== undefined && plainHost(u) === pageHost;
}

export function extractFindings(input: PageUrls, pageUrl: string | undefined, max = MAX_FINDINGS): PageFindings {
  let pageHost: string | undefined;
  try {
    if (pageUrl) pageHost = plainHost(new URL(pageUrl));
  } catch {
    pageHost = undefined;
  }
  const byId = new Map<string, Group>();
  let order = 0;

  const add = (raw: string, hint: UrlHint, count: number): void => {
    const u = cleanUrl(raw);
    if (!u) return;
    const c = classifyUrl(u, hint);
    if (!c) return;
    const source = hint;
    // Requests (and API links) group by endpoint pattern; files and documents stay one per URL.
    const grouped = hint === 'request' || c.kind === 'api' || c.kind === 'service';
    const id = grouped ? endpointPattern(u) : u.href;
    const old = byId.get(id);
    if (old) {
      if (!old.sources.includes(source)) old.sources.push(source);
      if (hint === 'request') {
        old.requests += count;
        old.variants++;
        // The most recent call is the best example, except that a service's GetCapabilities stays.
        if (!/getcapabilities/i.test(old.url)) old.url = u.href;
      }
      if (!old.format && c.format) old.format = c.format;
      for (const p of paramNames(u)) if (!old.params.includes(p) && old.params.length < 30) old.params.push(p);
      return;
    }
    const f: Group = {
      id,
      kind: c.kind,
      url: u.href,
      requests: hint === 'request' ? count : 0,
      variants: hint === 'request' ? 1 : 0,
      params: paramNames(u).slice(0, 30),
      sources: [source],
      sameSite: sameSite(u, pageHost),
      order: order++,
    };
    if (c.format) f.format = c.format;
    if (grouped && id !== u.href.replace(/\?.*$/, '')) f.pattern = id;
    byId.set(id, f);
  };

  for (const r of input.requests) add(r.url, 'request', Math.max(1, r.count));
  for (const l of input.links) add(l, 'link', 0);
  for (const l of input.apiDocs) add(l, 'apidoc', 0);
  for (const l of input.feeds) add(l, 'feed', 0);

  const all = [...byId.values()];
  // Attach OpenAPI documents to the APIs on their origin (the longest shared path wins).
  const docs = all.filter((f) => f.kind === 'docs');
  for (const f of all) {
    if (f.kind !== 'api' && f.kind !== 'service') continue;
    const fk = matchKey(f.url) ?? '';
    let best: { url: string; score: number } | undefined;
    for (const d of docs) {
      const du = new URL(d.url);
      if (plainHost(du) !== plainHost(new URL(f.url))) continue;
      const dk = (matchKey(du) ?? '').replace(/\/(openapi|swagger|api-docs|swagger-ui|redoc)[^/]*$/, '');
      // Only a document at or above the API's path describes it.
      if (!fk.startsWith(dk)) continue;
      const score = dk.length;
      if (!best || score > best.score) best = { url: d.url, score };
    }
    if (best) f.docs = best.url;
  }

  all.sort((a, z) => KIND_ORDER[a.kind] - KIND_ORDER[z.kind] || z.requests - a.requests || a.order - z.order);
  const kept = all.slice(0, max).map(({ order: _o, ...f }) => f as Finding);
  return {
    findings: kept,
    stats: { links: input.seen.links, entries: input.seen.entries, truncated: input.seen.truncated, dropped: all.length - kept.length },
  };
}

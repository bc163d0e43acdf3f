// Registry request analysis from recorded request timings. Pure; unit-tested in
// test/unit/bench/requests.test.ts.

export interface TimedRequest {
  /** Path and query as the registry received it (host-independent). */
  url: string;
  /** Milliseconds on one monotonic clock: request received … response finished. */
  start: number;
  end: number;
  status?: number;
}

/**
 * Sequential round trips: the longest chain of requests in which each starts only after the previous
 * one has finished (the greatest number of pairwise non-overlapping requests; greedy by end time is
 * optimal for that). Requests that overlap were in flight together and cost one round trip of wall time;
 * a request that starts after another finished (because it needed its answer, or waited for a slot)
 * costs another. `slackMs` lets a request that starts a hair before the previous one's recorded end
 * (clock granularity) still count as following it.
 */
export function sequentialRoundTrips(requests: readonly TimedRequest[], slackMs = 1): { count: number; chain: TimedRequest[] } {
  const sorted = [...requests].sort((a, b) => a.end - b.end || a.start - b.start);
  const chain: TimedRequest[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const r of sorted) {
    if (r.start >= lastEnd - slackMs) {
      chain.push(r);
      lastEnd = r.end;
    }
  }
  return { count: chain.length, chain };
}

/**
 * Greatest number of requests in flight at one instant (an end at t frees its slot before a start at t).
 * `slackMs`: an overlap shorter than this is not counted; the timing front records a request's end when
 * Node has handed the last byte to the socket, which on a busy machine can come a moment after the
 * browser already has the answer and has sent its next request.
 */
export function maxConcurrency(requests: readonly TimedRequest[], slackMs = 0): number {
  const points: Array<[number, number]> = [];
  for (const r of requests) {
    points.push([r.start, 1], [Math.max(r.start, r.end - slackMs), -1]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of points) {
    cur += d;
    max = Math.max(max, cur);
  }
  return max;
}

export interface Duplicates {
  total: number;
  unique: number;
  /** Requests beyond the first for the same URL. */
  extra: number;
  /** URLs asked more than once, with their counts, most repeated first. */
  repeated: Array<{ url: string; count: number }>;
}

export function duplicates(requests: readonly TimedRequest[]): Duplicates {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r.url, (counts.get(r.url) ?? 0) + 1);
  const repeated = [...counts]
    .filter(([, c]) => c > 1)
    .map(([url, count]) => ({ url, count }))
    .sort((a, b) => b.count - a.count || a.url.localeCompare(b.url));
  return { total: requests.length, unique: counts.size, extra: requests.length - counts.size, repeated };
}

/** Requests that started in [from, to]. */
export function startedWithin(requests: readonly TimedRequest[], from: number, to = Number.POSITIVE_INFINITY): TimedRequest[] {
  return requests.filter((r) => r.start >= from && r.start <= to);
}

/** A short label for a registry request, for the report: `search(facet)`, `search(resource)`, `metadata`. */
export function requestKind(url: string): string {
  const u = new URL(url, 'https://registry.invalid');
  if (/\/metadata\//.test(u.pathname)) return 'metadata';
  if (!/\/search$/.test(u.pathname)) return u.pathname;
  const q = u.searchParams.get('query') ?? '';
  if (u.searchParams.get('facetFields')) return 'search:facet';
  if (/^\(?resource:/.test(q) || /\bresource:/.test(q)) return 'search:resource';
  if (/publisher|\.uri\./.test(q)) return 'search:items';
  return 'search';
}

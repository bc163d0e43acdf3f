import { describe, expect, it } from 'vitest';
import { duplicates, maxConcurrency, requestKind, sequentialRoundTrips, startedWithin, type TimedRequest } from '../../../scripts/bench/requests.ts';

const r = (url: string, start: number, end: number): TimedRequest => ({ url, start, end });

describe('sequential round trips from request timings', () => {
  it('counts a dependent chain once per hop', () => {
    const reqs = [r('/facet', 0, 150), r('/lookup', 152, 300), r('/items', 303, 455)];
    const rt = sequentialRoundTrips(reqs);
    expect(rt.count).toBe(3);
    expect(rt.chain.map((x) => x.url)).toEqual(['/facet', '/lookup', '/items']);
  });

  it('counts requests in flight together as one round trip', () => {
    expect(sequentialRoundTrips([r('/a', 0, 150), r('/b', 5, 160), r('/c', 10, 149)]).count).toBe(1);
  });

  it('takes the longest chain, whatever the order of arrival', () => {
    // /x overlaps both /a and /b; the chain /a → /b is longer than /x alone.
    const reqs = [r('/x', 50, 260), r('/b', 160, 300), r('/a', 0, 150)];
    expect(sequentialRoundTrips(reqs).count).toBe(2);
  });

  it('a request that starts a hair before the previous end (clock granularity) still follows it', () => {
    expect(sequentialRoundTrips([r('/a', 0, 150), r('/b', 149.5, 300)]).count).toBe(2);
    expect(sequentialRoundTrips([r('/a', 0, 150), r('/b', 100, 300)]).count).toBe(1);
  });

  it('no requests: no round trips', () => {
    expect(sequentialRoundTrips([]).count).toBe(0);
  });
});

describe('concurrency, duplicates, windows', () => {
  it('max in flight from intervals; an end frees its slot before a start at the same instant', () => {
    expect(maxConcurrency([r('/a', 0, 10), r('/b', 10, 20), r('/c', 20, 30)])).toBe(1);
    expect(maxConcurrency([r('/a', 0, 10), r('/b', 1, 20), r('/c', 2, 30)])).toBe(3);
    expect(maxConcurrency([r('/a', 0, 10), r('/b', 5, 20), r('/c', 12, 30)])).toBe(2);
    expect(maxConcurrency([])).toBe(0);
  });

  it('max in flight can ignore overlaps shorter than a slack', () => {
    const reqs = [r('/a', 0, 10.5), r('/b', 1, 20), r('/c', 10, 30)];
    expect(maxConcurrency(reqs)).toBe(3);
    expect(maxConcurrency(reqs, 1)).toBe(2);
  });

  it('duplicates: extra requests for a URL already asked', () => {
    const d = duplicates([r('/a', 0, 1), r('/b', 0, 1), r('/a', 2, 3), r('/a', 4, 5), r('/b', 6, 7), r('/c', 8, 9)]);
    expect(d).toEqual({
      total: 6,
      unique: 3,
      extra: 3,
      repeated: [
        { url: '/a', count: 3 },
        { url: '/b', count: 2 },
      ],
    });
    expect(duplicates([r('/a', 0, 1)]).extra).toBe(0);
  });

  it('startedWithin keeps requests that started inside the window', () => {
    const reqs = [r('/a', 0, 5), r('/b', 10, 20), r('/c', 30, 40)];
    expect(startedWithin(reqs, 5, 30).map((x) => x.url)).toEqual(['/b', '/c']);
    expect(startedWithin(reqs, 10).map((x) => x.url)).toEqual(['/b', '/c']);
  });

  it('labels registry requests by kind', () => {
    expect(requestKind('/store/search?type=solr&query=rdfType:x&limit=0&facetFields=metadata.predicate.uri.abc')).toBe('search:facet');
    expect(requestKind('/store/search?type=solr&query=(resource:http\\://a+OR+resource:http\\://b)&limit=100')).toBe('search:resource');
    expect(requestKind('/store/search?type=solr&query=metadata.predicate.uri.1234abcd:http\\://dataportal.se/organisation/SE2021005448')).toBe('search:items');
    expect(requestKind('/store/6/metadata/12?recursive=dcat')).toBe('metadata');
  });
});

import { describe, expect, it } from 'vitest';
import { fmt, median, p95, percentile, ratio, summarize } from '../../../scripts/bench/stats.ts';

describe('bench statistics', () => {
  it('median of odd and even counts, ignoring order and non-finite values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, Number.NaN, 1, Number.POSITIVE_INFINITY, 3])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('p95 is the nearest-rank value, one that was measured', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(p95(xs)).toBe(19);
    expect(percentile(xs, 50)).toBe(10);
    expect(percentile(xs, 100)).toBe(20);
    expect(percentile(xs, 0)).toBe(1);
    expect(p95([7])).toBe(7);
    expect(p95([1, 2, 3, 4, 100])).toBe(100);
    expect(p95([])).toBeNaN();
  });

  it('summarize reports n, min, median, p95, max and mean', () => {
    expect(summarize([2, 4, 6, 8])).toEqual({ n: 4, min: 2, median: 5, p95: 8, max: 8, mean: 5 });
    const empty = summarize([]);
    expect(empty.n).toBe(0);
    expect(empty.median).toBeNaN();
  });

  it('ratio and fmt say "no value" instead of dividing by zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeNaN();
    expect(fmt(Number.NaN)).toBe('–');
    expect(fmt(1.234, 2)).toBe('1.23');
  });
});

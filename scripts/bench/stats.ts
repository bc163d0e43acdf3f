// Summary statistics for the benchmark. Pure; unit-tested in test/unit/bench/stats.test.ts.

export interface Summary {
  n: number;
  min: number;
  median: number;
  /** Nearest-rank 95th percentile: with 20 samples, the 19th smallest. */
  p95: number;
  max: number;
  mean: number;
}

function finite(xs: readonly number[]): number[] {
  return xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
}

/** Median; the mean of the two middle values for an even count. NaN for no samples. */
export function median(xs: readonly number[]): number {
  const s = finite(xs);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Nearest-rank percentile (no interpolation, so the value is one that was measured):
 * the smallest sample with at least p % of the samples at or below it. NaN for no samples.
 */
export function percentile(xs: readonly number[], p: number): number {
  const s = finite(xs);
  if (s.length === 0) return Number.NaN;
  if (p <= 0) return s[0] as number;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] as number;
}

export function p95(xs: readonly number[]): number {
  return percentile(xs, 95);
}

export function summarize(xs: readonly number[]): Summary {
  const s = finite(xs);
  const n = s.length;
  return {
    n,
    min: n ? (s[0] as number) : Number.NaN,
    median: median(s),
    p95: p95(s),
    max: n ? (s[n - 1] as number) : Number.NaN,
    mean: n ? s.reduce((a, b) => a + b, 0) / n : Number.NaN,
  };
}

/** a / b, NaN when either is not a finite number or b is 0. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/** Fixed-point formatting that says "–" for NaN. */
export function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

// Is a dataset as fresh as its own stated update frequency promises? Pure: `now` is passed in.
// The published dcterms:modified is what counts (the registry's own timestamps change at every
// nightly harvest and say nothing about the data).
import type { Frequency } from '../dcat/types';

export type Freshness =
  /** Updated within the stated interval (with a grace period). */
  | { state: 'ok'; last: string; ageDays: number }
  /** Older than the stated interval allows. */
  | { state: 'overdue'; last: string; ageDays: number; overdueDays: number; overdueMonths: number }
  /** No modification date: nothing to compare. */
  | { state: 'no-date' }
  /** Frequency missing, continuous, irregular or unknown: the freshness cannot be judged, and we say so. */
  | { state: 'unknown-frequency'; last?: string; ageDays?: number };

/**
 * Grace on top of the interval: a yearly dataset published a few weeks late is not "overdue".
 * A quarter of the interval, at least 2 days and at most 90.
 */
function graceDays(interval: number): number {
  return Math.min(90, Math.max(2, Math.round(interval / 4)));
}

const DAY = 86_400_000;

/** Parses the date forms DCAT-AP-SE uses: xsd:date, xsd:dateTime, gYear, gYearMonth. */
export function parseDcatDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = /^(\d{4})$/.exec(v);
  if (m) return Date.UTC(Number(m[1]), 11, 31); // a year-only date means "some time that year": assume its end
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]), 0);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

export function freshness(modified: string | undefined, frequency: Frequency | undefined, now: number): Freshness {
  const t = parseDcatDate(modified);
  if (t === undefined) return frequency?.days ? { state: 'no-date' } : { state: 'unknown-frequency' };
  const ageDays = Math.max(0, Math.floor((now - t) / DAY));
  const last = modified as string;
  const interval = frequency?.days;
  if (!interval) return { state: 'unknown-frequency', last, ageDays };
  const allowed = interval + graceDays(interval);
  if (ageDays <= allowed) return { state: 'ok', last, ageDays };
  const overdueDays = ageDays - interval;
  return { state: 'overdue', last, ageDays, overdueDays, overdueMonths: Math.round(overdueDays / 30.44) };
}

/**
 * The newest of the dataset's `modified` and its distributions' `modified`/`issued` dates: a
 * publisher that adds this year's file to a yearly dataset without touching the dataset's own date
 * has still kept its promise. Undefined when none parses.
 */
export function newestDate(item: {
  modified?: string | undefined;
  distributions?: ReadonlyArray<{ modified?: string | undefined; issued?: string | undefined }>;
}): string | undefined {
  let best: { value: string; t: number } | undefined;
  const consider = (v: string | undefined) => {
    const t = parseDcatDate(v);
    if (t !== undefined && v !== undefined && (best === undefined || t > best.t)) best = { value: v, t };
  };
  consider(item.modified);
  for (const d of item.distributions ?? []) {
    consider(d.modified);
    consider(d.issued);
  }
  return best?.value;
}

/** Freshness of a list row or a full record: like freshness(), with the newest distribution date counted too. */
export function itemFreshness(
  item: {
    modified?: string | undefined;
    frequency?: Frequency | undefined;
    distributions?: ReadonlyArray<{ modified?: string | undefined; issued?: string | undefined }>;
  },
  now: number,
): Freshness {
  return freshness(newestDate(item) ?? item.modified, item.frequency, now);
}

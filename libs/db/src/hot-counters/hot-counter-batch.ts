import { periodIdsOf } from './stat-periods';

/**
 * Pending counts live in one Redis hash while they accumulate. Its fields:
 *   `<day>|<subjectId>|<counter>` → events of that subject on that day that count in `counter`
 *                                   (`total` is every event; other counters are classes of it)
 *   `t|<subjectId>`               → all pending events of the subject (for live totals)
 * A flush renames the hash to a batch and folds it into MongoDB with these functions.
 */
export function counterField(day: string, subjectId: string, counter: string): string {
  return `${day}|${subjectId}|${counter}`;
}

export function pendingTotalField(subjectId: string): string {
  return `t|${subjectId}`;
}

/** Counter name → count; always has `total`. */
export type Counts = Record<string, number>;

export interface BucketDelta {
  subjectId: string;
  day: string;
  counts: Counts;
}

export interface PeriodDelta {
  counts: Counts;
  /** Events per subject id. */
  subjects: Map<string, number>;
  /** Of a month (`M…`): events per day of the month (`01`…`31`). */
  days: Map<string, number>;
}

export interface BatchDelta {
  /** Keyed by bucket id `<subjectId>|<day>`. */
  buckets: Map<string, BucketDelta>;
  /** Keyed by period id (`D<day>`, `M<month>`, `Y<year>`). */
  periods: Map<string, PeriodDelta>;
  /** Keyed by subject id. */
  totals: Map<string, number>;
}

/**
 * Folds a batch's hash fields into per-bucket, per-period and per-subject deltas. Only the
 * `counters` named (and `total`) count; `aliases` maps a field's counter to the counters it
 * stands for (hash fields written by an older version of a service).
 */
export function aggregateBatch(
  fields: Record<string, string>,
  counters: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): BatchDelta {
  const known = new Set(['total', ...counters]);
  const delta: BatchDelta = { buckets: new Map(), periods: new Map(), totals: new Map() };
  for (const [field, raw] of Object.entries(fields)) {
    const parts = field.split('|');
    const n = Number.parseInt(raw, 10);
    // `t|…` fields only mirror the others for live totals; malformed ones are skipped.
    if (parts.length !== 3 || !Number.isFinite(n) || n <= 0) continue;
    const [day, subjectId, counter] = parts as [string, string, string];
    const names = (aliases[counter] ?? [counter]).filter((c) => known.has(c));
    if (names.length === 0) continue;

    const bucketId = `${subjectId}|${day}`;
    const bucket = delta.buckets.get(bucketId) ?? { subjectId, day, counts: zero(counters) };
    delta.buckets.set(bucketId, bucket);
    for (const name of names) bucket.counts[name]! += n;

    const countsTotal = names.includes('total');
    for (const periodId of periodIdsOf(day)) {
      const period = delta.periods.get(periodId) ?? {
        counts: zero(counters),
        subjects: new Map(),
        days: new Map(),
      };
      delta.periods.set(periodId, period);
      for (const name of names) period.counts[name]! += n;
      if (!countsTotal) continue;
      period.subjects.set(subjectId, (period.subjects.get(subjectId) ?? 0) + n);
      if (periodId.startsWith('M')) {
        const dayOfMonth = day.slice(8);
        period.days.set(dayOfMonth, (period.days.get(dayOfMonth) ?? 0) + n);
      }
    }
    if (countsTotal) delta.totals.set(subjectId, (delta.totals.get(subjectId) ?? 0) + n);
  }
  return delta;
}

/** Every counter (and `total`) at zero. */
export function zero(counters: readonly string[]): Counts {
  const c: Counts = { total: 0 };
  for (const name of counters) c[name] = 0;
  return c;
}

/** Existing counts plus a delta: the new totals a flush `$set`s. */
export function addCounts(
  existing: Readonly<Record<string, unknown>> | null | undefined,
  delta: Readonly<Counts>,
): Counts {
  const sum: Counts = {};
  for (const [name, n] of Object.entries(delta)) {
    const before = existing?.[name];
    sum[name] = (typeof before === 'number' ? before : 0) + n;
  }
  return sum;
}

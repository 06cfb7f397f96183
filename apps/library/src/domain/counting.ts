import { createHash } from 'node:crypto';
import { isObjectIdString } from '@portal/db';

/** Views and downloads of library items; "try it" clicks of showcase entries. */
export const COUNTED_METRICS = ['download', 'view', 'tryIt'] as const;
export type CountedMetric = (typeof COUNTED_METRICS)[number];

/** Ho Chi Minh City is UTC+7 all year (no daylight saving time). */
const CITY_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The city's calendar day of `at`, as YYYYMMDD: "once per client per item per day" means a
 * day in Ho Chi Minh City, not in UTC.
 */
export function cityDay(at: Date): string {
  return new Date(at.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** A bounded form of a client key (clientKeyOf in @portal/auth) for counter fields. */
export function clientIdentity(clientKey: string): string {
  return createHash('sha256').update(clientKey).digest('base64url').slice(0, 22);
}

/** The field a pending count is kept under in the counters hash: `download:<itemId>`. */
export function counterField(metric: CountedMetric, itemId: string): string {
  return `${metric}:${itemId}`;
}

export type CounterDeltas = Record<CountedMetric, number>;

/**
 * Sums a counters hash (`download:<id>` → n) into per-id deltas; unknown fields are skipped.
 * Item metrics and showcase metrics never share an id (both are ObjectIds of one database).
 */
export function deltasFromCounters(hash: Record<string, string>): Map<string, CounterDeltas> {
  const deltas = new Map<string, CounterDeltas>();
  for (const [field, raw] of Object.entries(hash)) {
    const [metric, id] = field.split(':');
    const n = Number(raw);
    if (!isObjectIdString(id) || !Number.isInteger(n) || n <= 0) continue;
    if (!(COUNTED_METRICS as readonly string[]).includes(metric!)) continue;
    const entry = deltas.get(id) ?? { download: 0, view: 0, tryIt: 0 };
    entry[metric as CountedMetric] += n;
    deltas.set(id, entry);
  }
  return deltas;
}

import { createHash } from 'node:crypto';

export const COUNTED_METRICS = ['download', 'view'] as const;
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

/** Sums a counters hash (`download:<id>` → n) into per-item deltas; unknown fields are skipped. */
export function deltasFromCounters(
  hash: Record<string, string>,
): Map<string, { download: number; view: number }> {
  const deltas = new Map<string, { download: number; view: number }>();
  for (const [field, raw] of Object.entries(hash)) {
    const [metric, itemId] = field.split(':');
    const n = Number(raw);
    if (!itemId || !/^[a-f0-9]{24}$/.test(itemId) || !Number.isInteger(n) || n <= 0) continue;
    if (metric !== 'download' && metric !== 'view') continue;
    const entry = deltas.get(itemId) ?? { download: 0, view: 0 };
    entry[metric] += n;
    deltas.set(itemId, entry);
  }
  return deltas;
}

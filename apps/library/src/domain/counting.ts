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

/**
 * A bounded key for one client. The gateway sends an opaque per-client key; a direct call
 * (development) has none, so the address and user agent stand in for it.
 */
export function clientIdentity(
  clientKey: string | null,
  fallback: { ip: string | undefined; userAgent: string | undefined },
): string {
  const source = clientKey ?? `anon|${fallback.ip ?? '?'}|${fallback.userAgent ?? '?'}`;
  return createHash('sha256').update(source).digest('base64url').slice(0, 22);
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

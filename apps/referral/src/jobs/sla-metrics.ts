import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '@portal/logger';
import { OPEN_STATUSES } from '../domain/referral-status';
import type { ReferralModels } from '../models';

/** How long one count serves the gauges of a scrape. */
const SNAPSHOT_TTL_MS = 1000;
/** A scrape never waits longer than this on the database. */
const QUERY_MAX_MS = 5000;

interface OverdueGroup {
  agency: string;
  category: string;
  count: number;
  oldestDue: Date;
}

/**
 * SLA breaches on the referral worker's /metrics, counted from the database at each scrape
 * (the truth whichever worker flagged them):
 * - `referral_sla_overdue{agency,category}`: open referrals past their SLA;
 * - `referral_sla_overdue_max_seconds{agency,category}`: how far past it the oldest one is.
 * Labels are agency and category codes (reference data, a bounded set), never referral ids.
 */
export function registerSlaMetrics(
  registry: Registry,
  deps: { models: ReferralModels; logger: Logger; now?: () => Date },
): void {
  const now = deps.now ?? (() => new Date());
  let snapshot: { at: number; value: Promise<{ at: Date; groups: OverdueGroup[] }> } | undefined;
  const read = () => {
    const at = now();
    if (!snapshot || at.getTime() - snapshot.at > SNAPSHOT_TTL_MS) {
      // Grouped here, not with $group: FerretDB 1.24 has no $min/$first accumulators. Only
      // three short fields per overdue referral travel, on the (status, slaDueAt) index.
      const value = deps.models.Referral.find(
        { status: { $in: OPEN_STATUSES }, slaDueAt: { $lte: at } },
        { _id: 0, targetAgency: 1, categoryCode: 1, slaDueAt: 1 },
      )
        .lean()
        .maxTimeMS(QUERY_MAX_MS)
        .exec()
        .then((docs) => {
          const groups = new Map<string, OverdueGroup>();
          for (const d of docs) {
            const key = `${d.targetAgency}\u0000${d.categoryCode}`;
            const g = groups.get(key);
            if (!g)
              groups.set(key, {
                agency: d.targetAgency,
                category: d.categoryCode,
                count: 1,
                oldestDue: d.slaDueAt,
              });
            else {
              g.count++;
              if (d.slaDueAt < g.oldestDue) g.oldestDue = d.slaDueAt;
            }
          }
          return { at, groups: [...groups.values()] };
        });
      // A failed read is not cached: the next scrape asks again.
      value.catch(() => (snapshot = undefined));
      snapshot = { at: at.getTime(), value };
    }
    return snapshot.value;
  };
  /** Sets one gauge from the groups; no samples (a gap, not a false zero) when the database fails. */
  const collectInto = async (
    gauge: Gauge<'agency' | 'category'>,
    value: (g: OverdueGroup, at: Date) => number,
  ) => {
    gauge.reset();
    try {
      const { at, groups } = await read();
      for (const g of groups) gauge.set({ agency: g.agency, category: g.category }, value(g, at));
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'SLA metrics unavailable');
    }
  };
  new Gauge({
    name: 'referral_sla_overdue',
    help: 'Open referrals past their SLA, by target agency and category',
    labelNames: ['agency', 'category'] as const,
    registers: [registry],
    async collect() {
      await collectInto(this, (g) => g.count);
    },
  });
  new Gauge({
    name: 'referral_sla_overdue_max_seconds',
    help: 'Seconds the most overdue open referral is past its SLA, by target agency and category',
    labelNames: ['agency', 'category'] as const,
    registers: [registry],
    async collect() {
      await collectInto(this, (g, at) =>
        Math.max(0, (at.getTime() - g.oldestDue.getTime()) / 1000),
      );
    },
  });
}

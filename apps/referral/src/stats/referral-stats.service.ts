import { parsePortalStatsKey, statBuckets, type PortalStatsPeriod } from '@portal/db';
import { referralStats, type ReferralStatsResult } from '../domain/referral-stats';
import { OPEN_STATUSES } from '../domain/referral-status';
import type { ReferralModels } from '../models';

/** What `PortalStats` resolves to in this subgraph: its period (and key). */
export interface ReferralStatsRef extends PortalStatsPeriod {
  id: string;
}

/** The referral service's part of the portal statistics: how referrals were handled. */
export class ReferralStatsService {
  constructor(
    private readonly models: ReferralModels,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Checks the key (an `_entities` call can carry any) and gives the period. */
  fromKey(id: string): ReferralStatsRef {
    return { id, ...parsePortalStatsKey(id) };
  }

  async referrals(p: PortalStatsPeriod): Promise<ReferralStatsResult> {
    const { Referral, ReferralEvent } = this.models;
    const range = { $gte: p.from, $lt: p.to };
    const now = this.now();
    const dueUntil = now < p.to ? now : p.to;
    // Five narrow reads, each on its own index; the counting is done in code (FerretDB's
    // aggregation has no multi-accumulator $group).
    const [received, handedOver, closed, overdue] = await Promise.all([
      Referral.find({ createdAt: range }, { _id: 0, createdAt: 1 }).lean().exec(),
      // The hand-over to the hotline is the one event that records its ticket: the
      // dispatcher's FORWARDED, a hotline callback that overtook it, or a late TICKET event.
      ReferralEvent.find(
        { at: range, 'patch.hotlineTicketId': { $type: 'string' } },
        { _id: 0, at: 1 },
      )
        .lean()
        .exec(),
      Referral.find(
        { closedAt: range },
        {
          _id: 0,
          status: 1,
          targetAgency: 1,
          categoryCode: 1,
          categoryName: 1,
          createdAt: 1,
          closedAt: 1,
          slaDueAt: 1,
        },
      )
        .lean()
        .exec(),
      p.from < dueUntil
        ? Referral.find(
            { status: { $in: OPEN_STATUSES }, slaDueAt: { $gte: p.from, $lt: dueUntil } },
            { _id: 0, targetAgency: 1, categoryCode: 1, categoryName: 1 },
          )
            .lean()
            .exec()
        : Promise.resolve([]),
    ]);
    return referralStats({
      buckets: statBuckets(p.from, p.to, p.granularity),
      receivedAt: received.map((r) => r.createdAt),
      forwardedAt: handedOver.map((e) => e.at),
      closed: closed
        .filter((r) => r.status === 'RESOLVED' || r.status === 'REJECTED')
        .map((r) => ({
          status: r.status as 'RESOLVED' | 'REJECTED',
          targetAgency: r.targetAgency,
          categoryCode: r.categoryCode,
          categoryName: r.categoryName,
          createdAt: r.createdAt,
          closedAt: r.closedAt!,
          slaDueAt: r.slaDueAt,
        })),
      overdue,
    });
  }
}

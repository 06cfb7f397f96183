import { requireServiceOrRole, type Viewer } from '@portal/auth';
import {
  dayEnd,
  dayKey,
  dayStart,
  parsePortalStatsKey,
  statBuckets,
  type PortalStatsPeriod,
} from '@portal/db';
import {
  ReferralCountsReader,
  dayField,
  factInstant,
  forEachMonthCount,
  splitDayField,
} from '../domain/referral-stat-counts';
import {
  referralStats,
  type ClosedReferralFacts,
  type OverdueReferralFacts,
  type ReferralStatsResult,
} from '../domain/referral-stats';
import { OPEN_STATUSES } from '../domain/referral-status';
import type { ReferralModels } from '../models';
import { dayPeriodOf, type ReferralStatsCounter } from './referral-stats-counter';

/** What `PortalStats` resolves to in this subgraph: its period (and key). */
export interface ReferralStatsRef extends PortalStatsPeriod {
  id: string;
}

interface Range {
  from: Date;
  to: Date;
}

/** The records of a time range, as the statistics read them. */
interface RangeRecords {
  received: Date[];
  forwarded: Date[];
  closed: ClosedReferralFacts[];
  overdue: OverdueReferralFacts[];
}

/**
 * A range cut at city days: the whole days inside it (`firstDay`..`lastDay`, none when
 * firstDay > lastDay) and the parts of days at its ends.
 */
function cutAtDays({ from, to }: Range): { firstDay: string; lastDay: string; parts: Range[] } {
  let firstDay = dayKey(from);
  let lastDay = dayKey(new Date(to.getTime() - 1));
  const parts: Range[] = [];
  if (dayStart(firstDay).getTime() !== from.getTime()) {
    const end = dayEnd(firstDay);
    parts.push({ from, to: end < to ? end : to });
    firstDay = dayKey(end);
  }
  if (dayEnd(lastDay).getTime() !== to.getTime() && lastDay >= firstDay) {
    parts.push({ from: dayStart(lastDay), to });
    lastDay = dayKey(new Date(dayStart(lastDay).getTime() - 1));
  }
  return { firstDay, lastDay, parts };
}

function monthsOf(firstDay: string, lastDay: string): string[] {
  const months: string[] = [];
  for (let m = firstDay.slice(0, 7); m <= lastDay.slice(0, 7);) {
    months.push(`M${m}`);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return months;
}

/** The referral service's part of the portal statistics: how referrals were handled. */
export class ReferralStatsService {
  constructor(
    private readonly models: ReferralModels,
    private readonly counter: ReferralStatsCounter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Checks the viewer (editors and admins, or another portal service: the content worker's
   * monthly report) and the key (an `_entities` call can carry any), and gives the period.
   * `_entities` reaches here without the query field, whose subgraph (content) checked it.
   */
  fromKey(viewer: Viewer, id: string): ReferralStatsRef {
    requireServiceOrRole(viewer, 'editor');
    return { id, ...parsePortalStatsKey(id) };
  }

  /**
   * The whole city days of the period from the month documents' day counts (a dozen for a
   * year, plus what is pending in Redis); the parts of days at its ends (a period that does
   * not start or end at midnight, and today up to now for the overdue figure) from those
   * days' documents of facts. Every read is by id; no read of referrals or events.
   */
  async referrals(viewer: Viewer, p: PortalStatsPeriod): Promise<ReferralStatsResult> {
    requireServiceOrRole(viewer, 'editor');
    const buckets = statBuckets(p.from, p.to, p.granularity);
    const now = this.now();
    const dueUntil = now < p.to ? now : p.to;
    const facts = cutAtDays(p);
    const due = p.from < dueUntil ? cutAtDays({ from: p.from, to: dueUntil }) : null;
    const months = new Set<string>();
    const days = new Set<string>();
    for (const r of [facts, due]) {
      if (!r) continue;
      if (r.firstDay <= r.lastDay) for (const m of monthsOf(r.firstDay, r.lastDay)) months.add(m);
      for (const part of r.parts) days.add(dayPeriodOf(dayKey(part.from)));
    }
    const read = await this.counter.read([...months], [...days]);

    const reader = new ReferralCountsReader(buckets);
    // A count of a whole day: a `due` one if the day is in `due`, any other if it is in `facts`.
    const add = (day: string, key: string, ms: number, n: number) => {
      if (key.startsWith('due|')) {
        if (due && day >= due.firstDay && day <= due.lastDay) reader.addDue(day, key, n);
      } else if (day >= facts.firstDay && day <= facts.lastDay) reader.add(day, key, ms, n);
    };
    for (const m of read.months) forEachMonthCount(m.packed, m.month, add);
    for (const [field, n] of read.days) add(...splitDayField(field), n);
    // A count of a part of a day: by its instant.
    const inside = (parts: Range[], at: number) =>
      parts.some((r) => at >= r.from.getTime() && at < r.to.getTime());
    for (const [field, n] of read.facts) {
      const at = factInstant(field);
      const [day, key, ms] = splitDayField(dayField(field));
      if (key.startsWith('due|')) {
        if (due && inside(due.parts, at)) reader.addDue(day, key, n);
      } else if (inside(facts.parts, at)) reader.add(day, key, ms, n);
    }
    return reader.result();
  }

  /**
   * The same figures from every record of the period (one read per referral and event: 17–20 s
   * for a year at the bench's scale on FerretDB): the reference the day counts are checked
   * against, by the tests and the bench.
   */
  async referralsFromRecords(p: PortalStatsPeriod): Promise<ReferralStatsResult> {
    const buckets = statBuckets(p.from, p.to, p.granularity);
    const now = this.now();
    const dueUntil = now < p.to ? now : p.to;
    const records = await this.records(
      p,
      p.from < dueUntil ? { from: p.from, to: dueUntil } : null,
    );
    return referralStats({
      buckets,
      receivedAt: records.received,
      forwardedAt: records.forwarded,
      closed: records.closed,
      overdue: records.overdue,
    });
  }

  /**
   * Referrals received, handed over and closed in `range`, and those still open whose SLA
   * fell due in `due`: four narrow reads, each on its own index.
   */
  private async records(range: Range, due: Range | null): Promise<RangeRecords> {
    const { Referral, ReferralEvent } = this.models;
    const between = (r: Range) => ({ $gte: r.from, $lt: r.to });
    const [received, handedOver, closed, overdue] = await Promise.all([
      Referral.find({ createdAt: between(range) }, { _id: 0, createdAt: 1 })
        .lean()
        .exec(),
      // The hand-over to the hotline is the one event that records its ticket: the
      // dispatcher's FORWARDED, a hotline callback that overtook it, or a late TICKET event.
      ReferralEvent.find(
        { at: between(range), 'patch.hotlineTicketId': { $type: 'string' } },
        { _id: 0, at: 1 },
      )
        .lean()
        .exec(),
      Referral.find(
        { closedAt: between(range) },
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
      due
        ? Referral.find(
            { status: { $in: OPEN_STATUSES }, slaDueAt: between(due) },
            { _id: 0, targetAgency: 1, categoryCode: 1, categoryName: 1 },
          )
            .lean()
            .exec()
        : Promise.resolve([]),
    ]);
    return {
      received: received.map((r) => r.createdAt),
      forwarded: handedOver.map((e) => e.at),
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
    };
  }
}

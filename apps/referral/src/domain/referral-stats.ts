import { dayEnd, dayStart, type StatBucket } from '@portal/db';

const HOUR = 3_600_000;

/** A referral closed (RESOLVED or REJECTED) in the period. */
export interface ClosedReferralFacts {
  status: 'RESOLVED' | 'REJECTED';
  targetAgency: string;
  categoryCode: string;
  categoryName: string;
  createdAt: Date;
  closedAt: Date;
  slaDueAt: Date;
}

/** An open referral whose SLA ran out in the period. */
export interface OverdueReferralFacts {
  targetAgency: string;
  categoryCode: string;
  categoryName: string;
}

export interface ReferralCountsBucket {
  from: Date;
  to: Date;
  received: number;
  forwarded: number;
  resolved: number;
  rejected: number;
}

export interface ReferralSla {
  closed: number;
  closedWithinSla: number;
  overdue: number;
  slaMetShare: number | null;
  medianHoursToResolution: number | null;
}

export interface ReferralAgencySla extends ReferralSla {
  agency: string;
}

export interface ReferralCategorySla extends ReferralSla {
  categoryCode: string;
  categoryName: string;
}

export interface ReferralStatsResult extends ReferralSla {
  received: number;
  forwarded: number;
  resolved: number;
  rejected: number;
  series: ReferralCountsBucket[];
  byAgency: ReferralAgencySla[];
  byCategory: ReferralCategorySla[];
}

/** The middle value (nearest rank, the lower of two middles), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

/** A period's series with every count at zero: one entry per bucket, its days' whole span. */
export function emptySeries(buckets: readonly StatBucket[]): ReferralCountsBucket[] {
  return buckets.map((b) => ({
    from: dayStart(b.firstDay),
    to: dayEnd(b.lastDay),
    received: 0,
    forwarded: 0,
    resolved: 0,
    rejected: 0,
  }));
}

class SlaTally {
  closed = 0;
  closedWithinSla = 0;
  overdue = 0;
  readonly hours: number[] = [];

  close(r: ClosedReferralFacts): void {
    this.closed++;
    if (r.closedAt.getTime() <= r.slaDueAt.getTime()) this.closedWithinSla++;
    if (r.status === 'RESOLVED')
      this.hours.push((r.closedAt.getTime() - r.createdAt.getTime()) / HOUR);
  }

  result(): ReferralSla {
    const judged = this.closed + this.overdue;
    return {
      closed: this.closed,
      closedWithinSla: this.closedWithinSla,
      overdue: this.overdue,
      slaMetShare: judged === 0 ? null : this.closedWithinSla / judged,
      medianHoursToResolution: median(this.hours),
    };
  }
}

/**
 * How the referrals of a period were handled:
 * - per bucket: received (created), forwarded (handed to the hotline: the event that recorded
 *   its ticket), resolved and rejected
 *   (closed with that status) in it;
 * - SLA, in total, per agency and per category: of the referrals closed in the period, those
 *   closed by their SLA due time; referrals still open whose due time fell in the period count
 *   as missed (`overdue`); slaMetShare = closedWithinSla / (closed + overdue);
 * - the median hours from receipt to RESOLVED of the referrals resolved in the period.
 */
export function referralStats(input: {
  buckets: readonly StatBucket[];
  receivedAt: readonly Date[];
  forwardedAt: readonly Date[];
  closed: readonly ClosedReferralFacts[];
  overdue: readonly OverdueReferralFacts[];
}): ReferralStatsResult {
  const series = emptySeries(input.buckets);
  const bucketOf = (at: Date) => series.find((s) => at >= s.from && at < s.to);
  const count = (at: Date, field: 'received' | 'forwarded' | 'resolved' | 'rejected') => {
    const bucket = bucketOf(at);
    if (bucket) bucket[field]++;
    return bucket ? 1 : 0;
  };
  let received = 0;
  let forwarded = 0;
  let resolved = 0;
  let rejected = 0;
  for (const at of input.receivedAt) received += count(at, 'received');
  for (const at of input.forwardedAt) forwarded += count(at, 'forwarded');

  const total = new SlaTally();
  const agencies = new Map<string, SlaTally>();
  const categories = new Map<string, { name: string; tally: SlaTally }>();
  const agency = (code: string) => {
    if (!agencies.has(code)) agencies.set(code, new SlaTally());
    return agencies.get(code)!;
  };
  const category = (code: string, name: string) => {
    if (!categories.has(code)) categories.set(code, { name, tally: new SlaTally() });
    return categories.get(code)!.tally;
  };
  for (const r of input.closed) {
    if (r.status === 'RESOLVED') resolved += count(r.closedAt, 'resolved');
    else rejected += count(r.closedAt, 'rejected');
    for (const t of [total, agency(r.targetAgency), category(r.categoryCode, r.categoryName)])
      t.close(r);
  }
  for (const r of input.overdue)
    for (const t of [total, agency(r.targetAgency), category(r.categoryCode, r.categoryName)])
      t.overdue++;

  return {
    received,
    forwarded,
    resolved,
    rejected,
    ...total.result(),
    series,
    byAgency: [...agencies.keys()]
      .sort()
      .map((code) => ({ agency: code, ...agencies.get(code)!.result() })),
    byCategory: [...categories.keys()].sort().map((code) => ({
      categoryCode: code,
      categoryName: categories.get(code)!.name,
      ...categories.get(code)!.tally.result(),
    })),
  };
}

import { dayKey, type StatBucket } from '@portal/db';
import {
  emptySeries,
  type ReferralAgencySla,
  type ReferralCategorySla,
  type ReferralCountsBucket,
  type ReferralSla,
  type ReferralStatsResult,
} from './referral-stats';

const HOUR = 3_600_000;

/**
 * The statistics of referrals as counts, so a year reads a dozen month documents instead of
 * one record per referral. A fact's field is `<day>|<instant>|<kind>` or, per agency and
 * category, `<day>|<instant>|<kind>|<agency>|<category code>` (URI-encoded parts; `<day>` the city day, `<instant>` the time in ms). A month document adds them up per
 * day (the field without its instant: see dayField), a day document keeps them as they are, so
 * a period that starts or ends inside a day counts exactly the part of that day it covers.
 * - `received`: a referral created; `forwarded`: a hand-over event (the event that recorded
 *   the hotline's ticket);
 * - `resolved`, `rejected`, `within`: a referral closed (with that status; by its SLA due
 *   time), per agency and category;
 * - `ms|…|<ms>`: a referral resolved that took <ms> ms from receipt: the exact multiset of
 *   resolution times, so the median is exact (not a histogram);
 * - `due` (at the SLA due time): a referral still open (+1 when received, −1 when closed),
 *   per agency and category: the overdue figure without a read of the referrals;
 * - `name|<category code>|<category name>`: the name the referral carried, beside each
 *   closing and each `due` (the name shown is the earliest in the period).
 * Every count is added by the write that makes it true (see referralCounts / eventCounts).
 */
export type StatCounts = Record<string, number>;

/** What a referral's counts depend on (none of it changes after intake). */
export interface CountedReferral {
  createdAt: Date;
  slaDueAt: Date;
  targetAgency: string;
  categoryCode: string;
  categoryName: string;
}

/** What an event's counts depend on. */
export interface CountedEvent {
  at: Date;
  patch: Record<string, unknown>;
}

const enc = encodeURIComponent;

function group(r: CountedReferral): string {
  return `${enc(r.targetAgency)}|${enc(r.categoryCode)}`;
}

/** The category's name as the referral carries it, counted beside its closing or its due. */
function nameCount(r: CountedReferral, at: Date, n: 1 | -1): StatCounts {
  return { [`${fact(at)}|name|${enc(r.categoryCode)}|${enc(r.categoryName)}`]: n };
}

/** The counts a new referral adds: received, and due while it stays open. */
export function referralCounts(r: CountedReferral): StatCounts {
  return { [`${fact(r.createdAt)}|received`]: 1, ...dueCount(r, 1) };
}

/** The start of a fact's field: its city day and instant. */
function fact(at: Date): string {
  return `${dayKey(at)}|${at.getTime()}`;
}

/** A fact's field as its month document adds it up: without its instant. */
export function dayField(field: string): string {
  const bar = field.indexOf('|', 11);
  return `${field.slice(0, 10)}${bar < 0 ? '' : field.slice(bar)}`;
}

/** The instant (ms) of a fact's field. */
export function factInstant(field: string): number {
  return Number(field.slice(11, field.indexOf('|', 11)));
}

/** A referral open (+1) or no longer open (−1) on the day its SLA falls due. */
export function dueCount(r: CountedReferral, n: 1 | -1): StatCounts {
  return { [`${fact(r.slaDueAt)}|due|${group(r)}`]: n, ...nameCount(r, r.slaDueAt, n) };
}

/** A hand-over to the hotline at `at`. */
export function forwardedCount(at: Date): StatCounts {
  return { [`${fact(at)}|forwarded`]: 1 };
}

/** A referral closed at `closedAt` with `status` (its `due` not included). */
export function closedCounts(
  r: CountedReferral,
  status: 'RESOLVED' | 'REJECTED',
  closedAt: Date,
): StatCounts {
  const day = fact(closedAt);
  const g = group(r);
  const counts: StatCounts = {
    [`${day}|${status === 'RESOLVED' ? 'resolved' : 'rejected'}|${g}`]: 1,
    ...nameCount(r, closedAt, 1),
  };
  if (closedAt.getTime() <= r.slaDueAt.getTime()) counts[`${day}|within|${g}`] = 1;
  if (status === 'RESOLVED')
    counts[`${day}|ms|${g}|${closedAt.getTime() - r.createdAt.getTime()}`] = 1;
  return counts;
}

/** The counts an event of `r` adds: a hand-over, or a closing (which also ends its `due`). */
export function eventCounts(r: CountedReferral, event: CountedEvent): StatCounts {
  let counts: StatCounts = {};
  if (typeof event.patch.hotlineTicketId === 'string') counts = forwardedCount(event.at);
  const { status, closedAt } = event.patch;
  if ((status === 'RESOLVED' || status === 'REJECTED') && closedAt instanceof Date)
    counts = { ...counts, ...closedCounts(r, status, closedAt), ...dueCount(r, -1) };
  return counts;
}

/** The city day (`YYYY-MM-DD`) a fact's field (or a day's) belongs to. */
export function countDay(field: string): string {
  return field.slice(0, 10);
}

/** Adds `counts` into `into` (dropping what sums to zero) and returns it. */
export function addStatCounts(
  into: Map<string, number>,
  counts: Iterable<readonly [string, number]>,
): Map<string, number> {
  for (const [field, n] of counts) {
    const sum = (into.get(field) ?? 0) + n;
    if (sum === 0) into.delete(field);
    else into.set(field, sum);
  }
  return into;
}

/**
 * Counts packed into one string (`<field>:<n>;…`, fields URI-encoded so they hold neither
 * separator); unlike packCounts of @portal/db it keeps negative counts, which a batch of
 * closings can carry.
 */
export function packStatCounts(counts: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const [field, n] of counts) if (n !== 0) parts.push(`${field}:${n}`);
  return parts.join(';');
}

export function unpackStatCounts(packed: string | null | undefined): [string, number][] {
  if (!packed) return [];
  return packed.split(';').map((part) => {
    const colon = part.lastIndexOf(':');
    return [part.slice(0, colon), Number(part.slice(colon + 1))];
  });
}

class Tally {
  resolved = 0;
  rejected = 0;
  within = 0;
  overdue = 0;
  /** Resolution times (ms) and how many referrals took each. */
  readonly ms = new Map<number, number>();

  result(): ReferralSla {
    const closed = this.resolved + this.rejected;
    const judged = closed + this.overdue;
    return {
      closed,
      closedWithinSla: this.within,
      overdue: this.overdue,
      slaMetShare: judged === 0 ? null : this.within / judged,
      medianHoursToResolution: this.median(),
    };
  }

  /** The middle value (nearest rank, the lower of two middles), as median() does on a list. */
  private median(): number | null {
    let total = 0;
    for (const n of this.ms.values()) total += n;
    if (total === 0) return null;
    let rank = Math.ceil(total / 2);
    for (const ms of [...this.ms.keys()].sort((a, b) => a - b)) {
      rank -= this.ms.get(ms)!;
      if (rank <= 0) return ms / HOUR;
    }
    return null;
  }
}

/**
 * The referral part of the portal statistics (same figures as referralStats over the records)
 * from day counts: `counts` holds the days of the period (received … ms), `due` the `due`
 * counts of the days whose referrals count as overdue now (the period up to now).
 */
export function referralStatsFromCounts(input: {
  buckets: readonly StatBucket[];
  counts: ReadonlyMap<string, number>;
  due: ReadonlyMap<string, number>;
}): ReferralStatsResult {
  const series = emptySeries(input.buckets);
  const bucketByDay = new Map<string, ReferralCountsBucket | undefined>();
  const bucketOf = (day: string) => {
    if (!bucketByDay.has(day)) {
      const i = input.buckets.findIndex((b) => day >= b.firstDay && day <= b.lastDay);
      bucketByDay.set(day, i < 0 ? undefined : series[i]);
    }
    return bucketByDay.get(day);
  };
  // The name each category carried first in the period (fields sort by day first).
  const names = new Map<string, string>();
  const nameFields = [...input.counts, ...input.due]
    .filter(([field, n]) => n > 0 && field.startsWith('name|', 11))
    .map(([field]) => field)
    .sort();
  for (const field of nameFields) {
    const [, , code, name] = field.split('|') as [string, string, string, string];
    if (!names.has(code)) names.set(code, decodeURIComponent(name));
  }
  const total = new Tally();
  const agencies = new Map<string, Tally>();
  const categories = new Map<string, { name: string; tally: Tally }>();
  const tallies = (agencyPart: string, codePart: string) => {
    if (!agencies.has(agencyPart)) agencies.set(agencyPart, new Tally());
    if (!categories.has(codePart))
      categories.set(codePart, { name: names.get(codePart) ?? '', tally: new Tally() });
    return [total, agencies.get(agencyPart)!, categories.get(codePart)!.tally];
  };

  for (const [field, n] of input.counts) {
    const [day, kind, agency, code, ms] = field.split('|') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const bucket = bucketOf(day);
    if (!bucket || n === 0) continue;
    if (kind === 'received' || kind === 'forwarded') {
      bucket[kind] += n;
      continue;
    }
    if (kind !== 'resolved' && kind !== 'rejected' && kind !== 'within' && kind !== 'ms') continue;
    if (kind === 'resolved' || kind === 'rejected') bucket[kind] += n;
    for (const t of tallies(agency, code)) {
      if (kind === 'ms') t.ms.set(Number(ms), (t.ms.get(Number(ms)) ?? 0) + n);
      else t[kind] += n;
    }
  }
  for (const [field, n] of input.due) {
    const [, kind, agency, code] = field.split('|') as [string, string, string, string];
    if (kind !== 'due' || n <= 0) continue;
    for (const t of tallies(agency, code)) t.overdue += n;
  }

  const sum = (field: 'received' | 'forwarded' | 'resolved' | 'rejected') =>
    series.reduce((s, b) => s + b[field], 0);
  return {
    received: sum('received'),
    forwarded: sum('forwarded'),
    resolved: sum('resolved'),
    rejected: sum('rejected'),
    ...total.result(),
    series,
    byAgency: [...agencies.keys()]
      .sort()
      .map((agency): ReferralAgencySla => ({ agency, ...agencies.get(agency)!.result() })),
    byCategory: [...categories.keys()].sort().map((code): ReferralCategorySla => ({
      categoryCode: code,
      categoryName: categories.get(code)!.name,
      ...categories.get(code)!.tally.result(),
    })),
  };
}

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
 * day (the field without its instant: see dayField) and keeps them packed by key (one list of
 * days, and resolution times, per kind, agency and category: see packMonthCounts); a day
 * document keeps them as they are, so a period that starts or ends inside a day counts exactly
 * the part of that day it covers.
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

  /** Adds another tally's counts into this one. */
  add(other: Tally): void {
    this.resolved += other.resolved;
    this.rejected += other.rejected;
    this.within += other.within;
    this.overdue += other.overdue;
    for (const [ms, n] of other.ms) this.ms.set(ms, (this.ms.get(ms) ?? 0) + n);
  }

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
 * A month document's counts (fields without their instant, `<day>|<kind>…`), packed compactly:
 * `<key>=<entries>;…` where the key is the field without its day (and, for `ms`, without the
 * resolution time): `received`, `resolved|<agency>|<code>`, `ms|<agency>|<code>`,
 * `name|<code>|<name>`…; each entry is the day of the month, `:<ms>` for a resolution time,
 * and `*<n>` when the count is not 1, sorted (`03,04*2` or `03:36000000,17:86400000*2`). The
 * keys' parts are URI-encoded, so they hold none of `=;,:*`. A month of a bench-scale year
 * packs in about a tenth of the one-field-per-count form (packStatCounts), and a read parses
 * each key once, not once per day and resolution time.
 */
export function packMonthCounts(counts: ReadonlyMap<string, number>): string {
  const byKey = new Map<string, [day: number, ms: number, n: number][]>();
  for (const [field, n] of counts) {
    if (n === 0) continue;
    const [day, key, ms] = splitDayField(field);
    let entries = byKey.get(key);
    if (!entries) byKey.set(key, (entries = []));
    entries.push([Number(day.slice(8)), ms, n]);
  }
  const parts: string[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const entries = byKey.get(key)!.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const packed = entries.map(([day, ms, n]) => {
      const d = String(day).padStart(2, '0');
      return `${d}${Number.isNaN(ms) ? '' : `:${ms}`}${n === 1 ? '' : `*${n}`}`;
    });
    parts.push(`${key}=${packed.join(',')}`);
  }
  return parts.join(';');
}

/**
 * Calls `fn` with each count of a packed month (`month` `YYYY-MM`): its day, key (see
 * packMonthCounts) and resolution time (NaN for none).
 */
export function forEachMonthCount(
  packed: string | null | undefined,
  month: string,
  fn: (day: string, key: string, ms: number, n: number) => void,
): void {
  if (!packed) return;
  const days: string[] = [];
  for (const part of packed.split(';')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    for (const entry of part.slice(eq + 1).split(',')) {
      const star = entry.indexOf('*');
      const end = star < 0 ? entry.length : star;
      const colon = entry.indexOf(':');
      const d = Number(entry.slice(0, colon < 0 ? end : colon));
      const day = (days[d] ??= `${month}-${String(d).padStart(2, '0')}`);
      const ms = colon < 0 ? NaN : Number(entry.slice(colon + 1, end));
      fn(day, key, ms, star < 0 ? 1 : Number(entry.slice(star + 1)));
    }
  }
}

/** A packed month's counts as fields without their instant (`<day>|<kind>…`). */
export function unpackMonthCounts(packed: string | null | undefined, month: string) {
  const counts = new Map<string, number>();
  forEachMonthCount(packed, month, (day, key, ms, n) => {
    const field = Number.isNaN(ms) ? `${day}|${key}` : `${day}|${key}|${ms}`;
    addStatCounts(counts, [[field, n]]);
  });
  return counts;
}

/**
 * A field without its instant as its day, its key (the rest, less the resolution time of an
 * `ms` field) and that resolution time (NaN for none).
 */
export function splitDayField(field: string): [day: string, key: string, ms: number] {
  const day = field.slice(0, 10);
  const rest = field.slice(11);
  if (!rest.startsWith('ms|')) return [day, rest, NaN];
  const bar = rest.lastIndexOf('|');
  return [day, rest.slice(0, bar), Number(rest.slice(bar + 1))];
}

/**
 * The referral part of the portal statistics (same figures as referralStats over the records)
 * from counts, added one by one: `add` those of the days of the period (received … ms, name),
 * `addDue` the `due` counts of the days whose referrals count as overdue now (the period up to
 * now). A count is its day, its key (see packMonthCounts) and, for `ms`, the resolution time.
 */
export class ReferralCountsReader {
  private readonly series: ReferralCountsBucket[];
  private readonly bucketByDay = new Map<string, ReferralCountsBucket | undefined>();
  private lastDay = '';
  private lastBucket: ReferralCountsBucket | undefined;
  /** Each key as parsed the first time it is seen (a year has a few hundred). */
  private readonly keys = new Map<string, CountKey>();
  /** Per agency and category (`<agency>|<code>`), the counts of its closings. */
  private readonly groups = new Map<string, Tally>();
  /** `<day>|due|<agency>|<code>` → referrals open at their due time that day. */
  private readonly due = new Map<string, number>();

  constructor(private readonly buckets: readonly StatBucket[]) {
    this.series = emptySeries(buckets);
  }

  private bucketOf(day: string): ReferralCountsBucket | undefined {
    if (day === this.lastDay) return this.lastBucket;
    let bucket = this.bucketByDay.get(day);
    if (bucket === undefined && !this.bucketByDay.has(day)) {
      const i = this.buckets.findIndex((b) => day >= b.firstDay && day <= b.lastDay);
      this.bucketByDay.set(day, (bucket = i < 0 ? undefined : this.series[i]));
    }
    this.lastDay = day;
    this.lastBucket = bucket;
    return bucket;
  }

  private keyOf(key: string): CountKey {
    let k = this.keys.get(key);
    if (!k) {
      const bar = key.indexOf('|');
      const kind = bar < 0 ? key : key.slice(0, bar);
      // `<kind>|<agency>|<code>` (and `ms|…`): its group; `name|<code>|<name>`: the name.
      const group = kind === 'name' || bar < 0 ? '' : key.split('|', 3).slice(1).join('|');
      this.keys.set(key, (k = { kind, group, rest: key.slice(bar + 1), days: null }));
    }
    return k;
  }

  private group(group: string): Tally {
    let t = this.groups.get(group);
    if (!t) this.groups.set(group, (t = new Tally()));
    return t;
  }

  /** A count of a day of the period (a `due` count is not one: see addDue). */
  add(day: string, key: string, ms: number, n: number): void {
    if (n === 0) return;
    const k = this.keyOf(key);
    if (k.kind === 'name') {
      // Kept by code and name, per day (the first is shown).
      const days = (k.days ??= new Map());
      days.set(day, (days.get(day) ?? 0) + n);
      return;
    }
    const bucket = this.bucketOf(day);
    if (!bucket) return;
    switch (k.kind) {
      case 'received':
      case 'forwarded':
        bucket[k.kind] += n;
        return;
      case 'resolved':
      case 'rejected':
        bucket[k.kind] += n;
        this.group(k.group)[k.kind] += n;
        return;
      case 'within':
        this.group(k.group).within += n;
        return;
      case 'ms': {
        const t = this.group(k.group);
        t.ms.set(ms, (t.ms.get(ms) ?? 0) + n);
        return;
      }
    }
  }

  /** A `due` count of a day whose open referrals count as overdue. */
  addDue(day: string, key: string, n: number): void {
    if (!key.startsWith('due|')) return;
    const field = `${day}|${key}`;
    this.due.set(field, (this.due.get(field) ?? 0) + n);
  }

  /** A field without its instant (`<day>|<kind>…`) of a day of the period. */
  addField(field: string, n: number): void {
    const [day, key, ms] = splitDayField(field);
    this.add(day, key, ms, n);
  }

  result(): ReferralStatsResult {
    for (const [field, n] of this.due)
      if (n > 0) this.group(field.slice(field.indexOf('|', 11) + 1)).overdue += n;
    // The name each category carried first in the period (by day, then name).
    const names = new Map<string, string>();
    const named: string[] = [];
    for (const k of this.keys.values())
      if (k.kind === 'name')
        for (const [day, n] of k.days ?? []) if (n > 0) named.push(`${day}|${k.rest}`);
    for (const field of named.sort()) {
      const [, code, name] = field.split('|') as [string, string, string];
      if (!names.has(code)) names.set(code, decodeURIComponent(name));
    }
    const total = new Tally();
    const agencies = new Map<string, Tally>();
    const categories = new Map<string, Tally>();
    for (const [group, counts] of this.groups) {
      const [agency, code] = group.split('|') as [string, string];
      if (!agencies.has(agency)) agencies.set(agency, new Tally());
      if (!categories.has(code)) categories.set(code, new Tally());
      for (const t of [total, agencies.get(agency)!, categories.get(code)!]) t.add(counts);
    }
    const series = this.series;
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
        categoryName: names.get(code) ?? '',
        ...categories.get(code)!.result(),
      })),
    };
  }
}

/** A key of counts (see packMonthCounts), parsed: its kind, its `<agency>|<code>`, what follows its kind. */
interface CountKey {
  kind: string;
  group: string;
  rest: string;
  /** Of a name: its count per day (kept if positive once all are added). */
  days: Map<string, number> | null;
}

/**
 * The referral part of the portal statistics from day counts: `counts` holds the days of the
 * period (received … ms, fields without their instant), `due` the `due` counts of the days
 * whose referrals count as overdue now (the period up to now).
 */
export function referralStatsFromCounts(input: {
  buckets: readonly StatBucket[];
  counts: ReadonlyMap<string, number>;
  due: ReadonlyMap<string, number>;
}): ReferralStatsResult {
  const reader = new ReferralCountsReader(input.buckets);
  for (const [field, n] of input.counts) reader.addField(field, n);
  for (const [field, n] of input.due) {
    const [day, key] = splitDayField(field);
    reader.addDue(day, key, n);
  }
  return reader.result();
}

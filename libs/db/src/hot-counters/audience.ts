import { findByIds } from '../by-ids';
import { HotCounter } from './hot-counter';
import {
  hotCounterModels,
  type HotCounterModels,
  type HotCounterSpec,
  type HotPeriodDoc,
} from './hot-counter.model';
import { unpackCounts } from './packed-counts';
import {
  dayEnd,
  dayPeriodId,
  dayStart,
  daysOf,
  monthPeriodId,
  statBuckets,
  statsRange,
  unionCover,
  type StatBucket,
  type StatGranularity,
} from './stat-periods';
import type { Redis } from 'ioredis';
import type { Connection, Model } from 'mongoose';
import type { Logger } from '@portal/logger';

/**
 * Who read a page, in the broad classes leaders ask about: the device, where from (by an
 * offline IP-geolocation lookup where the page view is reported; the address itself is never
 * sent on or stored), what sent them, and whether they were signed in.
 */
export const AUDIENCE_DEVICES = ['DESKTOP', 'MOBILE', 'TABLET'] as const;
export type AudienceDevice = (typeof AUDIENCE_DEVICES)[number];
export const AUDIENCE_REGIONS = ['HCMC', 'OTHER_PROVINCE', 'ABROAD', 'UNKNOWN'] as const;
export type AudienceRegion = (typeof AUDIENCE_REGIONS)[number];
export const REFERRER_CLASSES = [
  'SEARCH',
  'SOCIAL',
  'DIRECT',
  'BULLETIN',
  'PARTNER',
  'OTHER',
] as const;
export type ReferrerClass = (typeof REFERRER_CLASSES)[number];

const camel = (prefix: string, value: string) =>
  prefix +
  value
    .toLowerCase()
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

const deviceCounter = (d: AudienceDevice) => d.toLowerCase();
const regionCounter = (r: AudienceRegion) => camel('region', r);
const referrerCounter = (r: ReferrerClass) => camel('ref', r);

/** Every audience counter of a hot counter's spec (document field names). */
export const AUDIENCE_COUNTERS: readonly string[] = [
  ...AUDIENCE_DEVICES.map(deviceCounter),
  ...AUDIENCE_REGIONS.map(regionCounter),
  ...REFERRER_CLASSES.map(referrerCounter),
  'signedIn',
  'anonymous',
];

/** One page view as the web portal (or an app) reports it. */
export interface PageView {
  device: AudienceDevice;
  region?: AudienceRegion | null;
  referrer?: ReferrerClass | null;
}

/** The counters one view counts in. */
export function audienceCounters(view: PageView, signedIn: boolean): string[] {
  return [
    deviceCounter(view.device),
    regionCounter(view.region ?? 'UNKNOWN'),
    referrerCounter(view.referrer ?? 'DIRECT'),
    signedIn ? 'signedIn' : 'anonymous',
  ];
}

const SEARCH_HOSTS = [
  'google.',
  'bing.com',
  'coccoc.com',
  'yahoo.',
  'duckduckgo.com',
  'yandex.',
  'baidu.com',
];
const SOCIAL_HOSTS = [
  'facebook.com',
  'fb.com',
  'zalo.me',
  'zalo.vn',
  'youtube.com',
  'tiktok.com',
  'twitter.com',
  'x.com',
  't.co',
  'linkedin.com',
  'instagram.com',
  'threads.net',
];
const MAIL_HOSTS = ['mail.google.com', 'outlook.live.com', 'outlook.office.com', 'mail.yahoo.com'];
/** Partner sites by default: the government's (the city's departments and districts, ministries). */
export const PARTNER_HOSTS: readonly string[] = ['gov.vn'];
/** An anonymous reader is one address within this window (see readerOf). */
export const ANONYMOUS_READER_WINDOW_SECONDS = 86_400;
/** `utm_source`/`utm_medium` values the bulletin's e-mails put on their links. */
const BULLETIN_CAMPAIGNS = ['ban-tin', 'bulletin', 'email', 'newsletter'];

const hostMatches = (host: string, list: readonly string[]) =>
  list.some((h) =>
    h.endsWith('.')
      ? host.startsWith(h) || host.includes(`.${h}`)
      : host === h || host.endsWith(`.${h}`),
  );

/**
 * The class of what sent a reader, from the page's `Referer` and its landing URL's campaign
 * tag: a link in the bulletin's e-mail, a search engine, a social network, a partner's site
 * (configured hosts), none or the portal itself (direct), or anything else.
 */
export function classifyReferrer(input: {
  referrer?: string | null;
  campaign?: string | null;
  ownHosts?: readonly string[];
  partnerHosts?: readonly string[];
}): ReferrerClass {
  if (input.campaign && BULLETIN_CAMPAIGNS.includes(input.campaign.toLowerCase()))
    return 'BULLETIN';
  if (!input.referrer) return 'DIRECT';
  let host: string;
  try {
    host = new URL(input.referrer).hostname.toLowerCase();
  } catch {
    return 'OTHER';
  }
  if (hostMatches(host, MAIL_HOSTS)) return 'BULLETIN';
  if ((input.ownHosts ?? []).some((h) => hostMatches(host, [h]))) return 'DIRECT';
  if ((input.partnerHosts ?? PARTNER_HOSTS).some((h) => hostMatches(host, [h]))) return 'PARTNER';
  if (hostMatches(host, SEARCH_HOSTS)) return 'SEARCH';
  if (hostMatches(host, SOCIAL_HOSTS)) return 'SOCIAL';
  return 'OTHER';
}

/**
 * Who a distinct reader is: a signed-in person counts once however many addresses they use;
 * an anonymous reader is their (salted) client key within a window, so one address counts
 * again in the next window and two signed-in people behind one office address count as two.
 */
export function readerOf(
  viewerId: string | null | undefined,
  clientKey: string | null | undefined,
  at: Date,
  anonymousWindowSeconds: number,
): string | null {
  if (viewerId) return `p:${viewerId}`;
  if (!clientKey) return null;
  return `a:${clientKey}:${Math.floor(at.getTime() / 1000 / anonymousWindowSeconds)}`;
}

/** Views of one class and their share of all views (0 to 1). */
export interface ClassShare {
  views: number;
  share: number;
}

export interface AudienceBucket {
  from: Date;
  to: Date;
  views: number;
  uniqueReaders: number;
}

/** A section's audience over a period: views exact, distinct readers approximate. */
export interface AudienceStats {
  views: number;
  uniqueReaders: number;
  signedInViews: number;
  anonymousViews: number;
  byDevice: (ClassShare & { device: AudienceDevice })[];
  byRegion: (ClassShare & { region: AudienceRegion })[];
  byReferrer: (ClassShare & { referrer: ReferrerClass })[];
  series: AudienceBucket[];
  /** Always true: uniqueReaders is a HyperLogLog estimate. */
  uniqueReadersApproximate: true;
}

/** Adds up period documents less the `minus` ones, field by field. */
function sumPeriods(add: readonly HotPeriodDoc[], minus: readonly HotPeriodDoc[]) {
  const sum: Record<string, number> = { total: 0 };
  for (const c of AUDIENCE_COUNTERS) sum[c] = 0;
  for (const [docs, sign] of [
    [add, 1],
    [minus, -1],
  ] as const)
    for (const d of docs)
      for (const k of Object.keys(sum)) {
        const v = d[k];
        if (typeof v === 'number') sum[k]! += sign * v;
      }
  return sum;
}

function shares<T extends string, N extends string>(
  name: N,
  keys: readonly T[],
  counter: (k: T) => string,
  sum: Record<string, number>,
  total: number,
): (ClassShare & Record<N, T>)[] {
  return keys.map((key) => {
    const views = sum[counter(key)] ?? 0;
    return { [name]: key, views, share: total === 0 ? 0 : views / total } as ClassShare &
      Record<N, T>;
  });
}

/**
 * Events per city day from `firstDay` to `lastDay`, from the months' `days` (a dozen documents
 * for a year); a month flushed before months kept them is read from its day documents.
 */
async function dailyTotals(
  periods: Model<any>,
  firstDay: string,
  lastDay: string,
): Promise<Map<string, number>> {
  const days = daysOf(firstDay, lastDay);
  const months = [...new Set(days.map(monthPeriodId))];
  const found = await findByIds<{ _id: string; days?: string }>(periods, months, {
    projection: { days: 1 },
  });
  const totals = new Map<string, number>();
  const older = new Set<string>();
  for (const m of found) {
    if (typeof m.days !== 'string') older.add(m._id);
    else for (const [d, n] of unpackCounts(m.days)) totals.set(`${m._id.slice(1)}-${d}`, n);
  }
  const olderDays = days.filter((d) => older.has(monthPeriodId(d)));
  if (olderDays.length)
    for (const d of await findByIds<HotPeriodDoc>(periods, olderDays.map(dayPeriodId), {
      projection: { total: 1 },
    }))
      totals.set(d._id.slice(1), d.total);
  return totals;
}

/**
 * The audience of one hot counter (whose spec has AUDIENCE_COUNTERS) over [from, to): totals
 * and class shares from as few period documents as cover the period, and a series of views
 * and distinct readers per day, week or month (views by day and week from the months' daily
 * events). `scope` picks the reader sets (`all`…).
 */
export async function audienceStats(
  counter: HotCounter,
  periods: Model<any>,
  from: Date,
  to: Date,
  granularity: StatGranularity,
  scope = 'all',
): Promise<AudienceStats> {
  const range = statsRange(from, to);
  const buckets = statBuckets(from, to, granularity);
  const byMonth = granularity === 'MONTH';
  const covers = byMonth
    ? buckets.map((b) => statsRange(dayStart(b.firstDay), dayEnd(b.lastDay)))
    : [];
  const ids = new Set([...range.add, ...range.subtract]);
  for (const c of covers) for (const id of [...c.add, ...c.subtract]) ids.add(id);
  // Only the counters: a period's packed per-subject totals can be a hundred kilobytes.
  const projection = Object.fromEntries(
    ['total', ...AUDIENCE_COUNTERS].map((c) => [c, 1 as const]),
  );
  const readerGroups = [
    unionCover(range.firstDay, range.lastDay),
    ...buckets.map((b) => unionCover(b.firstDay, b.lastDay)),
  ];
  const [found, daily, readers] = await Promise.all([
    findByIds<HotPeriodDoc>(periods, [...ids], { projection }),
    byMonth ? null : dailyTotals(periods, range.firstDay, range.lastDay),
    counter.distinctReaders(scope, readerGroups),
  ]);
  const docs = new Map(found.map((d) => [d._id, d] as const));
  const pick = (list: string[]) => list.flatMap((id) => docs.get(id) ?? []);
  const [allReaders, ...bucketReaders] = readers;
  const bucketViews = (b: StatBucket, i: number) =>
    daily
      ? daysOf(b.firstDay, b.lastDay).reduce((n, d) => n + (daily.get(d) ?? 0), 0)
      : sumPeriods(pick(covers[i]!.add), pick(covers[i]!.subtract)).total!;

  const sum = sumPeriods(pick(range.add), pick(range.subtract));
  const total = sum.total!;
  return {
    views: total,
    uniqueReaders: allReaders!,
    uniqueReadersApproximate: true,
    signedInViews: sum.signedIn!,
    anonymousViews: sum.anonymous!,
    byDevice: shares('device', AUDIENCE_DEVICES, deviceCounter, sum, total),
    byRegion: shares('region', AUDIENCE_REGIONS, regionCounter, sum, total),
    byReferrer: shares('referrer', REFERRER_CLASSES, referrerCounter, sum, total),
    series: buckets.map((b, i) => ({
      from: dayStart(b.firstDay),
      to: dayEnd(b.lastDay),
      views: bucketViews(b, i),
      uniqueReaders: bucketReaders[i]!,
    })),
  };
}

/** A section's page-view counter: a hot counter whose classes are the audience's. */
export interface AudienceCounter {
  counter: HotCounter;
  models: HotCounterModels;
  /** Counts one page view (once per client per window); true when counted. */
  record(view: {
    subjectId: string;
    device: AudienceDevice;
    region?: AudienceRegion | null;
    referrer?: string | null;
    campaign?: string | null;
    viewerId: string | null;
    clientKey: string | null;
  }): Promise<boolean>;
  /** The section's audience over a period (see audienceStats). */
  stats(from: Date, to: Date, granularity: StatGranularity): Promise<AudienceStats>;
}

/**
 * The page-view counter of one section (`forum:views` over threads…), with its collections
 * `<collectionPrefix>_buckets|_periods|_totals|_readers`. Flush it from the service's worker.
 */
export function createAudienceCounter(options: {
  conn: Connection;
  redis: Redis;
  keyPrefix: string;
  /** Redis namespace, e.g. `forum:views`. */
  name: string;
  /** Model names start with it (`ThreadView`). */
  modelPrefix: string;
  /** Collection names start with it (`thread_view`). */
  collectionPrefix: string;
  subjectField: string;
  subjectsField: string;
  dedupeSeconds?: number;
  logger: Logger;
  now?: () => Date;
}): AudienceCounter {
  const spec: HotCounterSpec = {
    modelPrefix: options.modelPrefix,
    collectionPrefix: options.collectionPrefix,
    subjectField: options.subjectField,
    subjectsField: options.subjectsField,
    counters: AUDIENCE_COUNTERS,
  };
  const models = hotCounterModels(options.conn, spec);
  const counter = new HotCounter({
    redis: options.redis,
    models,
    spec,
    name: options.name,
    keyPrefix: options.keyPrefix,
    dedupeSeconds: options.dedupeSeconds ?? 1800,
    logger: options.logger,
    now: options.now,
  });
  const now = options.now ?? (() => new Date());
  return {
    counter,
    models,
    record: (v) => {
      const reader = readerOf(v.viewerId, v.clientKey, now(), ANONYMOUS_READER_WINDOW_SECONDS);
      const referrer = classifyReferrer({ referrer: v.referrer, campaign: v.campaign });
      return counter.count({
        subjectId: v.subjectId,
        counters: audienceCounters({ device: v.device, region: v.region, referrer }, !!v.viewerId),
        client: v.clientKey ?? (v.viewerId ? `person:${v.viewerId}` : null),
        readers: reader ? { reader, scopes: ['all'] } : null,
      });
    },
    stats: (from, to, granularity) => audienceStats(counter, models.periods, from, to, granularity),
  };
}

import { badInput } from '@portal/errors';

/**
 * Days and months of view statistics, in the city's time (Asia/Ho_Chi_Minh is UTC+7 all
 * year: Viet Nam has no daylight saving time).
 */
export const CITY_UTC_OFFSET_MS = 7 * 3600 * 1000;

/** The longest period statistics are asked for at once. */
export const MAX_STATS_RANGE_DAYS = 3 * 366;

/** "2025-11-01" for an instant, by the city's calendar. */
export function dayKey(at: Date): string {
  return new Date(at.getTime() + CITY_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a city day starts. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CITY_UTC_OFFSET_MS);
}

export function dayPeriodId(day: string): string {
  return `D${day}`;
}

export function monthPeriodId(day: string): string {
  return `M${day.slice(0, 7)}`;
}

/** Every city day from `firstDay` to `lastDay` (`YYYY-MM-DD`), both included. */
export function daysOf(firstDay: string, lastDay: string): string[] {
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) days.push(day);
  return days;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function lastDayOfMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00.000Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

export function yearPeriodId(day: string): string {
  return `Y${day.slice(0, 4)}`;
}

/** Every period document a view on `day` counts in: its day, month and year. */
export function periodIdsOf(day: string): string[] {
  return [dayPeriodId(day), monthPeriodId(day), yearPeriodId(day)];
}

/** Period documents to add up, and documents to take away from that sum. */
export interface PeriodCover {
  add: string[];
  subtract: string[];
}

export interface StatsRange extends PeriodCover {
  firstDay: string;
  lastDay: string;
}

function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const size = (c: PeriodCover) => c.add.length + c.subtract.length;

/**
 * The days first..last of one year as month and day documents: each month is its month
 * document, or, where only part of it is wanted, whichever is shorter: the days wanted, or
 * the month less the days not wanted.
 */
function monthsCover(first: string, last: string): PeriodCover {
  const cover: PeriodCover = { add: [], subtract: [] };
  for (let monthStart = `${first.slice(0, 7)}-01`; monthStart <= last;) {
    const monthEnd = lastDayOfMonth(monthStart);
    const inside = daysBetween(
      first > monthStart ? first : monthStart,
      last < monthEnd ? last : monthEnd,
    );
    const outside = daysBetween(monthStart, monthEnd).filter((d) => d < first || d > last);
    if (outside.length < inside.length) {
      cover.add.push(monthPeriodId(monthStart));
      cover.subtract.push(...outside.map(dayPeriodId));
    } else {
      cover.add.push(...inside.map(dayPeriodId));
    }
    monthStart = addDays(monthEnd, 1);
  }
  return cover;
}

/**
 * The days first..last of one year: its months and days (monthsCover), or, when that takes
 * fewer documents, the year document less the months and days outside first..last.
 */
function yearCover(first: string, last: string): PeriodCover {
  const yearStart = `${first.slice(0, 4)}-01-01`;
  const yearEnd = `${first.slice(0, 4)}-12-31`;
  if (first === yearStart && last === yearEnd) return { add: [yearPeriodId(first)], subtract: [] };
  const inside = monthsCover(first, last);
  const outside: PeriodCover = { add: [], subtract: [] };
  for (const [a, b] of [
    [yearStart, addDays(first, -1)],
    [addDays(last, 1), yearEnd],
  ] as const) {
    if (a > b) continue;
    const part = monthsCover(a, b);
    outside.add.push(...part.add);
    outside.subtract.push(...part.subtract);
  }
  const viaYear = { add: [yearPeriodId(first), ...outside.subtract], subtract: outside.add };
  return size(viaYear) < size(inside) ? viaYear : inside;
}

/**
 * The whole city days that [from, to) touches, as few period documents as possible: per
 * year, the year document less what lies outside the period, or months (each possibly less
 * a few days) and days. A rolling year is the current year's document, last December and a
 * few days; a calendar year to date is one document less the days still to come.
 */
export function statsRange(from: Date, to: Date): StatsRange {
  if (to.getTime() <= from.getTime()) throw badInput('to', 'must be after from');
  const firstDay = dayKey(from);
  const lastDay = dayKey(new Date(to.getTime() - 1));
  const span = (Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000 + 1;
  if (span > MAX_STATS_RANGE_DAYS)
    throw badInput('to', `the period must be at most ${MAX_STATS_RANGE_DAYS} days`);
  const range: StatsRange = { firstDay, lastDay, add: [], subtract: [] };
  for (let yearStart = `${firstDay.slice(0, 4)}-01-01`; yearStart <= lastDay;) {
    const yearEnd = `${yearStart.slice(0, 4)}-12-31`;
    const part = yearCover(
      firstDay > yearStart ? firstDay : yearStart,
      lastDay < yearEnd ? lastDay : yearEnd,
    );
    range.add.push(...part.add);
    range.subtract.push(...part.subtract);
    yearStart = addDays(yearEnd, 1);
  }
  return range;
}

/**
 * The whole city days first..last as period documents that never overlap and need no
 * subtraction (for sets such as distinct readers, which can be united but not taken away):
 * whole years, whole months, and the remaining days.
 */
export function unionCover(firstDay: string, lastDay: string): string[] {
  const ids: string[] = [];
  for (let day = firstDay; day <= lastDay;) {
    const yearEnd = `${day.slice(0, 4)}-12-31`;
    if (day.endsWith('-01-01') && yearEnd <= lastDay) {
      ids.push(yearPeriodId(day));
      day = addDays(yearEnd, 1);
      continue;
    }
    const monthEnd = lastDayOfMonth(day);
    if (day.endsWith('-01') && monthEnd <= lastDay) {
      ids.push(monthPeriodId(day));
      day = addDays(monthEnd, 1);
      continue;
    }
    ids.push(dayPeriodId(day));
    day = addDays(day, 1);
  }
  return ids;
}

export const STAT_GRANULARITIES = ['DAY', 'WEEK', 'MONTH'] as const;
export type StatGranularity = (typeof STAT_GRANULARITIES)[number];

/** One bucket of a statistics series: its first and last city day. */
export interface StatBucket {
  firstDay: string;
  lastDay: string;
}

/** The most buckets one series may have. */
export const MAX_STAT_BUCKETS = 400;

/**
 * The city days that [from, to) touches, cut into days, ISO weeks (Monday to Sunday) or
 * calendar months; the first and last buckets are clipped to the period.
 */
export function statBuckets(from: Date, to: Date, granularity: StatGranularity): StatBucket[] {
  const { firstDay, lastDay } = statsRange(from, to);
  const buckets: StatBucket[] = [];
  for (let day = firstDay; day <= lastDay;) {
    let end: string;
    if (granularity === 'DAY') end = day;
    else if (granularity === 'MONTH') end = lastDayOfMonth(day);
    else {
      const weekday = (new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7; // Monday = 0
      end = addDays(day, 6 - weekday);
    }
    if (end > lastDay) end = lastDay;
    buckets.push({ firstDay: day, lastDay: end });
    if (buckets.length > MAX_STAT_BUCKETS)
      throw badInput('granularity', `the period has more than ${MAX_STAT_BUCKETS} buckets`);
    day = addDays(end, 1);
  }
  return buckets;
}

/** The instant after a city day ends. */
export function dayEnd(day: string): Date {
  return dayStart(addDays(day, 1));
}

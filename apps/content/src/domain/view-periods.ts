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

export interface StatsRange {
  firstDay: string;
  lastDay: string;
  /** Month documents to add: months inside the range, and months it mostly covers. */
  monthIds: string[];
  /** Day documents to add: days of months the range covers less than half of. */
  dayIds: string[];
  /** Day documents to take away: days outside the range of months it mostly covers. */
  minusDayIds: string[];
}

function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The whole city days that [from, to) touches, as the fewest documents: each month is its
 * month document, or, where the range covers only part of it, whichever is shorter: the
 * days it covers, or the month minus the days it does not. A year is about a dozen month
 * documents and at most about thirty day documents, wherever it starts.
 */
export function statsRange(from: Date, to: Date): StatsRange {
  if (to.getTime() <= from.getTime()) throw badInput('to', 'must be after from');
  const firstDay = dayKey(from);
  const lastDay = dayKey(new Date(to.getTime() - 1));
  const span = (Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000 + 1;
  if (span > MAX_STATS_RANGE_DAYS)
    throw badInput('to', `the period must be at most ${MAX_STATS_RANGE_DAYS} days`);
  const range: StatsRange = { firstDay, lastDay, monthIds: [], dayIds: [], minusDayIds: [] };
  for (let monthStart = `${firstDay.slice(0, 7)}-01`; monthStart <= lastDay;) {
    const monthEnd = lastDayOfMonth(monthStart);
    const inside = daysBetween(
      firstDay > monthStart ? firstDay : monthStart,
      lastDay < monthEnd ? lastDay : monthEnd,
    );
    const outside = daysBetween(monthStart, monthEnd).filter((d) => d < firstDay || d > lastDay);
    if (outside.length < inside.length) {
      range.monthIds.push(monthPeriodId(monthStart));
      range.minusDayIds.push(...outside.map(dayPeriodId));
    } else {
      range.dayIds.push(...inside.map(dayPeriodId));
    }
    monthStart = addDays(monthEnd, 1);
  }
  return range;
}

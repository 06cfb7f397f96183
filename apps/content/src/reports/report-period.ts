import { CITY_UTC_OFFSET_MS, dayStart } from '@portal/db';

/** "2025-11" for an instant, by the city's calendar (Asia/Ho_Chi_Minh, UTC+7). */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + CITY_UTC_OFFSET_MS).toISOString().slice(0, 7);
}

function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A city month as the instants it starts and ends. */
export function monthPeriod(month: string): { from: Date; to: Date } {
  return { from: dayStart(`${month}-01`), to: dayStart(`${shiftMonth(month, 1)}-01`) };
}

/** The city month before the one `at` falls in: what the month-end job reports on. */
export function monthBefore(at: Date): string {
  return shiftMonth(monthOf(at), -1);
}

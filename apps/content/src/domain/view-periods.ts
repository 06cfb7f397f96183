// The city's days, months and years of statistics are shared by every counting service.
export {
  CITY_UTC_OFFSET_MS,
  MAX_STATS_RANGE_DAYS,
  dayKey,
  dayPeriodId,
  dayStart,
  monthPeriodId,
  periodIdsOf,
  statsRange,
  yearPeriodId,
  type PeriodCover,
  type StatsRange,
} from '@portal/db';

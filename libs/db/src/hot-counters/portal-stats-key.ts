import { badInput } from '@portal/errors';
import { STAT_GRANULARITIES, statBuckets, type StatGranularity } from './stat-periods';

/**
 * `PortalStats` is one entity of the graph that several subgraphs add fields to, keyed by
 * its period: `<from ISO>|<to ISO>|<granularity>`. The subgraph that serves the query field
 * makes the key; every other subgraph reads the period back from it (and checks it, since an
 * `_entities` call can carry any key).
 */
export interface PortalStatsPeriod {
  from: Date;
  to: Date;
  granularity: StatGranularity;
}

/** Checks a period (reversed, too long, too many buckets → BAD_USER_INPUT) and returns its key. */
export function portalStatsKey(period: PortalStatsPeriod): string {
  statBuckets(period.from, period.to, period.granularity);
  return `${period.from.toISOString()}|${period.to.toISOString()}|${period.granularity}`;
}

export function parsePortalStatsKey(id: string): PortalStatsPeriod {
  const [from, to, granularity, ...rest] = String(id).split('|');
  const fromDate = new Date(from ?? '');
  const toDate = new Date(to ?? '');
  if (rest.length || Number.isNaN(fromDate.getTime()) || Number.isNaN(toDate.getTime()))
    throw badInput('id', 'is not a statistics period');
  if (!(STAT_GRANULARITIES as readonly string[]).includes(granularity ?? ''))
    throw badInput('granularity', `must be one of ${STAT_GRANULARITIES.join(', ')}`);
  const period = { from: fromDate, to: toDate, granularity: granularity as StatGranularity };
  portalStatsKey(period);
  return period;
}

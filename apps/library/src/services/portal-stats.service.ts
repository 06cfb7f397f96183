import { requireServiceOrRole, type Viewer } from '@portal/auth';
import type { AudienceCounter, AudienceStats } from '@portal/db';
import { libraryStatsRef, type LibraryStatsRef } from '../stats/library-stats';

/**
 * `PortalStats` in this subgraph, for editors and admins. Every entry point checks the
 * viewer: an `_entities` call reaches the fields without the query field.
 */
export function portalStatsRef(ctx: { viewer: Viewer }, id: string): LibraryStatsRef {
  requireServiceOrRole(ctx.viewer, 'editor');
  return libraryStatsRef(id);
}

/** Library item views over the period, by audience class. */
export function libraryItemsAudience(
  ctx: { viewer: Viewer; audience: AudienceCounter },
  stats: LibraryStatsRef,
): Promise<AudienceStats> {
  requireServiceOrRole(ctx.viewer, 'editor');
  return ctx.audience.stats(stats.from, stats.to, stats.granularity);
}

import {
  createAudienceCounter,
  parsePortalStatsKey,
  type AudienceCounter,
  type CounterConnections,
} from '@portal/db';

/**
 * Library item page views by audience class, on the shared hot counter (flushed with the
 * library's other counters). The items' own view and download counts stay in ItemCounters.
 */
export function libraryAudienceCounter(options: CounterConnections): AudienceCounter {
  return createAudienceCounter({
    ...options,
    name: 'library:audience',
    modelPrefix: 'ItemView',
    collectionPrefix: 'item_view',
    subjectField: 'itemId',
    subjectsField: 'items',
    logger: options.logger.child({ module: 'item-audience' }),
  });
}

/** `PortalStats` in this subgraph: its key and period. */
export type LibraryStatsRef = ReturnType<typeof libraryStatsRef>;

export function libraryStatsRef(id: string) {
  return { id, ...parsePortalStatsKey(id) };
}

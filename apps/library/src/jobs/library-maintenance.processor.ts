import type { HotCounter } from '@portal/db';
import type { Logger } from '@portal/logger';
import { UnrecoverableError, type Processor } from '@portal/queue';
import type { ItemCounters } from '../counters/item-counters';
import type { LibraryModels } from '../models';
import type { FileStorage } from '../storage/file-storage';
import { flushCounters } from './flush-counters';
import { sweepStorage } from './sweep-storage';

export const MAINTENANCE_TASKS = {
  flushCounters: 'flush-counters',
  sweepStorage: 'sweep-storage',
} as const;

/** The library's periodic tasks, run from the `library-maintenance` queue. */
export function libraryMaintenanceProcessor(deps: {
  models: LibraryModels;
  counters: ItemCounters;
  storage: FileStorage;
  logger: Logger;
  /** Item page views by audience class, flushed with the items' counters. */
  audience?: HotCounter;
}): Processor<'library-maintenance'> {
  const logger = deps.logger.child({ module: 'library-maintenance' });
  return async ({ task }) => {
    switch (task) {
      case MAINTENANCE_TASKS.flushCounters: {
        const result = await flushCounters({
          counters: deps.counters,
          stats: deps.models.stats,
          showcaseStats: deps.models.showcaseStats,
          logger,
        });
        await deps.audience?.flush();
        return result;
      }
      case MAINTENANCE_TASKS.sweepStorage:
        return sweepStorage({ storage: deps.storage, blobs: deps.models.blobs, logger });
      default:
        throw new UnrecoverableError(`unknown library maintenance task "${task}"`);
    }
  };
}

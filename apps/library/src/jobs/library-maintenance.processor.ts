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
}): Processor<'library-maintenance'> {
  const logger = deps.logger.child({ module: 'library-maintenance' });
  return async ({ task }) => {
    switch (task) {
      case MAINTENANCE_TASKS.flushCounters:
        return flushCounters({
          counters: deps.counters,
          stats: deps.models.stats,
          showcaseStats: deps.models.showcaseStats,
          logger,
        });
      case MAINTENANCE_TASKS.sweepStorage:
        return sweepStorage({ storage: deps.storage, blobs: deps.models.blobs, logger });
      default:
        throw new UnrecoverableError(`unknown library maintenance task "${task}"`);
    }
  };
}

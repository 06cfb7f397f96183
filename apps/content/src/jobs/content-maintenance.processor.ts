import type { Logger } from '@portal/logger';
import { UnrecoverableError, type Outbox, type Processor } from '@portal/queue';
import type { ArticlePublicationService } from '../services/article-publication.service';
import type { ViewCounter } from '../services/view-counter.service';

export const MAINTENANCE_TASKS = {
  /** Folds pending view counts from Redis into the statistics. */
  flushViews: 'flush-views',
  /** Publishes missed schedules, hands over interrupted webhooks, relays the outbox. */
  reconcile: 'reconcile',
} as const;

/** The periodic tasks of the content service, run by one repeating job each. */
export function createMaintenanceProcessor(deps: {
  views: ViewCounter;
  publication: ArticlePublicationService;
  outbox: Outbox;
  logger: Logger;
}): Processor<'content-maintenance'> {
  const log = deps.logger.child({ module: 'content-maintenance' });
  return async ({ task }) => {
    switch (task) {
      case MAINTENANCE_TASKS.flushViews:
        return deps.views.flush();
      case MAINTENANCE_TASKS.reconcile: {
        const relayed = await deps.outbox.relay();
        const result = await deps.publication.reconcile();
        if (relayed || result.published || result.notified)
          log.info({ relayed, ...result }, 'reconciled');
        return { relayed, ...result };
      }
      default:
        throw new UnrecoverableError(`unknown maintenance task "${task}"`);
    }
  };
}

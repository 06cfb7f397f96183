import type { Logger } from '@portal/logger';
import { UnrecoverableError, type Outbox, type Processor } from '@portal/queue';
import type { ContentModels } from '../models';
import { syncContributionFacts } from '../models/contribution-facts';
import type { ArticlePublicationService } from '../services/article-publication.service';
import type { ViewCounter } from '../services/view-counter.service';

export const MAINTENANCE_TASKS = {
  /** Folds pending view counts from Redis into the statistics. */
  flushViews: 'flush-views',
  /** Publishes missed schedules, hands over interrupted webhooks, relays the outbox. */
  reconcile: 'reconcile',
  /**
   * Builds the contribution facts the first time (the scheduler's first run is at once), then
   * checks them against the revision log and repairs any a failed write left (daily).
   */
  syncContributions: 'sync-contributions',
} as const;

export const SYNC_CONTRIBUTIONS_EVERY_MS = 24 * 3600_000;

/** The periodic tasks of the content service, run by one repeating job each. */
export function createMaintenanceProcessor(deps: {
  views: ViewCounter;
  publication: ArticlePublicationService;
  outbox: Outbox;
  models: Pick<ContentModels, 'articles' | 'revisions'>;
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
      case MAINTENANCE_TASKS.syncContributions:
        return { changed: await syncContributionFacts(deps.models, log) };
      default:
        throw new UnrecoverableError(`unknown maintenance task "${task}"`);
    }
  };
}

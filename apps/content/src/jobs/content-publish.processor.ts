import type { Logger } from '@portal/logger';
import type { Processor } from '@portal/queue';
import type { ArticlePublicationService } from '../services/article-publication.service';

/**
 * Publishes a SCHEDULED article at its time. The article is reloaded by id; a job for an
 * older schedule (rescheduled, unscheduled, already published, deleted) does nothing.
 */
export function createPublishProcessor(
  publication: ArticlePublicationService,
  logger: Logger,
): Processor<'content-publish'> {
  const log = logger.child({ module: 'content-publish' });
  return async ({ articleId, scheduledAt }) => {
    const outcome = await publication.publishScheduled(articleId, new Date(scheduledAt));
    log.info({ articleId, scheduledAt, outcome }, 'scheduled publication handled');
    return outcome;
  };
}

import type { Logger } from '@portal/logger';
import type { ForumEvent, Producer } from '@portal/queue';
import type { ForumModels } from '../models';
import { notifyOfficialAnswer, type NotifyOptions } from '../use-cases/notify-followers';
import { createFeedbackThread, markThreadReferred } from '../use-cases/thread-events';

export interface ForumEventsDeps {
  models: ForumModels;
  notifications: Producer<'notifications'>;
  notify: NotifyOptions;
  logger: Logger;
}

/** Handles one `forum-events` job; every branch is idempotent. */
export function forumEventsProcessor(deps: ForumEventsDeps) {
  return async (event: ForumEvent): Promise<string> => {
    switch (event.type) {
      case 'thread.referred': {
        const result = await markThreadReferred(deps.models, event);
        deps.logger.info({ threadId: event.threadId, result }, 'thread referral applied');
        return result;
      }
      case 'feedback.submitted': {
        const result = await createFeedbackThread(deps.models, event);
        deps.logger.info({ threadId: event.threadId, result }, 'feedback thread');
        return result;
      }
      case 'answer.posted': {
        const batches = await notifyOfficialAnswer(
          deps.models,
          deps.notifications,
          event,
          deps.notify,
        );
        if (batches === null) {
          deps.logger.info({ postId: event.postId }, 'answer no longer visible; nobody notified');
          return 'skipped';
        }
        deps.logger.info({ postId: event.postId, batches }, 'followers notified');
        return `${batches} batches`;
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  };
}

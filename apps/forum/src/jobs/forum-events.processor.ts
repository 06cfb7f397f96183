import type { Logger } from '@portal/logger';
import type { ForumEvent } from '@portal/queue';
import type { AnswerNoticeService } from '../services/answer-notice.service';
import type { ThreadEventsService } from '../services/thread-events.service';

export interface ForumEventsDeps {
  threadEvents: ThreadEventsService;
  answerNotices: AnswerNoticeService;
  logger: Logger;
}

/** Handles one `forum-events` job; every branch is idempotent. */
export function forumEventsProcessor(deps: ForumEventsDeps) {
  return async (event: ForumEvent): Promise<string> => {
    switch (event.type) {
      case 'thread.referred': {
        const result = await deps.threadEvents.markReferred(event);
        deps.logger.info({ threadId: event.threadId, result }, 'thread referral applied');
        return result;
      }
      case 'feedback.submitted': {
        const result = await deps.threadEvents.createFeedbackThread(event);
        deps.logger.info({ threadId: event.threadId, result }, 'feedback thread');
        return result;
      }
      case 'answer.posted': {
        const batches = await deps.answerNotices.notify(event);
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

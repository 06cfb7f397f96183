import {
  WorkerSet,
  type RunningWorkers,
  type WorkersDeps,
  type WorkersQueueConfig,
} from '@portal/queue';
import { forumModels } from '../models';
import { AnswerNoticeService } from '../services/answer-notice.service';
import { FollowService } from '../services/follow.service';
import { ThreadEventsService } from '../services/thread-events.service';
import { forumViewCounter } from '../stats/forum-stats.service';
import { forumEventsProcessor } from './forum-events.processor';
import { MAINTENANCE_TASKS, forumMaintenanceProcessor } from './forum-maintenance.processor';

export interface ForumWorkersConfig extends WorkersQueueConfig {
  /** The portal's web address, for links in notifications. */
  webBaseUrl: string;
  /** Recipients per `notifications` job. */
  notifyBatchSize: number;
}

export type RunningForumWorkers = RunningWorkers;

/**
 * The forum worker: thread events from other services (referrals) and periodic maintenance
 * (vote recounts, duplicate-claim cleanup, the views flush). Owns its Redis connections; the
 * database is the caller's.
 */
export async function startForumWorkers(
  config: ForumWorkersConfig,
  deps: WorkersDeps,
): Promise<RunningForumWorkers> {
  const set = new WorkerSet(config, deps);
  const { logger, now } = set;
  const models = forumModels(set.conn);
  const shared = { models, logger, now };
  const views = forumViewCounter(set.counters()).counter;
  const runMaintenance = forumMaintenanceProcessor({ ...shared, views });
  const threadEvents = new ThreadEventsService({ ...shared, follows: new FollowService(shared) });
  const answerNotices = new AnswerNoticeService({
    models,
    notifications: set.producer('notifications'),
    webBaseUrl: config.webBaseUrl,
    batchSize: config.notifyBatchSize,
  });
  set.worker('forum-events', forumEventsProcessor({ threadEvents, answerNotices, logger }));
  set.worker('forum-maintenance', (payload) => runMaintenance(payload), { concurrency: 1 });
  for (const [task, { everyMs }] of Object.entries(MAINTENANCE_TASKS))
    await set.every('forum-maintenance', `forum-${task}`, everyMs, { task });
  return set.running();
}

import { Types } from 'mongoose';
import { jobId, type Producer } from '@portal/queue';
import { unitByCode } from '@portal/reference-data';
import { bodyExcerpt } from '../domain/body';
import {
  noticeBatches,
  officialAnswerNotificationId,
  threadUrl,
} from '../domain/official-answer-notice';
import type { ForumModels } from '../models';

export interface AnswerNoticeOptions {
  models: ForumModels;
  notifications: Producer<'notifications'>;
  /** The portal's web address, for the link to the thread. */
  webBaseUrl: string;
  /** Recipients per `notifications` job. */
  batchSize: number;
}

/** The worker's side of an official answer: the notice to the thread's followers. */
export class AnswerNoticeService {
  constructor(private readonly o: AnswerNoticeOptions) {}

  /**
   * Fans an official answer out to the thread's followers as `notifications` e-mail jobs,
   * one per batch. Job ids and the notification id are deterministic, so a retry adds
   * nothing twice (and the notifier delivers each (notification, recipient) once).
   * Returns the number of batches, or null when the answer no longer applies.
   */
  async notify(event: { threadId: string; postId: string }): Promise<number | null> {
    const { models, notifications } = this.o;
    const answer = await models.posts.findById(new Types.ObjectId(event.postId)).lean();
    if (!answer || !answer.isOfficialAnswer || answer.visibility !== 'VISIBLE') return null;
    const thread = await models.threads.findById(answer.threadId).lean();
    if (!thread || thread.visibility !== 'VISIBLE') return null;
    // Followers as of the answer, so every run of this job computes the same batches.
    const followers = await models.followers
      .find({ threadId: thread._id, following: true, createdAt: { $lte: answer.createdAt } })
      .lean();
    const profiles = await models.profiles
      .find({ _id: { $in: followers.map((f) => f.userId) } })
      .lean();
    const byId = new Map(profiles.map((p) => [p._id, p]));
    const batches = noticeBatches(
      followers.map((f) => ({
        userId: f.userId,
        email: byId.get(f.userId)?.email ?? null,
        displayName: byId.get(f.userId)?.displayName ?? null,
      })),
      answer.authorId,
      this.o.batchSize,
    );
    const department = answer.department
      ? (unitByCode(answer.department)?.name ?? answer.department)
      : '';
    const postId = answer._id.toHexString();
    for (const [i, recipients] of batches.entries()) {
      await notifications.enqueue(
        {
          kind: 'email',
          notificationId: officialAnswerNotificationId(postId),
          recipients,
          message: {
            template: 'forum.official-answer',
            data: {
              threadId: thread._id.toHexString(),
              threadTitle: thread.title,
              department,
              answerExcerpt: bodyExcerpt(answer.body, 300),
              url: threadUrl(this.o.webBaseUrl, thread._id.toHexString()),
            },
          },
        },
        { jobId: jobId('forum-answer', postId, i) },
      );
    }
    return batches.length;
  }
}

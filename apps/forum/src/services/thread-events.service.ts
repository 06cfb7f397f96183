import { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { ForumEvent } from '@portal/queue';
import { UnrecoverableError } from '@portal/queue';
import { searchTokens } from '@portal/text';
import { cleanLine } from '../domain/body';
import { categoryById } from '../domain/forum-categories';
import { sanitizedBody } from '../domain/thread-input';
import { statusAfterReferral } from '../domain/thread-transitions';
import { newThreadDoc, type ThreadDoc } from '../models';
import type { FollowService } from './follow.service';
import { writeLog } from './moderation-log';
import { upsertProfile } from './profiles';
import type { ForumServiceOptions } from './service-options';
import { recordNewThreadFact, refreshThreadFact } from '../stats/thread-facts';

type Referred = Extract<ForumEvent, { type: 'thread.referred' }>;
type FeedbackSubmitted = Extract<ForumEvent, { type: 'feedback.submitted' }>;

export interface ThreadEventsOptions extends ForumServiceOptions {
  follows: FollowService;
}

/** What other services tell the forum about its threads (the `forum-events` queue). */
export class ThreadEventsService {
  constructor(private readonly o: ThreadEventsOptions) {}

  /**
   * The referral service referred a thread to the hotline: it becomes REFERRED. A repeated
   * event changes nothing; a closed thread stays closed.
   */
  async markReferred(event: Referred): Promise<'referred' | 'unchanged'> {
    const { models } = this.o;
    const now = this.o.now();
    const thread = await models.threads.findById(new Types.ObjectId(event.threadId)).lean();
    if (!thread) throw new UnrecoverableError(`thread ${event.threadId} does not exist`);
    const referral = { referralId: event.referralId, trackingCode: event.trackingCode };
    const next = statusAfterReferral(thread.workflowStatus);
    if (next) {
      await models.threads.updateOne(
        { _id: thread._id, workflowStatus: thread.workflowStatus },
        { $set: { workflowStatus: next, referral, lastActivityAt: now } },
      );
      await refreshThreadFact(models, thread._id);
    } else if (thread.referral?.referralId !== event.referralId) {
      await models.threads.updateOne({ _id: thread._id }, { $set: { referral } });
    }
    await writeLog(models, {
      key: `refer.${event.threadId}.${event.referralId}`,
      action: 'REFER',
      targetId: event.threadId,
      targetKind: 'THREAD',
      actor: null,
      detail: event.trackingCode,
      at: now,
    });
    return next ? 'referred' : 'unchanged';
  }

  /**
   * On-topic feedback becomes a FEEDBACK thread with exactly the id the referral service
   * chose; a repeated delivery finds the id taken and creates nothing.
   */
  async createFeedbackThread(event: FeedbackSubmitted): Promise<'created' | 'exists'> {
    const { models } = this.o;
    const now = this.o.now();
    const _id = new Types.ObjectId(event.threadId);
    const existing = await models.threads.findById(_id, { feedbackId: 1 }).lean();
    if (existing) return checkSameFeedback(existing, event);
    const title = cleanLine(event.title).slice(0, 200);
    const body = sanitizedBody(event.body, bodyFormatOf(event.body), 'body');
    if (!body.ok || title.length === 0)
      throw new UnrecoverableError(`feedback ${event.feedbackId} has no usable title or body`);
    const author = event.author;
    if (author) await upsertProfile(models, { ...author, email: null }, now);
    const doc = newThreadDoc(
      {
        _id,
        title,
        body: body.html,
        kind: 'FEEDBACK',
        categoryId: event.categoryId && categoryById(event.categoryId) ? event.categoryId : null,
        tags: [],
        tagKeys: [],
        authorId: author?.id ?? null,
        searchTokens: searchTokens(title, body.html),
        feedbackId: event.feedbackId,
      },
      now,
    );
    if (!(await insertOnce(models.threads, doc as unknown as Record<string, unknown>))) {
      const raced = await models.threads.findById(_id, { feedbackId: 1 }).lean();
      return checkSameFeedback(raced!, event);
    }
    if (author) await this.o.follows.byDefault(_id, author.id, now);
    await recordNewThreadFact(models, doc);
    return 'created';
  }
}

function checkSameFeedback(
  existing: Pick<ThreadDoc, 'feedbackId'>,
  event: FeedbackSubmitted,
): 'exists' {
  if (existing.feedbackId !== event.feedbackId)
    throw new UnrecoverableError(
      `thread ${event.threadId} already exists for another feedback (${existing.feedbackId ?? 'forum'})`,
    );
  return 'exists';
}

/** Feedback forms send plain text; anything with markup is treated as rich text. */
function bodyFormatOf(body: string): 'HTML' | 'PLAIN' {
  return /<[a-z][^>]*>/i.test(body) ? 'HTML' : 'PLAIN';
}

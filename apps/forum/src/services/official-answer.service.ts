import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { conflict } from '@portal/errors';
import type { RateLimiter } from '@portal/http';
import { jobId, type Outbox } from '@portal/queue';
import { assertCanAnswer, assertOfficer } from '../domain/permissions';
import { postBodyInput, requireBody } from '../domain/thread-input';
import { statusAfterAnswer } from '../domain/thread-transitions';
import type { PostDoc, ThreadDoc } from '../models';
import { refreshThreadFact } from '../stats/thread-facts';
import { loadVisibleThread } from './load-content';
import { recordProfile } from './profiles';
import type { ForumServiceOptions } from './service-options';

export interface OfficialAnswerServiceOptions extends ForumServiceOptions {
  outbox: Outbox;
  /** The officer's rate limit. */
  answerLimit: RateLimiter;
}

/** Official answers: officers answer the threads assigned to their department. */
export class OfficialAnswerService {
  constructor(private readonly o: OfficialAnswerServiceOptions) {}

  /**
   * An officer answers a thread assigned to their department. The thread becomes ANSWERED
   * and, through the outbox, its followers are notified (even if Redis is down right now).
   * A later answer supersedes an earlier one.
   */
  async post(
    viewer: Viewer,
    threadId: string,
    raw: unknown,
  ): Promise<{ thread: ThreadDoc; answer: PostDoc }> {
    const { models, logger } = this.o;
    assertOfficer(viewer);
    const written = parseArgs(postBodyInput, raw);
    const now = this.o.now();
    const thread = await loadVisibleThread(models, viewer, threadId, 'threadId');
    assertCanAnswer(viewer, thread);
    if (thread.visibility !== 'VISIBLE') throw conflict('The thread is hidden pending review');
    const status = statusAfterAnswer(thread.workflowStatus);
    const html = requireBody(written.body, written.bodyFormat, 'body');
    await this.o.answerLimit.consume(viewer.id);
    await recordProfile(models, viewer, now);
    const answer: PostDoc = {
      _id: new Types.ObjectId(),
      threadId: thread._id,
      authorId: viewer.id,
      body: html,
      isOfficialAnswer: true,
      department: viewer.department,
      visibility: 'VISIBLE',
      version: 1,
      createdAt: now,
      editedAt: null,
    };
    await models.posts.create(answer);
    await models.threads.updateOne(
      { _id: thread._id },
      { $set: { workflowStatus: status, lastActivityAt: now } },
    );
    await refreshThreadFact(models, thread._id, logger);
    const postId = answer._id.toHexString();
    await this.o.outbox.add(
      'forum-events',
      { type: 'answer.posted', threadId, postId },
      { jobId: jobId('answer-posted', postId) },
    );
    logger.info({ threadId, postId, department: viewer.department }, 'official answer posted');
    return { thread: { ...thread, workflowStatus: status, lastActivityAt: now }, answer };
  }
}

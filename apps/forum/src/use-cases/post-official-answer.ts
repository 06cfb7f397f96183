import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { conflict } from '@portal/errors';
import { jobId } from '@portal/queue';
import { assertCanAnswer, assertOfficer } from '../domain/permissions';
import { postBodyInput, requireBody } from '../domain/thread-input';
import { statusAfterAnswer } from '../domain/thread-transitions';
import type { PostDoc, ThreadDoc } from '../models';
import type { ForumDeps } from './deps';
import { loadVisibleThread } from './load-content';
import { recordProfile } from './profiles';
import { refreshThreadFact } from '../stats/thread-facts';

/**
 * An officer answers a thread assigned to their department. The thread becomes ANSWERED
 * and, through the outbox, its followers are notified (even if Redis is down right now).
 * A later answer supersedes an earlier one.
 */
export async function postOfficialAnswer(
  deps: ForumDeps,
  viewer: Viewer,
  threadId: string,
  raw: unknown,
  now = new Date(),
): Promise<{ thread: ThreadDoc; answer: PostDoc }> {
  const { models } = deps;
  assertOfficer(viewer);
  const written = parseArgs(postBodyInput, raw);
  const thread = await loadVisibleThread(models, viewer, threadId, 'threadId');
  assertCanAnswer(viewer, thread);
  if (thread.visibility !== 'VISIBLE') throw conflict('The thread is hidden pending review');
  const status = statusAfterAnswer(thread.workflowStatus);
  const html = requireBody(written.body, written.bodyFormat, 'body');
  await deps.limiters.answers.consume(viewer.id);
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
  await refreshThreadFact(models, thread._id, deps.logger);
  const postId = answer._id.toHexString();
  await deps.outbox.add(
    'forum-events',
    { type: 'answer.posted', threadId, postId },
    { jobId: jobId('answer-posted', postId) },
  );
  deps.logger.info({ threadId, postId, department: viewer.department }, 'official answer posted');
  return { thread: { ...thread, workflowStatus: status, lastActivityAt: now }, answer };
}

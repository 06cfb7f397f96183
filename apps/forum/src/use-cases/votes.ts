import type { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { assertParticipant } from '../domain/permissions';
import { conflict } from '@portal/errors';
import { insertOnce } from '@portal/db';
import type { ForumModels, ThreadDoc } from '../models';
import type { ForumDeps } from './deps';
import { loadVisibleThread } from './load-content';

/** One vote per person: a unique (thread, person) document, so repeats change nothing. */
export async function voteThread(
  deps: ForumDeps,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<ThreadDoc> {
  assertParticipant(viewer);
  const thread = await loadVisibleThread(deps.models, viewer, id);
  if (thread.visibility !== 'VISIBLE') throw conflict('The thread is hidden pending review');
  await deps.limiters.votes.consume(viewer.id);
  const inserted = await insertOnce(deps.models.votes, {
    threadId: thread._id,
    userId: viewer.id,
    createdAt: now,
  });
  if (inserted) await recountVotes(deps.models, thread._id, now);
  return thread;
}

/** Removes the viewer's vote, if there is one. */
export async function unvoteThread(
  deps: ForumDeps,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<ThreadDoc> {
  assertParticipant(viewer);
  const thread = await loadVisibleThread(deps.models, viewer, id);
  await deps.limiters.votes.consume(viewer.id);
  const { deletedCount } = await deps.models.votes.deleteOne({
    threadId: thread._id,
    userId: viewer.id,
  });
  if (deletedCount) await recountVotes(deps.models, thread._id, now);
  return thread;
}

/**
 * Refreshes a thread's vote-count sort key by counting its votes. Racing recounts can
 * leave it briefly behind; `lastVoteAt` lets the periodic reconciliation fix it. Shown
 * counts are always counted afresh, so they are exact.
 */
export async function recountVotes(
  models: ForumModels,
  threadId: Types.ObjectId,
  now: Date,
): Promise<number> {
  const count = await models.votes.countDocuments({ threadId });
  await models.threads.updateOne(
    { _id: threadId },
    { $set: { voteCount: count, lastVoteAt: now } },
  );
  return count;
}

/** Recounts every thread voted on since `since` (the periodic reconciliation). */
export async function reconcileVoteCounts(models: ForumModels, since: Date): Promise<number> {
  const recent = await models.threads
    .find({ lastVoteAt: { $gte: since } }, { _id: 1, voteCount: 1 })
    .lean();
  let fixed = 0;
  for (const t of recent) {
    const count = await models.votes.countDocuments({ threadId: t._id });
    if (count !== t.voteCount) {
      await models.threads.updateOne({ _id: t._id }, { $set: { voteCount: count } });
      fixed++;
    }
  }
  return fixed;
}

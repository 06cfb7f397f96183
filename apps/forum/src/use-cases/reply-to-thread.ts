import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { conflict } from '@portal/errors';
import { contentFingerprint } from '../domain/body';
import { assertParticipant } from '../domain/permissions';
import { postBodyInput, requireBody } from '../domain/thread-input';
import { assertOpenForReplies } from '../domain/thread-transitions';
import type { PostDoc } from '../models';
import { admitWriting } from './admit-writing';
import type { ForumDeps } from './deps';
import { followByDefault } from './follow';
import { loadVisibleThread } from './load-content';

/** A signed-in person replies to a visible, open thread, and follows it. */
export async function replyToThread(
  deps: ForumDeps,
  viewer: Viewer,
  threadId: string,
  raw: unknown,
  now = new Date(),
): Promise<PostDoc> {
  assertParticipant(viewer);
  const written = parseArgs(postBodyInput, raw);
  const { models } = deps;
  const html = requireBody(written.body, written.bodyFormat, 'body');
  const thread = await loadVisibleThread(models, viewer, threadId, 'threadId');
  if (thread.visibility !== 'VISIBLE') throw conflict('The thread is hidden pending review');
  assertOpenForReplies(thread.workflowStatus);
  const post: PostDoc = {
    _id: new Types.ObjectId(),
    threadId: thread._id,
    authorId: viewer.id,
    body: html,
    isOfficialAnswer: false,
    department: null,
    visibility: 'VISIBLE',
    version: 1,
    createdAt: now,
    editedAt: null,
  };
  await admitWriting(
    deps,
    viewer,
    {
      limit: 'replies',
      html,
      field: 'body',
      fingerprint: `${viewer.id}.${threadId}.${contentFingerprint(html)}`,
    },
    now,
    () => models.posts.create(post),
  );
  // A plain $set of a time: concurrent replies may land in any order, each time is recent.
  await models.threads.updateOne(
    { _id: thread._id, lastActivityAt: { $lt: now } },
    { $set: { lastActivityAt: now } },
  );
  await followByDefault(models, thread._id, viewer.id, now);
  return post;
}

import type { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { Viewer } from '@portal/auth';
import { assertParticipant } from '../domain/permissions';
import type { ForumModels, ThreadDoc } from '../models';
import type { ForumDeps } from './deps';
import { loadVisibleThread } from './load-content';

/** Authors and repliers follow a thread by default; an explicit unfollow is kept. */
export async function followByDefault(
  models: ForumModels,
  threadId: Types.ObjectId,
  userId: string,
  now: Date,
): Promise<void> {
  await insertOnce(models.followers, { threadId, userId, following: true, createdAt: now });
}

/** Sets whether a person follows a thread (follow/unfollow mutations). */
export async function setFollowing(
  models: ForumModels,
  threadId: Types.ObjectId,
  userId: string,
  following: boolean,
  now: Date,
): Promise<void> {
  if (await insertOnce(models.followers, { threadId, userId, following, createdAt: now })) return;
  await models.followers.updateOne({ threadId, userId }, { $set: { following } });
}

/** The viewer follows (or stops following) a thread they can see. */
export async function followThread(
  deps: ForumDeps,
  viewer: Viewer,
  id: string,
  following: boolean,
  now = new Date(),
): Promise<ThreadDoc> {
  assertParticipant(viewer);
  const thread = await loadVisibleThread(deps.models, viewer, id);
  await setFollowing(deps.models, thread._id, viewer.id, following, now);
  return thread;
}

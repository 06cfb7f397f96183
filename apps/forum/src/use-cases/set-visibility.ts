import { Types } from 'mongoose';
import type { TargetKind, Visibility } from '../domain/forum-types';
import type { ForumModels } from '../models';

/** Sets a thread's or post's visibility, optionally only from `onlyFrom`; true if it changed. */
export async function setVisibility(
  models: ForumModels,
  kind: TargetKind,
  targetId: string,
  visibility: Visibility,
  onlyFrom?: Visibility,
): Promise<boolean> {
  const filter = {
    _id: new Types.ObjectId(targetId),
    ...(onlyFrom ? { visibility: onlyFrom } : {}),
  };
  const update = { $set: { visibility } };
  const result =
    kind === 'THREAD'
      ? await models.threads.updateOne(filter, update)
      : await models.posts.updateOne(filter, update);
  return result.modifiedCount > 0;
}

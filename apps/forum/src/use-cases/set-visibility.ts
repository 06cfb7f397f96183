import { Types } from 'mongoose';
import type { TargetKind, Visibility } from '../domain/forum-types';
import type { ForumModels } from '../models';
import { refreshThreadFact } from '../stats/thread-facts';

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
  if (kind === 'POST') return (await models.posts.updateOne(filter, update)).modifiedCount > 0;
  const changed = (await models.threads.updateOne(filter, update)).modifiedCount > 0;
  // A removed thread leaves the participation figures; a restored one comes back.
  if (changed) await refreshThreadFact(models, targetId);
  return changed;
}

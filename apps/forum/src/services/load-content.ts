import type { Viewer } from '@portal/auth';
import { notFound } from '@portal/errors';
import { parseId } from '../domain/ids';
import { canSeeContent, canSeePost } from '../domain/visibility';
import type { ForumModels, PostDoc, ThreadDoc } from '../models';

/** A thread by id whatever its visibility (for moderators), or NOT_FOUND. */
export async function loadThread(models: ForumModels, id: string): Promise<ThreadDoc> {
  const thread = await models.threads.findById(parseId(id, 'id')).lean();
  if (!thread) throw notFound('Thread');
  return thread;
}

/** A thread the viewer may see, or NOT_FOUND (hidden content is indistinguishable from none). */
export async function loadVisibleThread(
  models: ForumModels,
  viewer: Viewer,
  id: string,
  field = 'id',
): Promise<ThreadDoc> {
  const thread = await models.threads.findById(parseId(id, field)).lean();
  if (!thread || !canSeeContent(viewer, thread)) throw notFound('Thread');
  return thread;
}

export type Target =
  { kind: 'THREAD'; thread: ThreadDoc } | { kind: 'POST'; post: PostDoc; thread: ThreadDoc };

/** A thread or post by id, whichever it is, or null. */
export async function loadTarget(models: ForumModels, id: string): Promise<Target | null> {
  const _id = parseId(id, 'targetId');
  const [thread, post] = await Promise.all([
    models.threads.findById(_id).lean(),
    models.posts.findById(_id).lean(),
  ]);
  if (thread) return { kind: 'THREAD', thread };
  if (post) {
    const parent = await models.threads.findById(post.threadId).lean();
    if (parent) return { kind: 'POST', post, thread: parent };
  }
  return null;
}

/** A target the viewer may see, or NOT_FOUND. */
export async function loadVisibleTarget(
  models: ForumModels,
  viewer: Viewer,
  id: string,
): Promise<Target> {
  const target = await loadTarget(models, id);
  if (!target) throw notFound('Content');
  const visible =
    target.kind === 'THREAD'
      ? canSeeContent(viewer, target.thread)
      : canSeePost(viewer, target.post, target.thread);
  if (!visible) throw notFound('Content');
  return target;
}

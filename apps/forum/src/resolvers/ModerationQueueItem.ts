import { plainText } from '@portal/text';
import type { ModerationQueueItemResolvers } from '../__generated__/resolvers-types';
import { bodyExcerpt } from '../domain/body';
import type { FlagReason } from '../domain/forum-types';

export const ModerationQueueItem: ModerationQueueItemResolvers = {
  targetId: (i) => i._id,
  excerpt: async (i, _, ctx) => {
    if (i.targetKind === 'THREAD') {
      const t = await ctx.loaders.thread.load(i._id);
      return t ? `${plainText(t.title)} — ${bodyExcerpt(t.body, 160)}` : '';
    }
    const p = await ctx.loaders.post.load(i._id);
    return p ? bodyExcerpt(p.body, 200) : '';
  },
  flagCount: async (i, _, ctx) => (await ctx.loaders.openFlags.load(i._id)).length,
  reasons: async (i, _, ctx) => [
    ...new Set<FlagReason>((await ctx.loaders.openFlags.load(i._id)).map((f) => f.reason)),
  ],
  notes: async (i, _, ctx) =>
    (await ctx.loaders.openFlags.load(i._id)).flatMap((f) => (f.note ? [f.note] : [])),
  status: async (i, _, ctx) => {
    const target =
      i.targetKind === 'THREAD'
        ? await ctx.loaders.thread.load(i._id)
        : await ctx.loaders.post.load(i._id);
    return target?.visibility ?? 'REMOVED';
  },
  createdAt: (i) => i.queuedAt,
  thread: (i, _, ctx) => ctx.loaders.thread.load(i.threadId),
  post: (i, _, ctx) => (i.targetKind === 'POST' ? ctx.loaders.post.load(i._id) : null),
};

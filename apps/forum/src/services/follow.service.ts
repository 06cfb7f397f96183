import type { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { Viewer } from '@portal/auth';
import { assertParticipant } from '../domain/permissions';
import type { ThreadDoc } from '../models';
import { loadVisibleThread } from './load-content';
import type { ForumServiceOptions } from './service-options';

/** Who follows a thread: its author and repliers by default, and whoever chooses to. */
export class FollowService {
  constructor(private readonly o: ForumServiceOptions) {}

  /** The viewer follows (or stops following) a thread they can see. */
  async follow(viewer: Viewer, id: string, following: boolean): Promise<ThreadDoc> {
    assertParticipant(viewer);
    const { models } = this.o;
    const thread = await loadVisibleThread(models, viewer, id);
    const mark = { threadId: thread._id, userId: viewer.id };
    if (!(await insertOnce(models.followers, { ...mark, following, createdAt: this.o.now() })))
      await models.followers.updateOne(mark, { $set: { following } });
    return thread;
  }

  /** Authors and repliers follow a thread by default; an explicit unfollow is kept. */
  async byDefault(threadId: Types.ObjectId, userId: string, now: Date): Promise<void> {
    await insertOnce(this.o.models.followers, {
      threadId,
      userId,
      following: true,
      createdAt: now,
    });
  }
}

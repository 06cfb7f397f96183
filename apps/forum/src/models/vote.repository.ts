import type { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { ForumModels } from './index';

/**
 * One vote per person and thread (a unique (thread, person) document, so repeats change
 * nothing), and the thread's vote-count sort key kept from the votes.
 */
export class VoteRepository {
  constructor(private readonly models: Pick<ForumModels, 'votes' | 'threads'>) {}

  /** Adds the person's vote; false when they had voted already. */
  add(threadId: Types.ObjectId, userId: string, now: Date): Promise<boolean> {
    return insertOnce(this.models.votes, { threadId, userId, createdAt: now });
  }

  /** Removes the person's vote; false when there was none. */
  async remove(threadId: Types.ObjectId, userId: string): Promise<boolean> {
    const { deletedCount } = await this.models.votes.deleteOne({ threadId, userId });
    return deletedCount > 0;
  }

  /**
   * Refreshes a thread's vote-count sort key by counting its votes. Racing recounts can
   * leave it briefly behind; `lastVoteAt` lets the periodic reconciliation fix it. Shown
   * counts are always counted afresh, so they are exact.
   */
  async recount(threadId: Types.ObjectId, now: Date): Promise<number> {
    const count = await this.models.votes.countDocuments({ threadId });
    await this.models.threads.updateOne(
      { _id: threadId },
      { $set: { voteCount: count, lastVoteAt: now } },
    );
    return count;
  }

  /** Recounts every thread voted on since `since` (the periodic reconciliation); how many were off. */
  async reconcileSince(since: Date): Promise<number> {
    const recent = await this.models.threads
      .find({ lastVoteAt: { $gte: since } }, { _id: 1, voteCount: 1 })
      .lean();
    let fixed = 0;
    for (const t of recent) {
      const count = await this.models.votes.countDocuments({ threadId: t._id });
      if (count !== t.voteCount) {
        await this.models.threads.updateOne({ _id: t._id }, { $set: { voteCount: count } });
        fixed++;
      }
    }
    return fixed;
  }
}

import type { Viewer } from '@portal/auth';
import type { RateLimiter } from '@portal/http';
import { conflict } from '@portal/errors';
import { assertParticipant } from '../domain/permissions';
import type { ThreadDoc } from '../models';
import type { VoteRepository } from '../models/vote.repository';
import { loadVisibleThread } from './load-content';
import type { ForumServiceOptions } from './service-options';

export interface VoteServiceOptions extends ForumServiceOptions {
  votes: VoteRepository;
  /** The voter's rate limit (votes and unvotes alike). */
  limit: RateLimiter;
}

/** Votes on threads: one per person; each change refreshes the thread's sort key. */
export class VoteService {
  constructor(private readonly o: VoteServiceOptions) {}

  /** The viewer votes for a visible thread (again: nothing changes). */
  async vote(viewer: Viewer, id: string): Promise<ThreadDoc> {
    assertParticipant(viewer);
    const thread = await loadVisibleThread(this.o.models, viewer, id);
    if (thread.visibility !== 'VISIBLE') throw conflict('The thread is hidden pending review');
    await this.o.limit.consume(viewer.id);
    const now = this.o.now();
    if (await this.o.votes.add(thread._id, viewer.id, now))
      await this.o.votes.recount(thread._id, now);
    return thread;
  }

  /** Removes the viewer's vote, if there is one. */
  async unvote(viewer: Viewer, id: string): Promise<ThreadDoc> {
    assertParticipant(viewer);
    const thread = await loadVisibleThread(this.o.models, viewer, id);
    await this.o.limit.consume(viewer.id);
    if (await this.o.votes.remove(thread._id, viewer.id))
      await this.o.votes.recount(thread._id, this.o.now());
    return thread;
  }
}

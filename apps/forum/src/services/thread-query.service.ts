import type { Viewer } from '@portal/auth';
import { emptyPage, paginate, pageSize, type Page } from '@portal/db';
import { threadListQuery, type ThreadListFilter } from '../domain/thread-query';
import { canSeeContent, isModerator } from '../domain/visibility';
import type { ForumModels, PostDoc, ThreadDoc } from '../models';
import { subjectOf, type PublicIds } from './profiles';

/** Reading the forum: lists of threads and a thread's replies, as the viewer may see them. */
export class ThreadQueryService {
  constructor(private readonly o: { models: ForumModels; publicIds: PublicIds }) {}

  /** A page of threads the viewer may list, in the requested order. */
  async list(
    viewer: Viewer,
    filter: ThreadListFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<ThreadDoc>> {
    const { models, publicIds } = this.o;
    // `authorId` is a public user id (User.id); threads are stored by the subject behind it.
    if (filter.authorId) {
      const subject = await subjectOf(models, publicIds, filter.authorId);
      if (!subject) return emptyPage();
      filter = { ...filter, authorId: subject };
    }
    pageSize(first);
    const query = threadListQuery(filter, viewer);
    if (query.empty) return emptyPage();
    return paginate(models.threads, { filter: query.filter, sort: query.sort, first, after });
  }

  /**
   * A thread's replies oldest first (the official answer is shown apart), none when the viewer
   * may not see the thread. Hidden replies are listed for moderators, and for their own
   * authors; removed ones for moderators only.
   */
  replies(
    viewer: Viewer,
    thread: ThreadDoc,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<PostDoc>> {
    if (!canSeeContent(viewer, thread)) return Promise.resolve(emptyPage());
    const filter: Record<string, unknown> = { threadId: thread._id, isOfficialAnswer: false };
    if (!isModerator(viewer)) {
      filter.$or = viewer.id
        ? [{ visibility: 'VISIBLE' }, { visibility: 'HIDDEN', authorId: viewer.id }]
        : [{ visibility: 'VISIBLE' }];
    }
    return paginate(this.o.models.posts, {
      filter,
      sort: [
        ['createdAt', 1],
        ['_id', 1],
      ],
      first,
      after,
    });
  }
}

import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { parseArgs } from '@portal/graphql-kit';
import { conflict } from '@portal/errors';
import { contentFingerprint } from '../domain/body';
import { assertParticipant } from '../domain/permissions';
import { postBodyInput, requireBody } from '../domain/thread-input';
import { assertOpenForReplies } from '../domain/thread-transitions';
import type { PostDoc } from '../models';
import type { ContentWriting } from './content-writing';
import type { FollowService } from './follow.service';
import { loadVisibleThread } from './load-content';
import type { ForumServiceOptions } from './service-options';

export interface PostServiceOptions extends ForumServiceOptions {
  writing: ContentWriting;
  follows: FollowService;
}

/** Replies: people reply to open threads and edit what they wrote. */
export class PostService {
  constructor(private readonly o: PostServiceOptions) {}

  /** A signed-in person replies to a visible, open thread, and follows it. */
  async reply(viewer: Viewer, threadId: string, raw: unknown): Promise<PostDoc> {
    assertParticipant(viewer);
    const written = parseArgs(postBodyInput, raw);
    const { models } = this.o;
    const now = this.o.now();
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
    const fingerprint = `${viewer.id}.${threadId}.${contentFingerprint(html)}`;
    await this.o.writing.admit(
      viewer,
      { limit: 'replies', html, field: 'body', fingerprint },
      now,
      () => models.posts.create(post),
    );
    // A plain $set of a time: concurrent replies may land in any order, each time is recent.
    await models.threads.updateOne(
      { _id: thread._id, lastActivityAt: { $lt: now } },
      { $set: { lastActivityAt: now } },
    );
    await this.o.follows.byDefault(thread._id, viewer.id, now);
    return post;
  }

  /** The author edits their post (a reply or an official answer) within the edit window. */
  async edit(viewer: Viewer, id: string, raw: unknown): Promise<PostDoc> {
    assertParticipant(viewer);
    const written = parseArgs(postBodyInput, raw);
    const { writing } = this.o;
    const now = this.o.now();
    const post = await writing.editable(viewer, 'Post', id, now);
    const html = requireBody(written.body, written.bodyFormat, 'body');
    if (!post.isOfficialAnswer)
      await writing.assertEditedLinks(viewer, { html, field: 'body' }, now);
    return writing.commitEdit(viewer, post, { body: html }, now);
  }
}

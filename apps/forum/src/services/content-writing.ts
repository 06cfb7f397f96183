import type { Viewer } from '@portal/auth';
import { insertOnce } from '@portal/db';
import { conflict, notFound } from '@portal/errors';
import type { RateLimiter } from '@portal/http';
import { assertLinkLimit, isNewAccount } from '../domain/anti-abuse';
import type { ForumRules, LimitName } from '../domain/forum-rules';
import { parseId } from '../domain/ids';
import { assertCanEdit, isStaff } from '../domain/permissions';
import { canSeeContent } from '../domain/visibility';
import type { ForumModels, PostDoc, ThreadDoc } from '../models';
import type { FingerprintRepository } from '../models/fingerprint.repository';
import { recordProfile } from './profiles';

/** A new thread or reply, as the abuse checks see it. */
export interface NewWriting {
  /** The author's rate limit it counts against. */
  limit: Extract<LimitName, 'threads' | 'replies'>;
  /** The sanitized body, and the input field it came from (for the link-limit error). */
  html: string;
  field: string;
  /** "This author said these words in this scope", claimed for the duplicate window. */
  fingerprint: string;
}

export interface ContentWritingOptions {
  models: ForumModels;
  rules: ForumRules;
  limiters: Record<LimitName, RateLimiter>;
  fingerprints: FingerprintRepository;
}

/**
 * The steps every thread and post goes through as it is written or edited, whoever writes
 * it: the abuse checks of new writing, and the edit window and kept revisions of edits.
 */
export class ContentWriting {
  constructor(private readonly o: ContentWritingOptions) {}

  /**
   * Admits a new thread or reply after its own checks: the author's rate limit, then their
   * profile and the link limit of new accounts (staff are exempt), then the duplicate claim.
   * `write` runs under the claim; a failed write releases it, so a retry is not a duplicate.
   */
  async admit<T>(
    author: Viewer & { id: string },
    writing: NewWriting,
    now: Date,
    write: () => Promise<T>,
  ): Promise<T> {
    const { rules, fingerprints } = this.o;
    await this.o.limiters[writing.limit].consume(author.id);
    const profile = await recordProfile(this.o.models, author, now);
    this.assertLinks(author, writing, profile.firstSeenAt, now);
    await fingerprints.claim(writing.fingerprint, now, rules.duplicateWindowHours);
    try {
      return await write();
    } catch (err) {
      await fingerprints.release(writing.fingerprint);
      throw err;
    }
  }

  /**
   * The thread or post `id` if the viewer may edit it: content they can see (NOT_FOUND
   * otherwise, as for none), their own, within the edit window, and not hidden.
   */
  async editable(viewer: Viewer, what: 'Thread', id: string, now: Date): Promise<ThreadDoc>;
  async editable(viewer: Viewer, what: 'Post', id: string, now: Date): Promise<PostDoc>;
  async editable(
    viewer: Viewer,
    what: 'Thread' | 'Post',
    id: string,
    now: Date,
  ): Promise<ThreadDoc | PostDoc> {
    const { models } = this.o;
    const _id = parseId(id, 'id');
    const content =
      what === 'Thread'
        ? await models.threads.findById(_id).lean()
        : await models.posts.findById(_id).lean();
    if (!content || !canSeeContent(viewer, content)) throw notFound(what);
    assertCanEdit(viewer, content, now, this.o.rules.editWindowMinutes);
    if (content.visibility !== 'VISIBLE') throw conflict('Hidden content cannot be edited');
    return content;
  }

  /** The link limit of new accounts for an edited body (the profile is not recorded again). */
  async assertEditedLinks(
    editor: Viewer & { id: string },
    body: Pick<NewWriting, 'html' | 'field'>,
    now: Date,
  ): Promise<void> {
    if (isStaff(editor)) return;
    const profile = await this.o.models.profiles.findById(editor.id).lean();
    this.assertLinks(editor, body, profile?.firstSeenAt ?? null, now);
  }

  /**
   * Applies an edit of `content` (the version read) after the editor's rate limit. The edit
   * claims the version it replaces by keeping its words as a revision: of two racing edits
   * only the one whose claim succeeds applies, and nothing said is lost.
   */
  async commitEdit<T extends ThreadDoc | PostDoc>(
    editor: { id: string },
    content: T,
    changes: Partial<T>,
    now: Date,
  ): Promise<T> {
    const { models } = this.o;
    await this.o.limiters.edits.consume(editor.id);
    const thread = 'title' in content ? (content as ThreadDoc) : null;
    const kept = await insertOnce(models.revisions, {
      targetId: content._id.toHexString(),
      targetKind: thread ? 'THREAD' : 'POST',
      version: content.version,
      title: thread?.title ?? null,
      body: content.body,
      tags: thread?.tags ?? [],
      replacedAt: now,
    });
    if (!kept) throw conflict('The content was edited at the same time; reload and try again');
    const set = { ...changes, editedAt: now, version: content.version + 1 };
    const current = { _id: content._id, version: content.version };
    if (thread) await models.threads.updateOne(current, { $set: set });
    else await models.posts.updateOne(current, { $set: set });
    return { ...content, ...set };
  }

  private assertLinks(
    author: Viewer,
    body: Pick<NewWriting, 'html' | 'field'>,
    firstSeenAt: Date | null,
    now: Date,
  ): void {
    if (isStaff(author)) return;
    const { rules } = this.o;
    const newAccount = isNewAccount(firstSeenAt, now, rules.newAccountDays);
    assertLinkLimit(body.html, body.field, newAccount, rules);
  }
}

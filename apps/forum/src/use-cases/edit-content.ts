import type { Viewer } from '@portal/auth';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import { conflict, notFound } from '@portal/errors';
import { insertOnce } from '@portal/db';
import { searchTokens } from '@portal/text';
import { assertLinkLimit, isNewAccount } from '../domain/anti-abuse';
import { parseId } from '../domain/ids';
import { assertCanEdit, assertParticipant, isStaff } from '../domain/permissions';
import { editThreadInput, postBodyInput, requireBody, tagKeys } from '../domain/thread-input';
import { canSeeContent } from '../domain/visibility';
import type { ForumModels, PostDoc, ThreadDoc } from '../models';
import type { ForumDeps } from './deps';

/**
 * Claims the edit of `version` by keeping that version's words as a revision: of two
 * racing edits only the one whose claim succeeds applies, and nothing said is lost.
 */
async function claimRevision(
  models: ForumModels,
  revision: {
    targetId: string;
    targetKind: 'THREAD' | 'POST';
    version: number;
    title: string | null;
    body: string;
    tags: string[];
  },
  now: Date,
): Promise<void> {
  if (!(await insertOnce(models.revisions, { ...revision, replacedAt: now })))
    throw conflict('The content was edited at the same time; reload and try again');
}

/**
 * What an edit may change: content the viewer can see (NOT_FOUND otherwise, as for none), their
 * own, within the edit window, and not hidden.
 */
function assertEditable<T extends ThreadDoc | PostDoc>(
  deps: ForumDeps,
  viewer: Viewer,
  content: T | null,
  what: 'Thread' | 'Post',
  now: Date,
): asserts content is T {
  if (!content || !canSeeContent(viewer, content)) throw notFound(what);
  assertCanEdit(viewer, content, now, deps.rules.editWindowMinutes);
  if (content.visibility !== 'VISIBLE') throw conflict('Hidden content cannot be edited');
}

async function assertLinks(
  deps: ForumDeps,
  viewer: Viewer & { id: string },
  html: string,
  field: string,
  now: Date,
): Promise<void> {
  if (isStaff(viewer)) return;
  const profile = await deps.models.profiles.findById(viewer.id).lean();
  assertLinkLimit(
    html,
    field,
    isNewAccount(profile?.firstSeenAt ?? null, now, deps.rules.newAccountDays),
    deps.rules,
  );
}

/** The author edits their thread's title, body or tags within the edit window. */
export async function editThread(
  deps: ForumDeps,
  viewer: Viewer,
  id: string,
  raw: unknown,
  now = new Date(),
): Promise<ThreadDoc> {
  assertParticipant(viewer);
  const input = parseInput(editThreadInput, raw);
  const { models } = deps;
  const thread = await models.threads.findById(parseId(id, 'id')).lean();
  assertEditable(deps, viewer, thread, 'Thread', now);
  let body = thread.body;
  if (input.body != null) {
    body = requireBody(input.body, input.bodyFormat, 'input.body');
    await assertLinks(deps, viewer, body, 'input.body', now);
  }
  await deps.limiters.edits.consume(viewer.id);
  const title = input.title ?? thread.title;
  const tags = input.tags ?? thread.tags;
  await claimRevision(
    models,
    {
      targetId: id,
      targetKind: 'THREAD',
      version: thread.version,
      title: thread.title,
      body: thread.body,
      tags: thread.tags,
    },
    now,
  );
  const changes = {
    title,
    body,
    tags,
    tagKeys: tagKeys(tags),
    searchTokens: searchTokens(title, body, tags.join(' ')),
    editedAt: now,
    version: thread.version + 1,
  };
  await models.threads.updateOne({ _id: thread._id, version: thread.version }, { $set: changes });
  return { ...thread, ...changes };
}

/** The author edits their post within the edit window. */
export async function editPost(
  deps: ForumDeps,
  viewer: Viewer,
  id: string,
  raw: unknown,
  now = new Date(),
): Promise<PostDoc> {
  assertParticipant(viewer);
  const written = parseArgs(postBodyInput, raw);
  const { models } = deps;
  const post = await models.posts.findById(parseId(id, 'id')).lean();
  assertEditable(deps, viewer, post, 'Post', now);
  const html = requireBody(written.body, written.bodyFormat, 'body');
  if (!post.isOfficialAnswer) await assertLinks(deps, viewer, html, 'body', now);
  await deps.limiters.edits.consume(viewer.id);
  await claimRevision(
    models,
    {
      targetId: id,
      targetKind: 'POST',
      version: post.version,
      title: null,
      body: post.body,
      tags: [],
    },
    now,
  );
  const changes = { body: html, editedAt: now, version: post.version + 1 };
  await models.posts.updateOne({ _id: post._id, version: post.version }, { $set: changes });
  return { ...post, ...changes };
}

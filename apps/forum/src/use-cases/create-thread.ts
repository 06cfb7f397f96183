import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { parseInput } from '@portal/graphql-kit';
import { searchTokens } from '@portal/text';
import { contentFingerprint } from '../domain/body';
import { assertParticipant } from '../domain/permissions';
import { createThreadInput, requireBody, tagKeys } from '../domain/thread-input';
import { newThreadDoc, type ThreadDoc } from '../models';
import { admitWriting } from './admit-writing';
import type { ForumDeps } from './deps';
import { followByDefault } from './follow';
import { recordNewThreadFact } from '../stats/thread-facts';

/** A signed-in person starts a thread: sanitized, rate-limited, de-duplicated, followed. */
export async function createThread(
  deps: ForumDeps,
  viewer: Viewer,
  raw: unknown,
  now = new Date(),
): Promise<ThreadDoc> {
  assertParticipant(viewer);
  const input = parseInput(createThreadInput, raw);
  const { models } = deps;
  const html = requireBody(input.body, input.bodyFormat, 'input.body');
  const tags = input.tags ?? [];
  const doc = newThreadDoc(
    {
      _id: new Types.ObjectId(),
      title: input.title,
      body: html,
      kind: input.kind,
      categoryId: input.categoryId ?? null,
      tags,
      tagKeys: tagKeys(tags),
      authorId: viewer.id,
      searchTokens: searchTokens(input.title, html, tags.join(' ')),
      feedbackId: null,
    },
    now,
  );
  await admitWriting(
    deps,
    viewer,
    {
      limit: 'threads',
      html,
      field: 'input.body',
      fingerprint: `${viewer.id}.threads.${contentFingerprint(input.title, html)}`,
    },
    now,
    () => models.threads.create(doc),
  );
  await followByDefault(models, doc._id, viewer.id, now);
  await recordNewThreadFact(models, doc, deps.logger);
  deps.logger.info({ threadId: doc._id.toHexString(), kind: doc.kind }, 'thread created');
  return doc;
}

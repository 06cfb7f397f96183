import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { parseInput } from '@portal/graphql-kit';
import { badInput } from '@portal/errors';
import { searchTokens } from '@portal/text';
import { assertLinkLimit, isNewAccount } from '../domain/anti-abuse';
import { contentFingerprint } from '../domain/body';
import { assertParticipant, isStaff } from '../domain/permissions';
import { createThreadInput, sanitizedBody, tagKeys } from '../domain/thread-input';
import type { ThreadDoc } from '../models';
import type { ForumDeps } from './deps';
import { claimFingerprint, releaseFingerprint } from './duplicates';
import { followByDefault } from './follow';
import { recordProfile } from './profiles';
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
  const { models, rules } = deps;
  const body = sanitizedBody(input.body, input.bodyFormat, 'input.body');
  if (!body.ok) throw badInput(body.field, body.message);
  await deps.limiters.threads.consume(viewer.id);
  const profile = await recordProfile(models, viewer, now);
  if (!isStaff(viewer))
    assertLinkLimit(
      body.html,
      'input.body',
      isNewAccount(profile.firstSeenAt, now, rules.newAccountDays),
      rules,
    );
  const fingerprint = `${viewer.id}.threads.${contentFingerprint(input.title, body.html)}`;
  await claimFingerprint(models, fingerprint, now, rules.duplicateWindowHours);
  const tags = input.tags ?? [];
  const doc: ThreadDoc = {
    _id: new Types.ObjectId(),
    title: input.title,
    body: body.html,
    kind: input.kind,
    categoryId: input.categoryId ?? null,
    tags,
    tagKeys: tagKeys(tags),
    authorId: viewer.id,
    workflowStatus: 'OPEN',
    statusBeforeClose: null,
    visibility: 'VISIBLE',
    assignedDepartment: null,
    voteCount: 0,
    lastVoteAt: null,
    searchTokens: searchTokens(input.title, body.html, tags.join(' ')),
    referral: null,
    feedbackId: null,
    version: 1,
    createdAt: now,
    editedAt: null,
    lastActivityAt: now,
  };
  try {
    await models.threads.create(doc);
  } catch (err) {
    await releaseFingerprint(models, fingerprint);
    throw err;
  }
  await followByDefault(models, doc._id, viewer.id, now);
  await recordNewThreadFact(models, doc, deps.logger);
  deps.logger.info({ threadId: doc._id.toHexString(), kind: doc.kind }, 'thread created');
  return doc;
}

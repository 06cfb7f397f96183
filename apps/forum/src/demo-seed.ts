import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import { searchTokens } from '@portal/text';
import { renderBody } from './domain/body';
import { tagKeys } from './domain/thread-input';
import type { ForumModels, PostDoc, ThreadDoc } from './models';
import {
  SEED_OFFICERS,
  SEED_PEOPLE,
  SEED_REPLIES,
  SEED_THREADS,
  type SeedDepartment,
  type SeedPerson,
} from './seed-data';

const DAY = 86_400_000;
const MODERATOR = { id: 'seed-moderator', name: 'Ban kiểm duyệt Diễn đàn' };

/** A stable ObjectId for a seed key, so running the seed again updates instead of duplicating. */
export function seedId(key: string): Types.ObjectId {
  return new Types.ObjectId(
    createHash('sha1').update(`forum-seed:${key}`).digest('hex').slice(0, 24),
  );
}

const personId = (key: SeedPerson) => `seed-${key}`;

/**
 * Demo data: the seed threads with replies, votes, assignments, official answers, referrals,
 * a closed thread and an auto-hidden spam thread in the moderation queue. Idempotent: every
 * document is upserted by a deterministic key.
 */
export async function seedForumDemo(models: ForumModels, now = new Date()): Promise<void> {
  const start = now.getTime() - 60 * DAY;
  const people = [
    ...Object.entries(SEED_PEOPLE).map(([key, p]) => ({ id: personId(key as SeedPerson), ...p })),
    ...Object.values(SEED_OFFICERS).map((o) => ({ ...o, email: null })),
    { ...MODERATOR, email: null },
  ];
  for (const p of people)
    await models.profiles.updateOne(
      { _id: p.id },
      {
        $set: { displayName: p.name, email: p.email, updatedAt: now },
        $setOnInsert: { firstSeenAt: new Date(start - 30 * DAY) },
      },
      { upsert: true },
    );

  for (const [i, seed] of SEED_THREADS.entries()) {
    const _id = seedId(`thread:${i}`);
    const createdAt = new Date(start + i * 1.1 * DAY + (i % 7) * 3_600_000);
    const authorId = personId(seed.by);
    const body = renderBody(seed.body, 'PLAIN');
    let lastActivityAt = createdAt;

    const replyCount = seed.hidden ? 0 : (i * 7) % 6;
    const repliers: string[] = [];
    for (let k = 0; k < replyCount; k++) {
      const reply = SEED_REPLIES[(i * 3 + k) % SEED_REPLIES.length]!;
      if (reply.by === seed.by) continue;
      const at = new Date(createdAt.getTime() + (k + 1) * 5 * 3_600_000);
      await upsertPost(models, {
        _id: seedId(`reply:${i}:${k}`),
        threadId: _id,
        authorId: personId(reply.by),
        body: renderBody(reply.body, 'PLAIN'),
        isOfficialAnswer: false,
        department: null,
        visibility: 'VISIBLE',
        version: 1,
        createdAt: at,
        editedAt: null,
      });
      repliers.push(personId(reply.by));
      lastActivityAt = at;
    }

    if (seed.answer) {
      const officer = SEED_OFFICERS[seed.department as SeedDepartment];
      if (!officer)
        throw new Error(`seed thread ${i} has an answer but no officer for ${seed.department}`);
      const at = new Date(lastActivityAt.getTime() + 2 * DAY);
      await upsertPost(models, {
        _id: seedId(`answer:${i}`),
        threadId: _id,
        authorId: officer.id,
        body: renderBody(seed.answer, 'PLAIN'),
        isOfficialAnswer: true,
        department: seed.department!,
        visibility: 'VISIBLE',
        version: 1,
        createdAt: at,
        editedAt: null,
      });
      lastActivityAt = at;
    }

    const workflowStatus: ThreadDoc['workflowStatus'] = seed.closed
      ? 'CLOSED'
      : seed.answer
        ? 'ANSWERED'
        : seed.referred
          ? 'REFERRED'
          : 'OPEN';
    const voters = seed.hidden
      ? []
      : Array.from({ length: (i * 13) % 23 }, (_, v) => `seed-voter-${v}`);
    for (const userId of voters)
      await models.votes.updateOne(
        { threadId: _id, userId },
        { $setOnInsert: { createdAt: new Date(createdAt.getTime() + DAY) } },
        { upsert: true },
      );
    const thread: ThreadDoc = {
      _id,
      title: seed.title,
      body,
      kind: seed.kind,
      categoryId: seed.category,
      tags: seed.tags,
      tagKeys: tagKeys(seed.tags),
      authorId,
      workflowStatus,
      statusBeforeClose: seed.closed ? 'OPEN' : null,
      visibility: seed.hidden ? 'HIDDEN' : 'VISIBLE',
      assignedDepartment: seed.department ?? null,
      voteCount: await models.votes.countDocuments({ threadId: _id }),
      lastVoteAt: null,
      searchTokens: searchTokens(seed.title, body, seed.tags.join(' ')),
      referral: seed.referred
        ? { referralId: seedId(`referral:${i}`).toHexString(), trackingCode: seed.referred }
        : null,
      feedbackId: null,
      version: 1,
      createdAt,
      editedAt: null,
      lastActivityAt,
    };
    await models.threads.replaceOne({ _id }, thread, { upsert: true });

    for (const userId of new Set([authorId, ...repliers]))
      await insertOnce(models.followers, { threadId: _id, userId, following: true, createdAt });
    if (seed.department)
      await insertOnce(models.moderationLog, {
        _id: `seed-assign.${i}`,
        action: 'ASSIGN',
        targetId: _id.toHexString(),
        targetKind: 'THREAD',
        actorId: MODERATOR.id,
        note: null,
        detail: seed.department,
        at: new Date(createdAt.getTime() + 3_600_000),
      });
    if (seed.hidden) await seedAutoHidden(models, _id, createdAt);
  }
}

async function upsertPost(models: ForumModels, post: PostDoc): Promise<void> {
  await models.posts.replaceOne({ _id: post._id }, post, { upsert: true });
}

/** The spam thread: flagged by three people, hidden automatically, waiting in the queue. */
async function seedAutoHidden(models: ForumModels, threadId: Types.ObjectId, at: Date) {
  const targetId = threadId.toHexString();
  const flaggers: SeedPerson[] = ['anhBinh', 'chiLan', 'tsNam'];
  for (const [k, by] of flaggers.entries())
    await insertOnce(models.flags, {
      targetId,
      targetKind: 'THREAD',
      userId: personId(by),
      reason: 'SPAM',
      note: k === 0 ? 'Quảng cáo, đường dẫn lạ' : null,
      reviewed: false,
      createdAt: new Date(at.getTime() + (k + 1) * 600_000),
      reviewedAt: null,
    });
  await insertOnce(models.moderationItems, {
    _id: targetId,
    targetKind: 'THREAD',
    threadId: targetId,
    pending: true,
    queuedAt: new Date(at.getTime() + 600_000),
    autoHidden: true,
    updatedAt: at,
  });
  await insertOnce(models.moderationLog, {
    _id: `seed-auto-hide.${targetId}`,
    action: 'AUTO_HIDE',
    targetId,
    targetKind: 'THREAD',
    actorId: null,
    note: null,
    detail: '3 flags',
    at: new Date(at.getTime() + 1_800_000),
  });
}

import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { graphChangesStream, parseGraphChange } from '@portal/queue';
import {
  runEntry,
  testProcessEnv,
  testServices,
  timeoutForProcesses,
  uniqueName,
} from '@portal/testing';
import { THREAD_KINDS } from '../src/domain/forum-types';
import { seedForumDemo } from '../src/demo-seed';
import { useForum } from './forum-harness';
import { FORUM_THREAD } from './forum-operations';

const forum = useForum('forum_seed');

// The seed process runs twice, besides seeding in this process.
const twoSeedRuns = { timeout: timeoutForProcesses(2, 120_000) };

describe('demo seed', twoSeedRuns, () => {
  it('seeds 50+ threads of every kind with replies, votes and official answers, idempotently', async () => {
    await seedForumDemo(forum.models);
    const counts = async () => ({
      threads: await forum.models.threads.countDocuments({}),
      posts: await forum.models.posts.countDocuments({}),
      votes: await forum.models.votes.countDocuments({}),
    });
    const first = await counts();
    // The seed entry point as `npm start` runs it, on the same database: it seeds again
    // (idempotently, nothing doubles) and marks the database, so a third run does nothing.
    const prefix = uniqueName('forum_seed');
    for (let run = 0; run < 2; run++) {
      const seeded = await runEntry('forum', 'seed', {
        ...testProcessEnv(forum.connection.name, prefix),
        LOG_LEVEL: 'warn',
      });
      expect(seeded.status, seeded.stderr).toBe(0);
    }
    expect(await forum.connection.collection('_seeds').countDocuments({})).toBe(1);
    expect(await counts()).toEqual(first);
    // Its writes reached the graph like any writer's: the stream the gateway purges cached
    // answers by (and the services their cached lists, and the assistant its index) names them.
    const redis = new Redis(testServices().redisUrl);
    const entries = await redis.xrange(graphChangesStream(prefix), '-', '+');
    redis.disconnect();
    const types = new Set(entries.map(([, fields]) => parseGraphChange(fields)?.type));
    expect([...types]).toContain('Thread');

    expect(first.threads).toBeGreaterThanOrEqual(50);
    for (const kind of THREAD_KINDS)
      expect(await forum.models.threads.countDocuments({ kind })).toBeGreaterThan(3);
    expect(
      await forum.models.posts.countDocuments({ isOfficialAnswer: true }),
    ).toBeGreaterThanOrEqual(5);
    expect(await forum.models.posts.countDocuments({ isOfficialAnswer: false })).toBeGreaterThan(
      50,
    );
    expect(first.votes).toBeGreaterThan(100);

    // What the portal's home page and forum pages show from it.
    const home = await forum.call(
      null,
      '{ threads(first: 5, filter: { sort: MOST_VOTED }) { nodes { id title kind status voteCount replyCount } } }',
    );
    const top = home.data!.threads.nodes;
    expect(top).toHaveLength(5);
    expect(top[0].voteCount).toBeGreaterThanOrEqual(top[4].voteCount);
    const answered = await forum.call(
      null,
      '{ threads(filter: { status: ANSWERED }) { nodes { id } totalCount } }',
    );
    const page = await forum.call(null, FORUM_THREAD, {
      id: answered.data!.threads.nodes[0].id,
    });
    expect(page.data!.thread.officialAnswer.body).toMatch(/^<p>/);
    const search = await forum.call(
      null,
      '{ threads(filter: { search: "du lieu mo" }) { totalCount } }',
    );
    expect(search.data!.threads.totalCount).toBeGreaterThan(2);
    const spam = await forum.call(
      null,
      '{ threads(filter: { search: "khuyen mai" }) { totalCount } }',
    );
    expect(spam.data!.threads.totalCount).toBe(0);
  });
});

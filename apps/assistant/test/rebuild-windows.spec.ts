// Whole-type graph changes coalesce into one index rebuild per window, on a real queue: the
// job id is what BullMQ deduplicates by, so the queue itself must hold one job.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphChange } from '@portal/queue';
import { testServices, uniqueName } from '@portal/testing';
import { REBUILD_WINDOW_MS, queueRefreshes } from '../src/jobs/graph-change-follower';
import { closeProducers, createProducers, type AssistantProducers } from '../src/jobs/producers';

const prefix = uniqueName('rebuild_windows');
let redis: Redis;
let producers: AssistantProducers;
let queue: Queue;

beforeAll(() => {
  redis = new Redis(testServices().redisUrl, { maxRetriesPerRequest: null });
  producers = createProducers(redis, prefix);
  queue = new Queue('assistant-index', { connection: redis, prefix });
});

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
  await closeProducers(producers);
  redis?.disconnect();
});

const whole = (type: string): GraphChange => ({ type, ids: [], lists: true });
/** A window's first millisecond. */
const start = 1_796_525_040_000;

async function jobs() {
  return (await queue.getJobs(['waiting', 'delayed'])).map((job) => ({
    name: job.data.type as string,
    id: job.id!,
    delay: job.opts.delay ?? 0,
    data: job.data as unknown,
  }));
}

describe('index jobs from graph changes', () => {
  it('gives the whole-type changes of one window one rebuild, started after the window closes', async () => {
    await queue.obliterate({ force: true });
    const index = producers['assistant-index'];
    // A seed: one change after another, each read on its own.
    for (let i = 0; i < 50; i++)
      await queueRefreshes([whole('Article')], `${start + i * 100}-${i % 3}`, index, () => start);
    const queued = await jobs();
    expect(queued.map((j) => j.name)).toEqual(['rebuild']);
    // Not before the window's last change can have been written.
    expect(queued[0]!.delay).toBeGreaterThanOrEqual(REBUILD_WINDOW_MS);
    // A change of the next window gets a rebuild of its own.
    await queueRefreshes(
      [whole('Thread')],
      `${start + REBUILD_WINDOW_MS + 5}-0`,
      index,
      () => start,
    );
    expect((await jobs()).map((j) => j.name)).toEqual(['rebuild', 'rebuild']);
  });

  it('rebuilds only the types that changed as a whole, each once a window', async () => {
    await queue.obliterate({ force: true });
    const index = producers['assistant-index'];
    await queueRefreshes([whole('Thread'), whole('Vote')], `${start + 1}-0`, index, () => start);
    await queueRefreshes([whole('Thread')], `${start + 2}-0`, index, () => start);
    await queueRefreshes([whole('Article')], `${start + 3}-0`, index, () => start);
    const queued = await jobs();
    expect(
      queued.map((j) => j.data).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { type: 'rebuild', source: 'Article' },
      { type: 'rebuild', source: 'Thread' },
    ]);
  });

  it('starts a rebuild for a window already past at once, and refreshes ids by id', async () => {
    await queue.obliterate({ force: true });
    await queueRefreshes(
      [whole('LibraryItem'), { type: 'Article', ids: ['a1', 'a2'], lists: false }],
      `${start + 3}-0`,
      producers['assistant-index'],
      () => start + 10 * REBUILD_WINDOW_MS,
    );
    const queued = await jobs();
    expect(queued).toHaveLength(2);
    expect(queued).toContainEqual({
      name: 'refresh',
      id: `refresh-Article-${start + 3}-0-0`,
      delay: 0,
      data: { type: 'refresh', source: 'Article', ids: ['a1', 'a2'] },
    });
    expect(queued.find((j) => j.name === 'rebuild')).toMatchObject({ delay: 0 });
  });
});

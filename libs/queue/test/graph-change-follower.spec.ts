// A follower of the graph-change stream reads every change after its kept position, and
// says so when the stream dropped some before it could read them.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { testServices, uniqueName, waitUntil } from '@portal/testing';
import {
  createRedisConnection,
  followGraphChanges,
  graphChangesStream,
  publishGraphChanges,
  type GraphChange,
  type GraphChangeFollower,
} from '../src';

const { redisUrl } = testServices();
const redis = createRedisConnection(redisUrl, 'worker');
const logger = createLogger({ service: 'follower-test', level: 'silent' });
const running: GraphChangeFollower[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.stop()));
});

function follow(stream: string, positionKey: string) {
  const seen: GraphChange[] = [];
  const missed: string[] = [];
  const follower = followGraphChanges({
    redis,
    stream,
    positionKey,
    batchSize: 7,
    logger,
    onChanges: async (changes) => void seen.push(...changes),
    onMissed: async (position) => void missed.push(position),
  });
  running.push(follower);
  return { follower, seen, missed };
}

const articles = (from: number, n: number): GraphChange[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'Article', ids: [`a${from + i}`], lists: false }));
const ids = (changes: GraphChange[]) => changes.flatMap((c) => c.ids);

describe('following the graph-change stream', () => {
  it('catches up after a restart on every change made while it was stopped, missing none', async () => {
    const prefix = uniqueName('follow');
    const stream = graphChangesStream(prefix);
    const positionKey = `${prefix}:pos`;
    await publishGraphChanges(redis, prefix, articles(0, 1));
    const first = follow(stream, positionKey);
    await first.follower.ready;
    await publishGraphChanges(redis, prefix, articles(1, 3));
    await waitUntil(() => first.seen.length === 3, { what: 'the first three changes' });
    await first.follower.stop();
    await publishGraphChanges(redis, prefix, articles(4, 20));
    const second = follow(stream, positionKey);
    await waitUntil(() => second.seen.length === 20, { what: 'the twenty made while stopped' });
    expect(ids(second.seen)).toEqual(ids(articles(4, 20)));
    expect(second.missed).toEqual([]);
  });

  it('reports changes the stream dropped before it read them, then reads on from what is left', async () => {
    const prefix = uniqueName('follow');
    const stream = graphChangesStream(prefix);
    const positionKey = `${prefix}:pos`;
    const first = follow(stream, positionKey);
    await first.follower.ready;
    await publishGraphChanges(redis, prefix, articles(0, 2));
    await waitUntil(() => first.seen.length === 2, { what: 'the first changes' });
    await first.follower.stop();
    const position = await redis.get(positionKey);
    await publishGraphChanges(redis, prefix, articles(2, 30));
    // What a busy stream does to a stopped reader: the oldest entries are trimmed away.
    await redis.xtrim(stream, 'MAXLEN', 5);
    const second = follow(stream, positionKey);
    await waitUntil(() => second.seen.length === 5, { what: 'the changes left in the stream' });
    expect(second.missed).toEqual([position]);
    expect(ids(second.seen)).toEqual(ids(articles(27, 5)));
  });
});

// Graph changes (published by the services to a Redis stream) purge exactly the cached
// answers that hold what changed, in every gateway replica sharing the Redis.
import { describe, expect, it } from 'vitest';
import { graphChangesStream, publishGraphChanges, type GraphChange } from '@portal/queue';
import { gql, uniqueName, waitUntil } from '@portal/testing';
import { createLogger } from '@portal/logger';
import { TaggedAnswerStore } from '../src/cache/tagged-answer-store';
import { useTestStack } from './support/test-gateway';

const queuePrefix = uniqueName('purge');
const stack = useTestStack('purge', {
  overrides: { graphChangesStream: graphChangesStream(queuePrefix) },
});
const ARTICLES = '{ articles { totalCount nodes { id title } } }';
const LIBRARY = '{ libraryItems { id title } }';

async function setUp() {
  const s = await stack();
  await s.gateway.graphChangesReady;
  const calls = (field: string) => s.subgraphs.calls.get(field) ?? 0;
  /** Asks until the answer comes from the cache (its write is in the background). */
  const cached = async (query: string) => {
    await gql(s.graphqlUrl, query);
    await waitUntil(async () => (await gql(s.graphqlUrl, query)).headers.get('age') !== null, {
      what: `${query} cached`,
    });
  };
  const isCached = async (query: string) =>
    (await gql(s.graphqlUrl, query)).headers.get('age') !== null;
  const change = (...changes: GraphChange[]) => publishGraphChanges(s.redis, queuePrefix, changes);
  return { ...s, calls, cached, isCached, change };
}

describe('purging cached answers by graph changes', () => {
  it('purges the answers holding a changed object, and only those', async () => {
    const { cached, isCached, change, gateway } = await setUp();
    await cached(ARTICLES);
    await cached(LIBRARY);
    await change({ type: 'Article', ids: ['a1'], lists: false });
    await waitUntil(async () => !(await isCached(ARTICLES)), {
      what: 'the articles answer purged',
    });
    expect(await isCached(LIBRARY)).toBe(true);
    const purges = await gateway.metrics.cachePurges.get();
    expect(purges.values.find((v) => v.labels.type === 'Article')?.value).toBeGreaterThan(0);
  });

  it('purges every answer reading a type when its lists change (a new object), even without its id', async () => {
    const { cached, isCached, change } = await setUp();
    await cached(ARTICLES);
    await cached(LIBRARY);
    // Changes to objects no cached answer holds leave the answers be...
    await change({ type: 'Article', ids: ['a-new'], lists: false });
    await change(
      { type: 'LibraryItem', ids: ['zzz'], lists: false },
      { type: 'Article', ids: ['a-new'], lists: true },
    );
    // ...until one changes the lists (a new article): every answer reading articles goes.
    await waitUntil(async () => !(await isCached(ARTICLES)), {
      what: 'the articles answer purged',
    });
    expect(await isCached(LIBRARY)).toBe(true);
  });

  it('purges answers that read a type without its id on any change of that type', async () => {
    const { cached, isCached, change } = await setUp();
    const TITLES = '{ articles { nodes { title } } }';
    await cached(TITLES);
    await change({ type: 'Article', ids: ['a2'], lists: false });
    await waitUntil(async () => !(await isCached(TITLES)), { what: 'the titles answer purged' });
  });

  it('purges for every replica sharing the Redis', async () => {
    const { cached, change, startAnother } = await setUp();
    const other = await startAnother({
      redisPrefix: (await stack()).redisPrefix,
      graphChangesStream: undefined,
    });
    await cached(ARTICLES);
    expect((await gql(other.graphqlUrl, ARTICLES)).headers.get('age')).not.toBeNull();
    await change({ type: 'Article', ids: ['a1'], lists: false });
    // The replica that follows no changes itself misses too: the purge is in the shared Redis.
    await waitUntil(
      async () => (await gql(other.graphqlUrl, ARTICLES)).headers.get('age') === null,
      { what: 'the purge seen by the other replica' },
    );
  });

  it('does not store an answer computed before a purge of one of its tags', async () => {
    const { redis } = await setUp();
    const store = new TaggedAnswerStore(
      redis,
      `${uniqueName('race')}:rc:`,
      createLogger({ service: 'test', level: 'silent' }),
    );
    const answer = { data: { a: 1 }, cachePolicy: { maxAge: 60 }, cacheTime: Date.now() };
    const { seq } = await store.get('k');
    await store.purge(['e:a1']);
    expect(await store.set('k', answer, 60, seq, ['e:a1', 't:Article'])).toBe(false);
    expect((await store.get('k')).answer).toBeNull();
    // Computed after the purge: stored, and purged again by the next change.
    const after = await store.get('k');
    expect(await store.set('k', answer, 60, after.seq, ['e:a1'])).toBe(true);
    expect((await store.get('k')).answer).toEqual(answer);
    expect(await store.purge(['e:a1'])).toBe(1);
    expect((await store.get('k')).answer).toBeNull();
  });
});

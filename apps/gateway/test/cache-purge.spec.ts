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

  it('answers a repeat from the replica’s memory, until a change purges it', async () => {
    const { cached, isCached, change, calls, redis, redisPrefix, graphqlUrl } = await setUp();
    const query = '{ article(slug: "so-tay") { id title } }';
    await cached(query);
    // Gone from Redis, yet answered from this replica's first level with its age.
    await redis.del(...(await redis.keys(`${redisPrefix}rc:a:*`)));
    const before = calls('content.article');
    const hit = await gql(graphqlUrl, query);
    expect(hit.headers.get('age')).toMatch(/^\d+$/);
    expect(hit.headers.get('cache-control')).toBe('max-age=60, public');
    expect(calls('content.article')).toBe(before);
    // A change to what it holds purges it in memory too.
    await change({ type: 'Article', ids: [hit.data?.article.id], lists: false });
    await waitUntil(async () => !(await isCached(query)), { what: 'the answer purged' });
    expect(calls('content.article')).toBeGreaterThan(before);
  });

  it('never replays an anonymous answer to a person or a partner, nor a personal one to anyone', async () => {
    const { cached, calls, graphqlUrl, personToken, gateway } = await setUp();
    const query = '{ article(slug: "chuyen-doi-so") { id title } }';
    await cached(query);
    const citizen = await personToken({ role: 'citizen', sub: 'first-level' });
    const { key } = await gateway.apiKeys.create({
      name: 'Đối tác',
      scopes: ['content:read'],
      tier: 'standard',
    });
    const before = calls('content.article');
    const personal = await gql(graphqlUrl, query, { bearer: citizen });
    expect(personal.headers.get('cache-control')).toBe('no-store');
    expect(personal.headers.get('age')).toBeNull();
    const partner = await gql(graphqlUrl, query, { apiKey: key });
    expect(partner.headers.get('cache-control')).toBe('no-store');
    expect(calls('content.article')).toBe(before + 2);

    // A person's answer (never stored) is not replayed to the anonymous caller of the same body.
    const other = '{ article(slug: "so-tay") { title } }';
    await gql(graphqlUrl, other, { bearer: citizen });
    const anonymous = await gql(graphqlUrl, other);
    expect(anonymous.headers.get('age')).toBeNull();
    expect(anonymous.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('replays an answer only to requests that would get it: same media type, CSRF rules kept', async () => {
    const { cached, graphqlUrl } = await setUp();
    const query = '{ libraryItems { title } }';
    await cached(query);
    const post = (accept: string) =>
      fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query }),
      });
    // The media type the client accepts decides the answer's content type.
    const json = await post('application/json');
    const graphqlJson = await post('application/graphql-response+json');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(graphqlJson.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);

    // A GET with the preflight header may be replayed; the same GET without it is still refused
    // (Apollo's CSRF prevention), however often the allowed one was answered.
    const url = `${graphqlUrl}?query=${encodeURIComponent(query)}`;
    const allowed = () => fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect((await allowed()).status).toBe(200);
    await waitUntil(async () => (await allowed()).headers.get('age') !== null, {
      what: 'the GET answer replayed',
    });
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/CSRF/i);
    // A text/plain POST (a form could send one) is refused as before too.
    const simple = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query }),
    });
    expect(simple.status).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { gql, uniqueName, waitUntil } from '@portal/testing';
import { useTestStack } from './support/test-gateway';

const stack = useTestStack('respcache');

describe('response cache (Redis) and cache-control headers', () => {
  it('serves a repeated anonymous public query from Redis, with the subgraph hint as max-age', async () => {
    const { graphqlUrl, subgraphs, redis, redisPrefix } = await stack();
    const query = '{ articles { totalCount nodes { id title } } }';
    const calls = () => subgraphs.calls.get('content.articles') ?? 0;
    const before = calls();

    const first = await gql(graphqlUrl, query);
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    expect(calls()).toBe(before + 1);

    const second = await gql(graphqlUrl, query);
    expect(second.data).toEqual(first.data);
    expect(second.headers.get('cache-control')).toBe('max-age=60, public');
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(calls()).toBe(before + 1);
    expect((await redis.keys(`${redisPrefix}rc:a:*`)).length).toBeGreaterThan(0);
    const ttl = await redis.ttl((await redis.keys(`${redisPrefix}rc:a:*`))[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('tells clients at most RESPONSE_CACHE_CLIENT_MAX_AGE, and keeps the answer for its full max-age', async () => {
    const { startAnother, redis } = await stack();
    const prefix = `${uniqueName('client-age')}:gw:`;
    const other = await startAnother({ responseCacheClientMaxAge: 5, redisPrefix: prefix });
    const query = '{ article(slug: "so-tay") { id title } }';
    const first = await gql(other.graphqlUrl, query);
    expect(first.headers.get('cache-control')).toBe('max-age=5, public');
    const hit = await waitUntil(
      async () => {
        const res = await gql(other.graphqlUrl, query);
        return res.headers.get('age') !== null ? res : null;
      },
      { what: 'the answer served from the cache' },
    );
    expect(hit.headers.get('cache-control')).toBe('max-age=5, public');
    const [key] = await redis.keys(`${prefix}rc:a:*`);
    expect(await redis.ttl(key!)).toBeGreaterThan(5);
  });

  it('uses the smallest max-age of every subgraph the query touched', async () => {
    const { graphqlUrl } = await stack();
    const res = await gql(graphqlUrl, '{ articles { totalCount } threads { id title } }');
    expect(res.headers.get('cache-control')).toBe('max-age=30, public');
  });

  it('never stores an answer holding PRIVATE data, even for anonymous callers', async () => {
    const { graphqlUrl, subgraphs } = await stack();
    const query = '{ threads { id viewerHasVoted } }';
    const calls = () => subgraphs.calls.get('forum.threads') ?? 0;
    const before = calls();
    const res = await gql(graphqlUrl, query);
    expect(res.headers.get('cache-control')).toBe('max-age=30, private');
    await gql(graphqlUrl, query);
    expect(calls()).toBe(before + 2);
  });

  it('marks answers with no hint, with errors, or to mutations as no-store, and does not cache them', async () => {
    const { graphqlUrl, subgraphs } = await stack();
    expect((await gql(graphqlUrl, '{ whoami { requestId } }')).headers.get('cache-control')).toBe(
      'no-store',
    );
    const mutation = await gql(graphqlUrl, 'mutation { recordArticleView(id: "a1") }');
    expect(mutation.headers.get('cache-control')).toBe('no-store');

    const withError = '{ article(slug: "so-tay") { title } boom }';
    const calls = () => subgraphs.calls.get('content.article') ?? 0;
    const before = calls();
    expect((await gql(graphqlUrl, withError)).headers.get('cache-control')).toBe('no-store');
    await gql(graphqlUrl, withError);
    expect(calls()).toBe(before + 2);
  });

  it('neither reads nor fills the cache for signed-in people and partners, and tells browsers not to store', async () => {
    const { graphqlUrl, subgraphs, personToken, gateway } = await stack();
    const calls = () => subgraphs.calls.get('content.article') ?? 0;
    const query = '{ article(slug: "chuyen-doi-so") { id title } }';
    const citizen = await personToken({ role: 'citizen', sub: 'c1' });
    const { key } = await gateway.apiKeys.create({
      name: 'Đối tác',
      scopes: ['content:read'],
      tier: 'standard',
    });

    // A person asks first: the answer is not written for anonymous callers to read.
    const before = calls();
    const personal = await gql(graphqlUrl, query, { bearer: citizen });
    expect(personal.headers.get('cache-control')).toBe('no-store');
    const partner = await gql(graphqlUrl, query, { apiKey: key });
    expect(partner.headers.get('cache-control')).toBe('no-store');
    expect(calls()).toBe(before + 2);
    await gql(graphqlUrl, query);
    expect(calls()).toBe(before + 3);

    // Now cached for anonymous callers, yet a person still gets a fresh answer.
    await gql(graphqlUrl, query);
    expect(calls()).toBe(before + 3);
    await gql(graphqlUrl, query, { bearer: citizen });
    expect(calls()).toBe(before + 4);
  });
});

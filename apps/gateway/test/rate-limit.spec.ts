import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { errorCodes, gql, metricValue, uniqueName, waitUntil } from '@portal/testing';
import { SlidingWindowLimiter } from '../src/rate-limit/sliding-window-limiter';
import { useTestStack } from './support/test-gateway';

const stack = useTestStack('ratelimit');
const QUERY = '{ articles { totalCount } }';
const limits = (anonymous: number, person: number, tiers: Record<string, number>) => ({
  rateLimits: { windowSeconds: 60, anonymous, person, tiers, defaultTier: 'standard' },
});

describe('rate limits', () => {
  it('limits anonymous callers per IP: 429 with Retry-After and RATE_LIMITED', async () => {
    const { startAnother } = await stack();
    const gw = await startAnother(limits(3, 100, { standard: 100 }));
    const ip = { 'x-forwarded-for': '203.0.113.10' };
    for (const remaining of ['2', '1', '0']) {
      const res = await gql(gw.graphqlUrl, QUERY, { headers: ip });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-remaining')).toBe(remaining);
    }
    const refused = await gql(gw.graphqlUrl, QUERY, { headers: ip });
    expect(refused.status).toBe(429);
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.errors?.[0]?.extensions?.retryAfter).toBe(retryAfter);
    expect(refused.headers.get('cache-control')).toBe('no-store');

    // Another address has its own allowance; so do forwarded routes' callers, which share it.
    expect(
      (await gql(gw.graphqlUrl, QUERY, { headers: { 'x-forwarded-for': '203.0.113.11' } })).status,
    ).toBe(200);
    const route = await fetch(`${gw.url}/feeds/echo`, { headers: ip });
    expect(route.status).toBe(429);
    expect(route.headers.get('retry-after')).toBeTruthy();
    expect(((await route.json()) as any).error.code).toBe('RATE_LIMITED');

    const metrics = await (await fetch(`${gw.opsUrl}/metrics`)).text();
    expect(
      metricValue(metrics, 'gateway_rate_limited_total', { caller: 'anonymous' }),
    ).toBeGreaterThan(0);
    expect(metricValue(metrics, 'graphql_errors_total', { code: 'RATE_LIMITED' })).toBeGreaterThan(
      0,
    );
  });

  it('limits signed-in people per user, whatever address they come from', async () => {
    const { startAnother, personToken } = await stack();
    const gw = await startAnother(limits(100, 2, { standard: 100 }));
    const an = await personToken({ role: 'citizen', sub: 'u-an' });
    const binh = await personToken({ role: 'citizen', sub: 'u-binh' });
    for (const ip of ['198.51.100.1', '198.51.100.2'])
      expect(
        (await gql(gw.graphqlUrl, QUERY, { bearer: an, headers: { 'x-forwarded-for': ip } }))
          .status,
      ).toBe(200);
    const refused = await gql(gw.graphqlUrl, QUERY, {
      bearer: an,
      headers: { 'x-forwarded-for': '198.51.100.3' },
    });
    expect(refused.status).toBe(429);
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect((await gql(gw.graphqlUrl, QUERY, { bearer: binh })).status).toBe(200);
  });

  it('limits partners per key by the key tier', async () => {
    const { startAnother, gateway } = await stack();
    const gw = await startAnother(limits(100, 100, { standard: 2, premium: 4 }));
    const standard = (
      await gateway.apiKeys.create({ name: 'Quận 1', scopes: ['content:read'], tier: 'standard' })
    ).key;
    const premium = (
      await gateway.apiKeys.create({ name: 'Sở TT&TT', scopes: ['content:read'], tier: 'premium' })
    ).key;
    const statuses = async (key: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++)
        out.push((await gql(gw.graphqlUrl, QUERY, { apiKey: key })).status);
      return out;
    };
    expect(await statuses(standard, 3)).toEqual([200, 200, 429]);
    expect(await statuses(premium, 5)).toEqual([200, 200, 200, 200, 429]);
  });

  it('counts refused credentials against the address, so keys cannot be guessed at full speed', async () => {
    const { startAnother } = await stack();
    const gw = await startAnother(limits(2, 100, { standard: 100 }));
    const guess = () =>
      gql(gw.graphqlUrl, QUERY, {
        apiKey: `hcmcdx_${'B'.repeat(43)}`,
        headers: { 'x-forwarded-for': '192.0.2.50' },
      });
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(429);
  });
});

describe('the sliding window', () => {
  it('lets a client in again once its oldest request leaves the window', async () => {
    const { redis } = await stack();
    const prefix = `${uniqueName('sw')}:`;
    const limiter = new SlidingWindowLimiter(redis, { prefix, windowSeconds: 1 });
    expect((await limiter.consume('c', 2)).allowed).toBe(true);
    expect((await limiter.consume('c', 2)).allowed).toBe(true);
    const refused = await limiter.consume('c', 2);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    // Refused attempts are not recorded, so they do not push the reopening further away.
    await waitUntil(async () => (await limiter.consume('c', 2)).allowed, {
      intervalMs: 50,
      what: 'the window to slide',
    });
    expect(await redis.zcard(`${prefix}c`)).toBeLessThanOrEqual(2);
  });
});

describe('requests that arrive together', () => {
  /** A client of its own (its commands counted apart from the stack's), once connected. */
  const ownClient = async (redis: Redis) => {
    const client = redis.duplicate();
    if (client.status !== 'ready') await new Promise((ready) => client.once('ready', ready));
    return client;
  };

  it('are decided in one Redis call, in arrival order, each bucket on its own', async () => {
    const client = await ownClient((await stack()).redis);
    const sent: string[] = [];
    const send = client.sendCommand.bind(client);
    client.sendCommand = (command, stream) => {
      sent.push(command.name);
      return send(command, stream);
    };
    const prefix = `${uniqueName('batch')}:`;
    const limiter = new SlidingWindowLimiter(client, { prefix, windowSeconds: 60 });
    const decisions = await Promise.all([
      ...Array.from({ length: 5 }, () => limiter.consume('a', 3)),
      limiter.consume('b', 1),
      limiter.consume('b', 1),
    ]);
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    // The first request goes out alone; the six that came while it was in flight, together.
    expect(sent.filter((name) => name.startsWith('eval'))).toHaveLength(2);
    expect(await client.zcard(`${prefix}a`)).toBe(3);
    expect(await client.zcard(`${prefix}b`)).toBe(1);
    client.disconnect();
  });

  it('fail together when their call fails, and the next ones are decided again', async () => {
    const client = await ownClient((await stack()).redis);
    const prefix = `${uniqueName('fail')}:`;
    const limiter = new SlidingWindowLimiter(client, { prefix, windowSeconds: 60 });
    // The key holds a string, so the script's sorted-set commands fail.
    await client.set(`${prefix}broken`, 'x');
    const outcomes = await Promise.allSettled([
      limiter.consume('ok', 5),
      limiter.consume('broken', 5),
      limiter.consume('ok', 5),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect((await limiter.consume('ok', 5)).remaining).toBe(3);
    client.disconnect();
  });
});

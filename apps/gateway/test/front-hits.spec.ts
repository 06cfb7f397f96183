// Anonymous repeats of an answer the replica holds are answered in front of Express; every
// other request reaches Express as it would without the front, its body read once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import cors from 'cors';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { testServices, uniqueName } from '@portal/testing';
import { ServedAnswers } from '../src/cache/served-answers';
import { frontHits } from '../src/http/front-hits';
import { graphqlBody, graphqlRequestErrors } from '../src/http/graphql-body';
import { servedAnswerKey } from '../src/http/graphql-handler';
import { refuseGraphQL } from '../src/http/refusals';
import { createGatewayMetrics } from '../src/metrics';
import { SlidingWindowLimiter } from '../src/rate-limit/sliding-window-limiter';

const LIMIT = 5;
const BODY_LIMIT = 2048;
const HIT_QUERY = { query: '{ articles { nodes { id } } }' };
const HELD = Buffer.from('{"data":{"articles":{"nodes":[{"id":"a1"}]}}}');

let redis: Redis;
const metrics = createGatewayMetrics();
const logger = createLogger({ service: 'front-hits-test', level: 'silent' });
const servers: Server[] = [];

/** What Express did with each request: the body its handler saw. */
let reachedExpress: unknown[] = [];

/**
 * The gateway's /graphql in miniature: the same body parsing and error answers, a handler
 * that echoes what it got, and a first level holding one answer; with the front or without.
 */
async function start(front: boolean, trust: boolean | string = false) {
  const app: Express = express();
  app.set('trust proxy', trust);
  const corsHandler = cors({ origin: ['https://portal.example'] });
  app.use(corsHandler);
  app.use('/graphql', ...graphqlBody(BODY_LIMIT), (req, res) => {
    reachedExpress.push(req.body);
    res.json({ echoed: req.body ?? null });
  });
  app.use('/graphql', graphqlRequestErrors(BODY_LIMIT, refuseGraphQL(metrics), logger));
  const served = new ServedAnswers();
  served.following();
  const key = servedAnswerKey({
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: HIT_QUERY,
  } as never)!;
  served.keep(
    key,
    {
      status: 200,
      headers: [
        ['content-type', 'application/json; charset=utf-8'],
        ['cache-control', 'max-age=60, public'],
      ],
      body: HELD,
      cacheTime: Date.now(),
      expiresAt: Date.now() + 600_000,
      tags: ['*'],
      operationName: null,
    },
    served.mark(),
  );
  const limiter = new SlidingWindowLimiter(redis, {
    prefix: `${uniqueName('front')}:rl:`,
    windowSeconds: 60,
  });
  const handler = front
    ? frontHits({
        app,
        served,
        limiter,
        limits: { windowSeconds: 60, anonymous: LIMIT, person: 100, tiers: {}, defaultTier: 'x' },
        bodyLimitBytes: BODY_LIMIT,
        metrics,
        cors: corsHandler,
        recordOperation: () => {},
      })
    : app;
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });

beforeAll(() => {
  redis = new Redis(testServices().redisUrl, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  redis?.disconnect();
});

describe('answers in front of Express', () => {
  it('answers a held repeat without Express, with its headers, CORS, request id and rate limit', async () => {
    const url = await start(true);
    reachedExpress = [];
    const hits = () => metrics.responseCache.get().then((m) => m.values[0]?.value ?? 0);
    const before = await hits();
    const res = await post(url, JSON.stringify(HIT_QUERY), {
      origin: 'https://portal.example',
      'x-request-id': 'req-0123456789abcdef',
    });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(HELD);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('max-age=60, public');
    expect(res.headers.get('age')).toMatch(/^\d+$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    expect(res.headers.get('x-request-id')).toBe('req-0123456789abcdef');
    expect(res.headers.get('ratelimit-limit')).toBe(String(LIMIT));
    expect(res.headers.get('ratelimit-remaining')).toBe(String(LIMIT - 1));
    expect(reachedExpress).toEqual([]);
    expect(await hits()).toBe(before + 1);
  });

  it('leaves a held repeat over the rate limit to Express, which refuses it', async () => {
    // Behind a trusted proxy each forwarded client has its own bucket, as in Express.
    const url = await start(true, 'loopback');
    reachedExpress = [];
    const from = (ip: string) =>
      post(url, JSON.stringify(HIT_QUERY), { 'x-forwarded-for': ip }).then(async (r) => ({
        status: r.status,
        remaining: r.headers.get('ratelimit-remaining'),
        body: await r.text(),
      }));
    for (let i = 0; i < LIMIT; i++) expect((await from('203.0.113.7')).status).toBe(200);
    // Express here has no rate limit of its own: reaching it is what a refusal does.
    expect(await from('203.0.113.7')).toMatchObject({ status: 200, body: /echoed/ });
    expect(reachedExpress).toEqual([HIT_QUERY]);
    expect(await from('203.0.113.8')).toMatchObject({ status: 200, remaining: String(LIMIT - 1) });
  });

  it('hands every other request to Express with the same outcome as without the front', async () => {
    const withFront = await start(true);
    const without = await start(false);
    const cases: [string, string | Buffer, Record<string, string>?][] = [
      ['another query', JSON.stringify({ query: '{ other }' })],
      [
        'a BOM before the JSON',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]),
      ],
      ['broken JSON', '{"query": '],
      ['JSON that is not an object', '"just a string"'],
      ['an empty body', ''],
      ['over the body limit', JSON.stringify({ query: 'x'.repeat(BODY_LIMIT) })],
      ['credentials', JSON.stringify(HIT_QUERY), { authorization: 'Bearer x' }],
      ['an API key', JSON.stringify(HIT_QUERY), { 'x-api-key': 'k' }],
      ['another media type', JSON.stringify(HIT_QUERY), { 'content-type': 'text/plain' }],
      [
        'a charset other than UTF-8',
        JSON.stringify(HIT_QUERY),
        { 'content-type': 'application/json; charset=latin1' },
      ],
    ];
    for (const [name, body, headers] of cases) {
      reachedExpress = [];
      const a = await post(withFront, body, headers);
      const viaFront = reachedExpress;
      reachedExpress = [];
      const b = await post(without, body, headers);
      expect({ name, status: a.status, body: await a.text() }).toEqual({
        name,
        status: b.status,
        body: await b.text(),
      });
      expect({ name, reached: viaFront }).toEqual({ name, reached: reachedExpress });
    }
  });
});

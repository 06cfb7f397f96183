import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_SELECTION_TIMEOUT_MS, connectDatabase } from '@portal/db';
import { freePort, startFerretdb, type StartedFerretdb } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  errorCodes,
  gql,
  internalTokenFor,
  testLogger,
  testServices,
  testViewer,
  uniqueName,
  waitUntil,
} from '@portal/testing';
import { startServer, type RunningForum } from '../src/server';
import { TEST_RULES } from './forum-harness';

// The forum on a FerretDB of its own, which this file stops and starts again: a write while
// the database is away is answered as retryable well inside the gateway's subgraph timeout.
let db: StartedFerretdb;
let dir: string;
let port: number;
let conn: Connection;
let redis: Redis;
let forum: RunningForum;
const citizen = testViewer('citizen');

const createThread = async (title: string) =>
  gql(
    forum.graphqlUrl,
    'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }',
    {
      variables: {
        input: { title, body: '<p>Nên mở rộng dịch vụ công trực tuyến.</p>', kind: 'PROPOSAL' },
      },
      internalToken: await internalTokenFor(citizen),
    },
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'forum-db-away-'));
  port = await freePort();
  db = await startFerretdb({ port, dir });
  conn = await connectDatabase({ uri: db.uri, dbName: 'forum_db_away' });
  redis = new Redis(testServices().redisUrl, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
  });
  forum = await startServer({
    port: 0,
    host: '127.0.0.1',
    internalTokenSecret: TEST_INTERNAL_SECRET,
    production: false,
    logger: testLogger('forum-db-away'),
    connection: conn,
    redis,
    queuePrefix: uniqueName('db-away'),
    rules: TEST_RULES,
  });
}, 180_000);

afterAll(async () => {
  await forum?.close();
  await conn?.close().catch(() => {});
  redis?.disconnect();
  await db?.process.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a write while the database is away', () => {
  it('is answered within seconds with SERVICE_UNAVAILABLE and retryAfter, and works again when it returns', async () => {
    expect(errorCodes(await createThread(`Trước khi dừng ${uniqueName('t')}`))).toEqual([]);
    await db.process.stop();
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await createThread(`Khi cơ sở dữ liệu vắng ${i} ${uniqueName('t')}`);
      timings.push(performance.now() - started);
      expect(res.errors?.[0]?.extensions, JSON.stringify(res.errors)).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        retryAfter: 5,
      });
      expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|Mongo\w*Error|ECONN/);
    }
    // Each bounded by the database's server selection (2 s), well inside the gateway's timeout.
    for (const ms of timings) expect(ms).toBeLessThan(SERVER_SELECTION_TIMEOUT_MS + 3000);
    db = await startFerretdb({ port, dir });
    await waitUntil(
      async () => errorCodes(await createThread(`Sau ${uniqueName('t')}`)).length === 0,
      {
        what: 'a thread created after the database returned',
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
  }, 180_000);
});

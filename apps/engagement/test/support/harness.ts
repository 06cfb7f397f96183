import type { Redis } from 'ioredis';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { createLogger } from '@portal/logger';
import { Outbox, createRedisConnection } from '@portal/queue';
import {
  gql,
  internalTokenFor,
  testServices,
  uniqueName,
  useTestDatabase,
  TEST_INTERNAL_SECRET,
  type GraphQLResponse,
  type TestDatabase,
} from '@portal/testing';
import {
  closeProducers,
  createProducers,
  type EngagementProducers,
} from '../../src/jobs/producers';
import type { EngagementModels } from '../../src/models';
import { prepareDatabase } from '../../src/models';
import { startServer, type RunningEngagementServer } from '../../src/server';

export const PUBLIC_BASE_URL = 'https://cds.hochiminhcity.gov.vn';

export const logger = createLogger({
  service: 'engagement-test',
  level: process.env.PORTAL_TEST_LOGS === '1' ? 'debug' : 'silent',
  pretty: false,
});

/** A clock tests move by hand. */
export class TestClock {
  constructor(public current = new Date()) {}
  readonly now = () => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Engagement {
  db: TestDatabase;
  server: RunningEngagementServer;
  models: EngagementModels;
  conn: Connection;
  redis: Redis;
  queuePrefix: string;
  producers: EngagementProducers;
  clock: TestClock;
  /** Database commands seen since the last reset, as `command collection`. */
  commands: string[];
  /** Runs an operation as `viewer` (null: anonymous) over real HTTP, with an optional client key. */
  call<T = Record<string, any>>(
    viewer: Viewer | null,
    query: string,
    variables?: Record<string, unknown>,
    clientKey?: string,
  ): Promise<GraphQLResponse<T>>;
}

/**
 * Starts the engagement subgraph in-process on this file's own database and queue prefix,
 * against the real FerretDB and Redis, for the file's tests.
 */
export function useEngagement(
  label: string,
  limits: {
    answersPerHour?: number;
    questionsPer10Min?: number;
    votesPerMinute?: number;
    newAccountDays?: number;
  } = {},
): Engagement {
  const db = useTestDatabase(label);
  const e = { db, commands: [] as string[], clock: new TestClock() } as Engagement;
  beforeAll(async () => {
    const { redisUrl } = testServices();
    e.conn = await mongoose
      .createConnection(db.uri, { dbName: db.dbName, monitorCommands: true })
      .asPromise();
    e.conn.getClient().on('commandStarted', (ev) => {
      const collection = (ev.command as Record<string, unknown>)[ev.commandName];
      e.commands.push(`${ev.commandName} ${String(collection)}`);
    });
    e.models = await prepareDatabase(e.conn);
    e.redis = createRedisConnection(redisUrl, 'producer');
    e.queuePrefix = uniqueName(label);
    e.producers = createProducers(e.redis, e.queuePrefix);
    const outbox = new Outbox(e.conn, e.producers, logger);
    e.server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        production: false,
        internalTokenSecret: TEST_INTERNAL_SECRET,
        publicBaseUrl: PUBLIC_BASE_URL,
        redisPrefix: e.queuePrefix,
        answersPerHour: limits.answersPerHour ?? 1000,
        questionsPer10Min: limits.questionsPer10Min ?? 1000,
        votesPerMinute: limits.votesPerMinute ?? 1000,
        newAccountDays: limits.newAccountDays ?? 0,
      },
      {
        conn: e.conn,
        redis: e.redis,
        outbox,
        events: e.producers['engagement-events'],
        logger,
        now: e.clock.now,
      },
    );
    e.call = async (viewer, query, variables, clientKey) =>
      gql(e.server.graphqlUrl, query, {
        variables,
        // The gateway sends a token for anonymous callers too (with their client key).
        internalToken: await internalTokenFor(viewer ?? ANONYMOUS, { clientKey }),
      });
  });
  afterAll(async () => {
    await e.server?.close();
    if (e.producers) await closeProducers(e.producers);
    e.redis?.disconnect();
    await e.conn?.close();
  });
  return e;
}

/** The data of a response, failing the test with the errors when there is none. */
export function dataOf<T>(res: GraphQLResponse<T>, field: keyof T & string): any {
  if (res.errors?.length || !res.data?.[field])
    throw new Error(`${field} failed: ${JSON.stringify(res.errors)}`);
  return res.data[field];
}

import { Redis } from 'ioredis';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, expect } from 'vitest';
import { ANONYMOUS, type Role, type Viewer } from '@portal/auth';
import { createLogger, type Logger } from '@portal/logger';
import { errorCodes, gql, type GraphQLResponse } from './graphql-client';
import { testServices, uniqueName, useTestDatabase, type TestDatabase } from './test-env';
import { internalTokenFor, testViewer } from './viewers';

/** Who calls: a role (its test viewer), a viewer, or nobody (anonymous). */
export type Caller = Role | Viewer | null;

export interface CallOptions {
  /** The client key the gateway derives for the caller (per-client limits, view counting). */
  clientKey?: string;
  operationName?: string;
  headers?: Record<string, string>;
}

/** What a test file's subgraph runs on: its own database and queue prefix. */
export interface SubgraphTestEnv {
  /** This file's database (dropped after its tests). */
  dbName: string;
  /** A connection to it that records every command in `commands`. */
  conn: Connection;
  /** A producer connection (fails fast) to the test Redis. */
  redis: Redis;
  redisUrl: string;
  /** This file's queue and Redis key prefix. */
  prefix: string;
  /** Silent unless PORTAL_TEST_LOGS=1. */
  logger: Logger;
  /** Runs `close` after the server has closed (in reverse order of registration). */
  onClose(close: () => unknown): void;
}

export interface RunningTestSubgraph {
  graphqlUrl: string;
  close(): Promise<void>;
}

export interface SubgraphHarness<S extends RunningTestSubgraph> extends SubgraphTestEnv {
  server: S;
  /** Database commands since the last `resetCommands()`, as `command collection`. */
  commands: string[];
  resetCommands(): void;
  /** Runs an operation over real HTTP as the gateway would send it for `who`. */
  call<T = Record<string, any>>(
    who: Caller,
    query: string,
    variables?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<GraphQLResponse<T>>;
}

/** The logger test servers use: silent unless PORTAL_TEST_LOGS=1. */
export function testLogger(service: string): Logger {
  return createLogger({
    service,
    level: process.env.PORTAL_TEST_LOGS === '1' ? 'debug' : 'silent',
    pretty: false,
    destination: process.stderr,
  });
}

/** The viewer a caller stands for. */
export function viewerOf(who: Caller): Viewer {
  return typeof who === 'string' ? testViewer(who) : (who ?? ANONYMOUS);
}

/**
 * The one integration harness: for the calling test file, opens a database of its own on
 * the test FerretDB (with command counting) and a Redis connection with a queue prefix of
 * its own, runs `start` to build and start the subgraph in-process on real HTTP, and closes
 * everything after the file's tests. `start` returns the running server plus whatever the
 * app's tests want to reach (models, services, queues); those land on the harness, which is
 * filled in `beforeAll`. `db` shares a database the file opened itself (for what runs beside
 * the subgraph on the same data, e.g. a catalog sync).
 */
export function useSubgraph<S extends RunningTestSubgraph, X extends object = object>(
  label: string,
  start: (env: SubgraphTestEnv) => Promise<{ server: S } & X>,
  options: { db?: TestDatabase } = {},
): SubgraphHarness<S> & X {
  const db = options.db ?? useTestDatabase(label);
  const closers: (() => unknown)[] = [];
  const h = {
    dbName: db.dbName,
    prefix: uniqueName(label),
    logger: testLogger(`${label}-test`),
    commands: [] as string[],
    onClose: (close: () => unknown) => void closers.push(close),
  } as SubgraphHarness<S> & X;
  h.resetCommands = () => void (h.commands.length = 0);
  h.call = async (who, query, variables, options) =>
    gql(h.server.graphqlUrl, query, {
      variables,
      operationName: options?.operationName,
      headers: options?.headers,
      // The gateway signs a token for anonymous callers too, with their client key.
      internalToken: await internalTokenFor(viewerOf(who), { clientKey: options?.clientKey }),
    });
  beforeAll(async () => {
    h.redisUrl = testServices().redisUrl;
    h.conn = await mongoose
      .createConnection(db.uri, { dbName: db.dbName, monitorCommands: true })
      .asPromise();
    h.conn.getClient().on('commandStarted', (e) => {
      const collection = (e.command as Record<string, unknown>)[e.commandName];
      h.commands.push(`${e.commandName} ${String(collection)}`);
    });
    // As @portal/queue's producer connection (which this lib cannot import: queue's own
    // tests use it): fail fast rather than queue commands while Redis is away.
    h.redis = new Redis(h.redisUrl, {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: false,
      connectTimeout: 5000,
      retryStrategy: (times) => Math.min(times * 200, 5000),
    });
    Object.assign(h, await start(h));
  });
  afterAll(async () => {
    await h.server?.close();
    for (const close of closers.reverse()) await close();
    h.redis?.disconnect();
    await h.conn?.close();
  });
  return h;
}

/**
 * Who may do what, as a table: for each caller (a role, or `anonymous`), the one error code
 * it gets, or `null` for an answer without errors.
 */
export type ErrorCodeTable = Partial<Record<Role | 'anonymous', string | null>>;

/** What an operation for editors and admins answers everyone else. */
export const EDITORS_AND_ADMINS_ONLY = {
  anonymous: 'UNAUTHENTICATED',
  citizen: 'FORBIDDEN',
  contributor: 'FORBIDDEN',
  moderator: 'FORBIDDEN',
  officer: 'FORBIDDEN',
} as const satisfies ErrorCodeTable;

/**
 * Calls an operation as each caller of `expected` (`null` for anonymous) and asserts the table
 * whole, so a failure names every caller that was answered otherwise. A code asserts that the
 * errors are exactly that one; `null` that the answer has no `errors` at all.
 */
export async function expectErrorCodes(
  call: (who: Role | null) => Promise<GraphQLResponse>,
  expected: ErrorCodeTable,
): Promise<void> {
  const answered: ErrorCodeTable = {};
  for (const key of Object.keys(expected) as (keyof ErrorCodeTable)[]) {
    const res = await call(key === 'anonymous' ? null : key);
    const codes = errorCodes(res);
    answered[key] = res.errors === undefined ? null : codes.length === 1 ? codes[0]! : codes.join();
  }
  expect(answered).toEqual(expected);
}

import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { afterAll } from 'vitest';

/** The secret test servers and test tokens share. */
export const TEST_INTERNAL_SECRET = 'test-internal-secret-0123456789abcdef';

/**
 * How a server under test listens (a subgraph's `SubgraphListen`): a free port on loopback,
 * development mode, answering the gateway's internal tokens signed with the test secret.
 */
export const TEST_LISTEN = {
  port: 0,
  host: '127.0.0.1',
  production: false,
  internalTokenSecret: TEST_INTERNAL_SECRET,
} as const;

export interface TestServices {
  mongoUri: string;
  redisUrl: string;
}

/** The real FerretDB/MongoDB and Redis that the global setup (or npm test) provided. */
export function testServices(): TestServices {
  const mongoUri = process.env.MONGODB_URI;
  const redisUrl = process.env.REDIS_URL;
  if (!mongoUri || !redisUrl) {
    throw new Error(
      "MONGODB_URI/REDIS_URL are not set: enable `services: true` in this project's vitest.config.ts",
    );
  }
  return { mongoUri, redisUrl };
}

/** A short unique name for a database or queue prefix owned by one test file. */
export function uniqueName(label: string): string {
  const clean = label.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 30);
  return `t_${clean}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  uri: string;
  dbName: string;
  /** A connection to the database, opened on first use. */
  connection(): Promise<Connection>;
}

/**
 * A fresh database for this test file, dropped after its tests, so files can run
 * in parallel against one server.
 */
export function useTestDatabase(label: string): TestDatabase {
  const { mongoUri } = testServices();
  const dbName = uniqueName(label);
  let conn: Promise<Connection> | undefined;
  const connection = () => (conn ??= mongoose.createConnection(mongoUri, { dbName }).asPromise());
  afterAll(async () => {
    const c = await connection();
    await c.dropDatabase().catch(() => {});
    await c.close();
  });
  return { uri: mongoUri, dbName, connection };
}

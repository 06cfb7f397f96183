import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { trackGraphChanges } from '@portal/db';
import { testServices, uniqueName, waitUntil } from '@portal/testing';
import { createRedisConnection, openSeedConnections, type SeedEnv } from '../src';

const { mongoUri, redisUrl } = testServices();
const seedEnv = (o: { dbName: string; queuePrefix: string; redisUrl?: string }): SeedEnv => ({
  MONGODB_URI: mongoUri,
  MONGODB_DB: o.dbName,
  REDIS_URL: o.redisUrl ?? redisUrl,
  QUEUE_PREFIX: o.queuePrefix,
  LOG_LEVEL: 'silent',
  LOG_FORMAT: 'json',
});

describe('the connections a seed writes through', () => {
  it("publishes the graph changes of the seed's writes on the queue prefix, and closes both", async () => {
    const dbName = uniqueName('seedconn');
    const queuePrefix = uniqueName('seedq');
    const seed = await openSeedConnections(seedEnv({ dbName, queuePrefix }), 'seed-test');
    const probe = createRedisConnection(redisUrl, 'worker');
    try {
      const schema = new Schema({ title: String });
      trackGraphChanges(schema, { type: 'Article' });
      const Articles = seed.conn.model('Article', schema);
      const keysBefore = await probe.keys(`${queuePrefix}*`);
      await Articles.insertMany([{ title: 'một' }, { title: 'hai' }]);
      // The insert reached Redis under the seed's prefix (where gateways and the assistant listen).
      await waitUntil(
        async () => (await probe.keys(`${queuePrefix}*`)).length > keysBefore.length,
        {
          what: 'the graph change in Redis',
        },
      );
      await seed.conn.dropDatabase();
    } finally {
      await seed.close();
      probe.disconnect();
    }
    expect(seed.conn.readyState).toBe(mongoose.ConnectionStates.disconnected);
    await waitUntil(() => seed.redis.status === 'end', { what: 'Redis closed' });
  });

  it('refuses to start without Redis when the seed counts there, and carries on without it otherwise', async () => {
    const env = seedEnv({
      dbName: uniqueName('seedconn'),
      queuePrefix: uniqueName('seedq'),
      redisUrl: 'redis://127.0.0.1:1',
    });
    await expect(openSeedConnections(env, 'seed-test', { redisRequired: true })).rejects.toThrow(
      /counts in Redis, which did not answer/,
    );
    const seed = await openSeedConnections(env, 'seed-test');
    expect(seed.conn.readyState).toBe(mongoose.ConnectionStates.connected);
    await seed.close();
  });
});

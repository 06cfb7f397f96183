import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { trackGraphChanges } from '@portal/db';
import { createLogger } from '@portal/logger';
import { testServices, uniqueName, waitUntil } from '@portal/testing';
import { createRedisConnection, openSeedConnections } from '../src';

const { mongoUri, redisUrl } = testServices();
const logger = createLogger({ service: 'seed-connections-test', level: 'silent', pretty: false });

describe('the connections a seed writes through', () => {
  it("publishes the graph changes of the seed's writes on the queue prefix, and closes both", async () => {
    const dbName = uniqueName('seedconn');
    const queuePrefix = uniqueName('seedq');
    const seed = await openSeedConnections({ mongoUri, dbName, redisUrl, queuePrefix, logger });
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
    const options = {
      mongoUri,
      dbName: uniqueName('seedconn'),
      redisUrl: 'redis://127.0.0.1:1',
      queuePrefix: uniqueName('seedq'),
      logger,
    };
    await expect(openSeedConnections({ ...options, redisRequired: true })).rejects.toThrow(
      /counts in Redis, which did not answer/,
    );
    const seed = await openSeedConnections(options);
    expect(seed.conn.readyState).toBe(mongoose.ConnectionStates.connected);
    await seed.close();
  });
});

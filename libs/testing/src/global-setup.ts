import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseAndRedis } from '@portal/local-services';

/**
 * Vitest global setup: gives integration tests a real FerretDB and a real Redis.
 * When MONGODB_URI / REDIS_URL are set (npm test starts one pair for all projects,
 * or you point at real servers), those are used and nothing is started.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-services-'));
  const services = await databaseAndRedis({
    dir,
    mongoUri: process.env.MONGODB_URI,
    redisUrl: process.env.REDIS_URL,
  });
  process.env.MONGODB_URI = services.mongoUri;
  process.env.REDIS_URL = services.redisUrl;
  return async () => {
    await services.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

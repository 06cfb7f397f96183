import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startFerretdb, startRedis, type ManagedProcess } from '@portal/local-services';

/**
 * Vitest global setup: gives integration tests a real FerretDB and a real Redis.
 * When MONGODB_URI / REDIS_URL are set (npm test starts one pair for all projects,
 * or you point at real servers), those are used and nothing is started.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const started: ManagedProcess[] = [];
  const dirs: string[] = [];
  if (!process.env.MONGODB_URI) {
    const dir = mkdtempSync(join(tmpdir(), 'portal-ferretdb-'));
    dirs.push(dir);
    const db = await startFerretdb({ port: await freePort(), dir });
    started.push(db.process);
    process.env.MONGODB_URI = db.uri;
  }
  if (!process.env.REDIS_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'portal-redis-'));
    dirs.push(dir);
    const redis = await startRedis({ port: await freePort(), dir, persistent: false });
    started.push(redis.process);
    process.env.REDIS_URL = redis.url;
  }
  return async () => {
    await Promise.all(started.map((p) => p.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
}

// The gateway: the one public entry (port 4000), over the subgraphs' static supergraph.
import { once } from 'node:events';
import { runService } from '@portal/service-runtime';
import { loadGatewayEnv } from './env';
import { startGateway } from './server';
import { loadGatewayConfig } from './startup';

const env = loadGatewayEnv();
await runService({ name: 'gateway', env }, async ({ conn: db, redis, logger, onClose }) => {
  const config = await loadGatewayConfig(env, logger);
  // Commands fail fast while Redis is away (no offline queue), so give it a moment at start;
  // if it stays away the gateway still serves, with /readyz reporting it.
  await Promise.race([once(redis, 'ready'), new Promise((r) => setTimeout(r, 10_000).unref())]);
  if (redis.status !== 'ready')
    logger.error('Redis is not reachable; rate limits and caches are off until it is');
  const gateway = await startGateway(config, { redis, db, logger });
  onClose(() => gateway.close());
});

import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDevKeyPair, type PersonTokenConfig } from '@portal/auth';
import { onTerminate } from '@portal/config';
import { connectDatabase } from '@portal/db';
import { createLogger, type Logger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { gatewayConfigFromEnv } from './config';
import { loadGatewayEnv, type GatewayEnv } from './env';
import { startGateway } from './server';

const env = loadGatewayEnv();
const production = env.NODE_ENV === 'production';
const logger = createLogger({
  service: 'gateway',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

function fail(message: string): never {
  logger.fatal(message);
  process.stderr.write(`gateway: ${message}\n`);
  process.exit(1);
}

/** The IdP's JWKS in production; locally the development key pair, created on first start. */
async function personTokenConfig(env: GatewayEnv, log: Logger): Promise<PersonTokenConfig> {
  const base = {
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    algorithms: env.JWT_ALGORITHMS,
    clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_SECONDS,
  };
  if (env.JWT_JWKS_URL) return { ...base, jwksUrl: env.JWT_JWKS_URL };
  if (env.JWT_PUBLIC_KEY_FILE && existsSync(env.JWT_PUBLIC_KEY_FILE))
    return { ...base, publicKeyPem: readFileSync(env.JWT_PUBLIC_KEY_FILE, 'utf8') };
  if (production)
    fail('JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE (an existing file) is required in production');
  const dir = resolve(env.DATA_DIR, 'keys');
  const keys = await ensureDevKeyPair(dir);
  log.warn({ dir }, 'verifying people with the local development key pair (npm run -s token)');
  return { ...base, publicKeyPem: keys.publicKeyPem };
}

function readSupergraph(path: string): string {
  if (!existsSync(path))
    fail(`no supergraph at ${path}: run \`npm run compose\` (or set SUPERGRAPH_PATH)`);
  return readFileSync(path, 'utf8');
}

function readContract(path: string): string | null {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  if (env.SAFELIST)
    fail(`SAFELIST is on but the contract file ${path} does not exist (CONTRACT_PATH)`);
  logger.warn({ path }, 'contract operations not found; metrics label every operation "other"');
  return null;
}

const config = gatewayConfigFromEnv(env, {
  supergraphSdl: readSupergraph(env.SUPERGRAPH_PATH),
  contractSource: readContract(env.CONTRACT_PATH),
  personToken: await personTokenConfig(env, logger),
});
const db = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
const redis = createRedisConnection(env.REDIS_URL, 'client');
redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
// Commands fail fast while Redis is away (no offline queue), so give it a moment at start;
// if it stays away the gateway still serves, with /readyz reporting it.
await Promise.race([
  once(redis, 'ready'),
  new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
]);
if (redis.status !== 'ready')
  logger.error('Redis is not reachable; rate limits and caches are off until it is');
const gateway = await startGateway(config, { redis, db, logger });

onTerminate(
  async () => {
    await gateway.close();
    await redis.quit();
    await db.close();
  },
  { log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)) },
);

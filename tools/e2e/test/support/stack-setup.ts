// Starts the whole portal exactly as `npm start` does (mail sink and hotline simulator, on
// shifted ports, with demo data) for the end-to-end suite: on the MongoDB and Redis that
// MONGODB_URI / REDIS_URL name, like the rest of the suite (in databases and a queue prefix
// of its own, dropped at the end), else on its own FerretDB and Redis.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { DEFAULT_PORTS } from '@portal/config';
import {
  APP_BUNDLES_ENV,
  buildPortalWeb,
  freeStackOffset,
  startPortalStack,
} from '@portal/local-services';

export default async function setup(): Promise<() => Promise<void>> {
  // PORT_OFFSET pins the ports (a helper sharing the machine uses the offset given to it).
  const offset = process.env.PORT_OFFSET
    ? Number(process.env.PORT_OFFSET)
    : await freeStackOffset();
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  // The web portal is served from its production build, as deployed (the browser tests and
  // Lighthouse measure what people would get, not Vite's development server), built into
  // a folder of the run's own.
  const portalBuild = await buildPortalWeb();
  const { MONGODB_URI: mongoUri, REDIS_URL: redisUrl } = process.env;
  // (Not @portal/testing's uniqueName: a global setup must not load vitest.)
  const prefix = `e2e_${randomBytes(4).toString('hex')}`;
  const given: NodeJS.ProcessEnv = {
    ...(mongoUri ? { MONGODB_URI: mongoUri, MONGODB_DB_PREFIX: prefix } : {}),
    ...(redisUrl ? { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix } : {}),
  };
  const env: NodeJS.ProcessEnv = {
    ...given,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // The apps start from the run's bundles when npm test has built them.
    [APP_BUNDLES_ENV]: process.env[APP_BUNDLES_ENV],
    PORT_OFFSET: String(offset),
    DATA_DIR: dataDir,
    // The run's own (not the workspace's .env): the federation benchmark's smoke run signs
    // its subgraph calls with it.
    INTERNAL_TOKEN_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    // The suite runs beside other projects' tests: a busy machine starts apps slowly.
    START_TIMEOUT_MS: '300000',
    // The hotline simulator answers within a second instead of half a minute.
    SIM_ACK_DELAY_MS: '300',
    SIM_PROGRESS_DELAY_MS: '300',
    SIM_CLOSE_DELAY_MS: '300',
    CONTENT_VIEW_FLUSH_INTERVAL_MS: '1000',
    // The suite is one address doing the work of many citizens and staff, file after file:
    // the gateway's per-client allowance (300 a minute anonymous, 600 signed in) would refuse
    // a file that starts right after a busy one. The per-operation limits the security suite
    // attacks (tracking lookups, feedback, votes…) stay as deployed; the gateway's own tests
    // cover its allowance.
    RATE_LIMIT_ANONYMOUS: '100000',
    RATE_LIMIT_PERSON: '100000',
    PORTAL_WEB_BUILD_DIR: portalBuild,
  };
  const { child, graphUrl } = await startPortalStack(env, {
    exitedEarly: 'the stack exited while starting',
    tailLines: 60,
    keepLines: 400,
  });
  process.env.E2E_GRAPH_URL = graphUrl.replace('localhost', '127.0.0.1');
  process.env.E2E_BASE_URL = graphUrl.replace(/\/graphql$/, '');
  process.env.E2E_MAIL_URL = `http://127.0.0.1:${DEFAULT_PORTS.smtpHttp + offset}`;
  process.env.E2E_MONGODB_URI =
    mongoUri ?? `mongodb://127.0.0.1:${DEFAULT_PORTS.ferretdb + offset}/`;
  if (mongoUri) process.env.E2E_DB_PREFIX = prefix;
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_PORT_OFFSET = String(offset);
  process.env.E2E_INTERNAL_TOKEN_SECRET = env.INTERNAL_TOKEN_SECRET;
  process.env.E2E_REDIS_URL = redisUrl ?? `redis://127.0.0.1:${DEFAULT_PORTS.redis + offset}`;
  process.env.E2E_PORTAL_URL = `http://127.0.0.1:${DEFAULT_PORTS['portal-web'] + offset}`;

  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    if (mongoUri) await dropDatabases(mongoUri, `${prefix}_`);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(portalBuild, { recursive: true, force: true });
  };
}

/** Drops the databases whose names start with `prefix` (this run's, on a shared server). */
async function dropDatabases(uri: string, prefix: string): Promise<void> {
  const client = await new MongoClient(uri).connect();
  try {
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of databases)
      if (name.startsWith(prefix)) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

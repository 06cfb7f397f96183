import { join } from 'node:path';
import {
  ManagedProcess,
  entryArgs,
  freePort,
  runTsx,
  waitForHttp,
  workspaceRoot,
  type ProcessResult,
} from '@portal/local-services';
import { TEST_INTERNAL_SECRET, testServices } from './test-env';

export interface SpawnedApp {
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Runs an app entry point (`apps/<app>/src/<entry>.ts`) as a real child process, as
 * production would (from its bundle when the run has built them: `entryArgs`), and waits for
 * `healthUrl` when given. Output goes to the test log only when PORTAL_TEST_LOGS=1.
 */
export async function spawnApp(
  app: string,
  entry: 'main' | 'worker' | string,
  env: Record<string, string>,
  healthUrl?: string,
): Promise<SpawnedApp> {
  const root = workspaceRoot();
  const proc = new ManagedProcess({
    name: `${app}:${entry}`,
    command: process.execPath,
    args: entryArgs(join(root, 'apps', app, 'src', `${entry}.ts`)),
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...env,
    },
    output: process.env.PORTAL_TEST_LOGS === '1' ? 'prefix' : 'ignore',
  });
  if (healthUrl) await waitForHttp(healthUrl, { timeoutMs: 60_000, isAlive: () => proc.running });
  return { process: proc, stop: () => proc.stop() };
}

/**
 * The environment a portal process under test shares with the test file: the test FerretDB
 * (database `dbName`), the test Redis (queues and keys under `queuePrefix`) and the secret
 * test tokens are signed with.
 */
export function testProcessEnv(dbName: string, queuePrefix: string): Record<string, string> {
  const { mongoUri, redisUrl } = testServices();
  return {
    MONGODB_URI: mongoUri,
    MONGODB_DB: dbName,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
  };
}

export interface ServingApp extends SpawnedApp {
  /** `http://127.0.0.1:<port>`, the port it serves on. */
  url: string;
}

/**
 * `spawnApp` for an entry that serves HTTP: on a free port, given as `PORT` (a subgraph's
 * main) or `OPS_PORT` (a worker's health endpoints), waiting for `/healthz` or, with
 * `waitFor: '/readyz'`, for readiness.
 */
export async function spawnServingApp(
  app: string,
  entry: 'main' | 'worker' | string,
  env: Record<string, string>,
  options: { portVariable?: 'PORT' | 'OPS_PORT'; waitFor?: '/healthz' | '/readyz' } = {},
): Promise<ServingApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const portVariable = options.portVariable ?? (entry === 'worker' ? 'OPS_PORT' : 'PORT');
  const spawned = await spawnApp(
    app,
    entry,
    { ...env, [portVariable]: String(port) },
    `${url}${options.waitFor ?? '/healthz'}`,
  );
  return { ...spawned, url };
}

/**
 * Runs an app entry point (`apps/<app>/src/<entry>.ts`) to its end, as production would start
 * it, with PATH, HOME, NODE_ENV=test and `env` for its whole environment, and returns its exit
 * status and output: for seeds, CLIs and the checks an entry makes before anything connects.
 */
export function runEntry(
  app: string,
  entry: string,
  env: Record<string, string | undefined>,
  options: { args?: readonly string[]; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  const root = workspaceRoot();
  return runTsx(join(root, 'apps', app, 'src', `${entry}.ts`), options.args ?? [], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...env },
    timeoutMs: options.timeoutMs,
  });
}

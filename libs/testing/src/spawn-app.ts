import { join } from 'node:path';
import { ManagedProcess, entryArgs, waitForHttp, workspaceRoot } from '@portal/local-services';

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

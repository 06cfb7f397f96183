import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './paths';
import { runProcess } from './run-process';

/**
 * Builds the web portal's production bundle (React Router's client and server build) into a
 * new folder of its own and returns its path: the end-to-end suite serves its build for ten
 * minutes while the deployment checks rebuild `dist/apps/portal-web` beside it, so builds made
 * for a run never share a folder. The folder is under the workspace's `tmp/` (the server build
 * finds `react` and the other packages in the workspace's node_modules from there); the caller
 * removes it when done.
 */
export async function buildPortalWeb(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const root = workspaceRoot();
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const outDir = mkdtempSync(join(root, 'tmp', 'portal-web-build-'));
  const built = await runProcess(
    process.execPath,
    [join(root, 'node_modules/@react-router/dev/bin.js'), 'build', 'apps/portal-web'],
    {
      cwd: root,
      // react-router.config.ts builds into PORTAL_WEB_BUILD_DIR when it is set.
      env: { ...env, NODE_ENV: 'production', PORTAL_WEB_BUILD_DIR: outDir },
      timeoutMs: 600_000,
    },
  );
  if (built.status !== 0)
    throw new Error(`building the web portal failed:\n${built.stdout}\n${built.stderr}`);
  return outDir;
}

import { join } from 'node:path';
import { workspaceRoot } from './paths';
import { runProcess } from './run-process';

/**
 * Builds the web portal's production bundle (React Router's client and server build) into
 * `outDir`, a folder of the caller's own: the end-to-end suite serves its build for ten
 * minutes while the deployment checks rebuild `dist/apps/portal-web` beside it, so builds
 * made for a run never share a folder. Resolves with `outDir`.
 */
export async function buildPortalWeb(
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const root = workspaceRoot();
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

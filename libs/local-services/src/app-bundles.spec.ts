import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_BUNDLES_ENV, bundleApps, entryArgs } from './app-bundles';
import { workspaceRoot } from './paths';
import { runProcess } from './run-process';

const root = workspaceRoot();
mkdirSync(join(root, 'tmp'), { recursive: true });
const dir = mkdtempSync(join(root, 'tmp', 'app-bundles-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('app bundles for a test run', () => {
  it('runs an app entry point from its bundle when the run has one, else from the source through tsx', () => {
    const bundles = mkdtempSync(join(dir, 'fake-'));
    mkdirSync(join(bundles, 'apps', 'forum', 'cli'), { recursive: true });
    writeFileSync(join(bundles, 'apps', 'forum', 'main.js'), '');
    writeFileSync(join(bundles, 'apps', 'forum', 'cli', 'tool.js'), '');
    const env = { [APP_BUNDLES_ENV]: bundles };
    const main = join(root, 'apps/forum/src/main.ts');

    expect(entryArgs(main, env)).toEqual([
      '--enable-source-maps',
      join(bundles, 'apps/forum/main.js'),
    ]);
    expect(entryArgs('apps/forum/src/cli/tool.ts', env)).toEqual([
      '--enable-source-maps',
      join(bundles, 'apps/forum/cli/tool.js'),
    ]);
    // No bundle of that entry, not an app's entry point, or no bundles at all: the source.
    const worker = join(root, 'apps/forum/src/worker.ts');
    expect(entryArgs(worker, env)).toEqual(['--import', 'tsx', worker]);
    const tool = join(root, 'tools/dev-services/src/start.ts');
    expect(entryArgs(tool, env)).toEqual(['--import', 'tsx', tool]);
    expect(entryArgs(main, {})).toEqual(['--import', 'tsx', main]);
    expect(entryArgs(main, { [APP_BUNDLES_ENV]: '' })).toEqual(['--import', 'tsx', main]);
  });

  it('bundles every app with entry points, as the images do, and a bundle runs', async () => {
    const bundles = join(dir, 'real');
    const apps = await bundleApps(root, bundles);

    expect(apps).toEqual(expect.arrayContaining(['content', 'forum', 'gateway', 'notifier']));
    // The web portal serves its React Router build instead.
    expect(apps).not.toContain('portal-web');
    for (const app of apps) expect(existsSync(join(bundles, 'apps', app, 'main.js'))).toBe(true);
    expect(existsSync(join(bundles, 'apps/forum/worker.js'))).toBe(true);
    expect(existsSync(join(bundles, 'apps/forum/schema.graphql'))).toBe(true);
    // With the shared schema parts it includes, beside it.
    expect(readdirSync(join(bundles, 'apps/forum/sdl'))).toEqual(
      readdirSync(join(root, 'libs/graphql-kit/sdl')),
    );
    expect(readFileSync(join(bundles, 'apps/forum/sdl/page-info.graphql'), 'utf8')).toBe(
      readFileSync(join(root, 'libs/graphql-kit/sdl/page-info.graphql'), 'utf8'),
    );
    expect(lstatSync(join(bundles, 'apps/library/assets')).isSymbolicLink()).toBe(true);

    const [, bundle] = entryArgs(join(root, 'apps/gateway/src/cli/apikey.ts'), {
      [APP_BUNDLES_ENV]: bundles,
    });
    expect(bundle).toBe(join(bundles, 'apps/gateway/cli/apikey.js'));
    const run = await runProcess(process.execPath, [bundle!, '--help'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development' },
      timeoutMs: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('npm run -s apikey -- create');
  }, 120_000);
});

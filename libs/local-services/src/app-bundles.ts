import { copyFileSync, cpSync, existsSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build, stop as stopEsbuild } from 'esbuild';
import { workspaceRoot } from './paths';

/** Where a run's app bundles are (set by `npm test`); unset, apps run from source through tsx. */
export const APP_BUNDLES_ENV = 'PORTAL_APP_BUNDLES';

/** An app's entry points: `src/{main,worker,seed}.ts` and every `src/cli/*.ts`. */
export function appEntryPoints(root: string, app: string): string[] {
  const src = join(root, 'apps', app, 'src');
  const entries = ['main', 'worker', 'seed'].map((e) => join(src, `${e}.ts`)).filter(existsSync);
  const cliDir = join(src, 'cli');
  if (existsSync(cliDir))
    for (const f of readdirSync(cliDir))
      if (f.endsWith('.ts') && !f.endsWith('.spec.ts')) entries.push(join(cliDir, f));
  return entries;
}

/**
 * Bundles an app's entry points into `outdir` as the container images run them: workspace
 * libs inlined (path aliases resolved), npm packages external (found in node_modules at run
 * time, so `outdir` must lie inside the workspace), its `schema.graphql` beside the bundle
 * and the shared schema parts (`libs/graphql-kit/sdl`) in `sdl/`, where the inlined
 * `loadSchemaFile` looks for them.
 * Returns the number of entry points.
 */
export async function bundleApp(root: string, app: string, outdir: string): Promise<number> {
  const src = join(root, 'apps', app, 'src');
  const entries = appEntryPoints(root, app);
  if (entries.length === 0) return 0;
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outbase: src,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
    // Data files (reference data JSON) are bundled; schema files are copied beside the bundle.
    loader: { '.json': 'json' },
  });
  const schema = join(root, 'apps', app, 'schema.graphql');
  if (existsSync(schema)) {
    copyFileSync(schema, join(outdir, 'schema.graphql'));
    cpSync(join(root, 'libs', 'graphql-kit', 'sdl'), join(outdir, 'sdl'), { recursive: true });
  }
  return entries.length;
}

/**
 * Bundles every app with entry points into `<dir>/apps/<app>/` (the same layout as `dist`),
 * for a test run to start the apps as production does, each process loading one bundle
 * instead of compiling hundreds of TypeScript modules through tsx's loader hooks (about twice
 * the CPU per start). An app's own files that its code finds beside the bundle (the
 * library's sample `assets`) are linked in.
 */
export async function bundleApps(root: string, dir: string): Promise<string[]> {
  // Not the web portal: it serves its React Router build (or, without one, its sources
  // through Vite), which its tests build themselves.
  const apps = readdirSync(join(root, 'apps')).filter(
    (app) =>
      appEntryPoints(root, app).length > 0 &&
      !existsSync(join(root, 'apps', app, 'react-router.config.ts')),
  );
  await Promise.all(
    apps.map(async (app) => {
      const outdir = join(dir, 'apps', app);
      await bundleApp(root, app, outdir);
      const assets = join(root, 'apps', app, 'assets');
      if (existsSync(assets)) symlinkSync(assets, join(outdir, 'assets'));
    }),
  );
  // esbuild's service process would otherwise outlive the caller's use of it (`npm start`
  // must leave no process behind when it stops); a later build starts another.
  await stopEsbuild();
  return apps;
}

/**
 * The Node arguments that run a TypeScript entry point: its bundle when `PORTAL_APP_BUNDLES`
 * names a folder holding one (`apps/<app>/src/x.ts` → `<dir>/apps/<app>/x.js`), else the
 * source through tsx, as `npm start` and a lone test file do. A relative `file` is taken from
 * the workspace's root.
 */
export function entryArgs(file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const bundles = env[APP_BUNDLES_ENV];
  const root = workspaceRoot();
  const rel = relative(join(root, 'apps'), resolve(root, file));
  const parts = rel.split(sep);
  if (bundles && parts.length >= 3 && parts[1] === 'src' && !rel.startsWith('..')) {
    const bundle = join(bundles, 'apps', parts[0]!, ...parts.slice(2)).replace(/\.ts$/, '.js');
    if (existsSync(bundle)) return ['--enable-source-maps', bundle];
  }
  return ['--import', 'tsx', file];
}

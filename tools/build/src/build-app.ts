// Bundles an app's entry points (main, worker, seed, cli/*) into dist/apps/<app>/ with
// esbuild: workspace libs are inlined (path aliases resolved), npm packages stay external
// and come from node_modules at run time. The container images run these bundles.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleApp, workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';

const app = process.argv[2];
if (!app) {
  process.stderr.write('usage: tsx tools/build/src/build-app.ts <app>\n');
  process.exit(2);
}
const root = workspaceRoot();
const outdir = join(root, 'dist', 'apps', app);
const entries = await bundleApp(root, app, outdir);
if (entries === 0) {
  process.stderr.write(`apps/${app} has no entry point\n`);
  process.exit(1);
}
if (app === 'gateway') {
  // The gateway's bundle carries what it serves: the supergraph, composed now from the
  // subgraphs' schema files (never a stale local copy), and the contract SAFELIST allows.
  const composed = composeSupergraph(root);
  if (!composed.ok) {
    process.stderr.write(`supergraph composition failed:\n  - ${composed.errors.join('\n  - ')}\n`);
    process.exit(1);
  }
  writeFileSync(join(outdir, 'supergraph.graphql'), composed.supergraphSdl);
  copyFileSync(join(root, 'contract', 'operations.graphql'), join(outdir, 'operations.graphql'));
}
// A React Router app (the web portal) also gets its client and server build beside main.js.
if (existsSync(join(root, 'apps', app, 'react-router.config.ts'))) {
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@react-router/dev/bin.js'), 'build', join('apps', app)],
    // Into this app's dist folder, whatever PORTAL_WEB_BUILD_DIR the caller has.
    { cwd: root, stdio: 'inherit', env: { ...process.env, PORTAL_WEB_BUILD_DIR: outdir } },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}
process.stdout.write(`built apps/${app} → dist/apps/${app} (${entries} entry points)\n`);

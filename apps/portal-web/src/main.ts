// The reference web portal: read env, serve pages (and the ops routes on OPS_PORT), stop on SIGTERM.
import { runHttpApp } from '@portal/service-runtime';
import { serverOptionsFromEnv } from './config';
import { loadPortalWebEnv } from './env';
import { createPortalWebOps } from './ops';
import { startPortalWeb } from './server';

const env = loadPortalWebEnv();
await runHttpApp({ name: 'portal-web', env }, async (rt) => {
  const options = serverOptionsFromEnv(env);
  const { config, buildDir } = options;
  if (!buildDir && rt.production)
    rt.refuse(
      'no production build found: run `npx nx build portal-web` or set PORTAL_WEB_BUILD_DIR',
    );
  const ops = createPortalWebOps({ graphqlUrl: config.graphqlUrl, metrics: rt.metrics });
  rt.addReadiness(ops.readiness);
  const web = await startPortalWeb({ ...options, ops });
  rt.logger.info(
    {
      url: config.publicUrl,
      opsPort: rt.opsPort,
      build: buildDir ?? 'vite (development)',
      auth: config.auth.mode,
    },
    'web portal listening',
  );
  return web;
});

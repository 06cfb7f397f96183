// The reference web portal: read env, serve pages (and the ops routes on OPS_PORT), stop on SIGTERM.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTerminate } from '@portal/config';
import { createLogger } from '@portal/logger';
import type { PortalConfig } from '../app/lib/context';
import { loadPortalWebEnv } from './env';
import { createPortalWebOps } from './ops';
import { findBuild, startPortalWeb } from './server';

const env = loadPortalWebEnv();
const logger = createLogger({
  service: 'portal-web',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});
const here = fileURLToPath(new URL('.', import.meta.url));

const publicUrl = env.PORTAL_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
const config: PortalConfig = {
  graphqlUrl: `${env.GATEWAY_URL}/graphql`,
  publicUrl,
  gatewayPublicUrl: env.PUBLIC_BASE_URL ?? env.GATEWAY_URL,
  production: env.NODE_ENV === 'production',
  sessionSecret: env.SESSION_SECRET,
  auth:
    env.AUTH_MODE === 'oidc'
      ? {
          mode: 'oidc',
          issuer: env.OIDC_ISSUER!,
          clientId: env.OIDC_CLIENT_ID!,
          ...(env.OIDC_CLIENT_SECRET ? { clientSecret: env.OIDC_CLIENT_SECRET } : {}),
          scopes: env.OIDC_SCOPES,
        }
      : { mode: 'dev', keysDir: resolve(env.DATA_DIR, 'keys') },
};

const buildDir = findBuild(env.PORTAL_WEB_BUILD_DIR && resolve(env.PORTAL_WEB_BUILD_DIR), here);
if (!buildDir && env.NODE_ENV === 'production') {
  logger.error(
    'no production build found: run `npx nx build portal-web` or set PORTAL_WEB_BUILD_DIR',
  );
  process.exit(1);
}

const ops = createPortalWebOps({ graphqlUrl: config.graphqlUrl });
const opsServer = await ops.start({ port: env.OPS_PORT, host: env.HOST });
const web = await startPortalWeb({
  port: env.PORT,
  host: env.HOST,
  config,
  ...(buildDir ? { buildDir } : {}),
  appRoot: resolve(here, '..'),
  mediaOrigins: env.MEDIA_ORIGINS,
  ops,
});
logger.info(
  {
    url: publicUrl,
    opsPort: opsServer.port,
    build: buildDir ?? 'vite (development)',
    auth: config.auth.mode,
  },
  'web portal listening',
);

onTerminate(
  async () => {
    await web.close();
    await opsServer.close();
  },
  {
    log: (msg, err) => (err ? logger.error({ err }, msg) : logger.info(msg)),
  },
);

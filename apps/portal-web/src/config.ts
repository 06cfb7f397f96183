// The web portal's settings from its checked environment: what the pages read (PortalConfig)
// and how its server starts (port, the build to serve, media origins).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PortalConfig } from '../app/lib/context';
import type { PortalWebEnv } from './env';
import { findBuild, type PortalWebOptions } from './server';

/** The folder of the running entry point: src/ under tsx, the bundle's folder (main.js) in production. */
const here = fileURLToPath(new URL('.', import.meta.url));

/** What every page's load context carries as `config`. */
export function portalConfigFromEnv(env: PortalWebEnv): PortalConfig {
  return {
    graphqlUrl: `${env.GATEWAY_URL}/graphql`,
    publicUrl: env.PORTAL_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
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
}

/**
 * startPortalWeb's options but its ops side: the build is PORTAL_WEB_BUILD_DIR, else one
 * beside the running bundle; without one, Vite serves the app from its sources.
 */
export function serverOptionsFromEnv(env: PortalWebEnv): Omit<PortalWebOptions, 'ops'> {
  const buildDir = findBuild(env.PORTAL_WEB_BUILD_DIR && resolve(env.PORTAL_WEB_BUILD_DIR), here);
  return {
    port: env.PORT,
    host: env.HOST,
    config: portalConfigFromEnv(env),
    ...(buildDir ? { buildDir } : {}),
    appRoot: resolve(here, '..'),
    mediaOrigins: env.MEDIA_ORIGINS,
  };
}

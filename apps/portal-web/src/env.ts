import {
  DEFAULT_PORTS,
  baseEnv,
  csv,
  devDefault,
  httpEnv,
  isProductionSchema,
  loadEnv,
  opsPortEnv,
  serviceUrl,
  z,
} from '@portal/config';

/** The web portal's variables (exported for tests of the defaults). */
export function portalWebEnvShape() {
  return {
    ...baseEnv(),
    ...httpEnv(DEFAULT_PORTS['portal-web']),
    /** /healthz, /readyz (the gateway answers) and /metrics, off the public port. */
    ...opsPortEnv(DEFAULT_PORTS.portalWebOps),
    /** The gateway, as this server reaches it (the portal talks to nothing else). */
    GATEWAY_URL: serviceUrl(DEFAULT_PORTS.gateway),
    /** Where people reach the portal (canonical links, OpenGraph, sitemap); default http://localhost:<PORT>. */
    PORTAL_PUBLIC_URL: z
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    /** Where browsers reach the gateway's files and audio (PUBLIC_BASE_URL of the services); allowed by the CSP. */
    PUBLIC_BASE_URL: z
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    /** Signs the session cookie; at least 32 characters. */
    SESSION_SECRET: devDefault(
      z.string().min(32, 'must be at least 32 characters'),
      'development-only-session-secret-not-for-production',
    ),
    /**
     * `dev`: a role picker that mints development tokens with the local identity provider's
     * key (never in production); `oidc`: authorization-code flow with PKCE at OIDC_ISSUER.
     */
    AUTH_MODE: z.enum(['dev', 'oidc']).default(isProductionSchema() ? 'oidc' : 'dev'),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** Only for confidential clients; public clients rely on PKCE alone. */
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().default('openid profile email'),
    /** Local state; the development identity provider's key pair is in `<DATA_DIR>/keys`. */
    DATA_DIR: z.string().default('.data'),
    /** A production build (`nx build portal-web` output) to serve; default: beside this file, else Vite in development. */
    PORTAL_WEB_BUILD_DIR: z.string().optional(),
    /** More origins the CSP allows for images and media (comma-separated). */
    MEDIA_ORIGINS: csv().default([]),
  };
}

export type PortalWebEnv = ReturnType<typeof loadPortalWebEnv>;

export function loadPortalWebEnv() {
  return loadEnv('portal-web', portalWebEnvShape, (env) => {
    const problems: string[] = [];
    if (env.AUTH_MODE === 'dev' && env.NODE_ENV === 'production')
      problems.push(
        'AUTH_MODE=dev mints tokens with a development key and is refused in production',
      );
    if (env.AUTH_MODE === 'oidc') {
      if (!env.OIDC_ISSUER) problems.push('OIDC_ISSUER is required when AUTH_MODE=oidc');
      if (!env.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is required when AUTH_MODE=oidc');
    }
    return problems;
  });
}

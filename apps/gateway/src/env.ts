import {
  DEFAULT_PORTS,
  baseEnv,
  csv,
  devDefault,
  flag,
  httpEnv,
  internalTokenEnv,
  loadEnv,
  mongoEnv,
  opsPortEnv,
  positiveInt,
  redisEnv,
  serviceUrl,
  z,
} from '@portal/config';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, DEV_AUDIENCE, DEV_ISSUER } from '@portal/auth';

/** `name:number` pairs, e.g. `standard:1200,premium:6000`. */
const namedNumbers = () =>
  csv().transform((items, ctx) => {
    const out: Record<string, number> = {};
    for (const item of items) {
      const match = /^([a-z][a-z0-9_-]{0,31}):(\d+)$/.exec(item);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not name:number` });
        return z.NEVER;
      }
      out[match[1]!] = Number(match[2]);
    }
    return out;
  });

/** Partner rate-limit tiers (requests per window per API key); the first one is the default. */
function tiersEnv() {
  return { RATE_LIMIT_TIERS: namedNumbers().default({ standard: 1200, premium: 6000 }) };
}

/** The gateway's variables (exported for tests of the defaults). */
export function gatewayEnvShape() {
  return {
    ...baseEnv(),
    // The public entry point: every interface unless HOST says otherwise.
    ...httpEnv(DEFAULT_PORTS.gateway, '0.0.0.0'),
    ...opsPortEnv(DEFAULT_PORTS.gatewayOps),
    /** How long one /readyz outcome is reused (it asks Redis, the database and every subgraph). */
    READINESS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
    ...mongoEnv('portal_gateway'),
    ...redisEnv(),
    ...internalTokenEnv(),
    ...tiersEnv(),
    CONTENT_URL: serviceUrl(DEFAULT_PORTS.content),
    LIBRARY_URL: serviceUrl(DEFAULT_PORTS.library),
    FORUM_URL: serviceUrl(DEFAULT_PORTS.forum),
    BULLETIN_URL: serviceUrl(DEFAULT_PORTS.bulletin),
    REFERRAL_URL: serviceUrl(DEFAULT_PORTS.referral),
    ENGAGEMENT_URL: serviceUrl(DEFAULT_PORTS.engagement),
    ASSISTANT_URL: serviceUrl(DEFAULT_PORTS.assistant),
    /** The composed supergraph (npm run compose writes it). */
    SUPERGRAPH_PATH: z.string().default('apps/gateway/supergraph.graphql'),
    /** The contract's operations: the only ones that run when SAFELIST is on. */
    CONTRACT_PATH: z.string().default('contract/operations.graphql'),
    SAFELIST: flag().default(false),
    /** Defaults to off in production, on elsewhere. */
    INTROSPECTION: flag().optional(),

    // People's tokens from the city's identity provider.
    JWT_ISSUER: devDefault(z.string().min(1), DEV_ISSUER),
    JWT_AUDIENCE: devDefault(z.string().min(1), DEV_AUDIENCE),
    JWT_JWKS_URL: z.url().optional(),
    JWT_PUBLIC_KEY_FILE: z.string().optional(),
    JWT_ALGORITHMS: csv()
      .pipe(z.array(z.enum(['ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'EdDSA'])).min(1))
      .default(['ES256', 'RS256']),
    JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    /** The longest a person's token may live (exp − iat, and age since iat). */
    JWT_MAX_LIFETIME_SECONDS: positiveInt().default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    /** Local state; the development key pair lives in `<DATA_DIR>/keys`. */
    DATA_DIR: z.string().default('.data'),
    /** Salt of the per-client key (person, API key or address) passed to subgraphs; derived from INTERNAL_TOKEN_SECRET when unset. */
    CLIENT_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /**
     * Express "trust proxy": which hops may set X-Forwarded-For (the client address rate limits
     * use). Only loopback locally; production must name its proxies (or `false`), since trusting
     * a whole private range lets anyone on it pick their own address.
     */
    TRUST_PROXY: devDefault(z.string().trim().min(1), 'loopback'),

    /**
     * Web origins allowed to call the gateway from a browser (CORS), comma-separated, or `*`.
     * Default: any origin in development, none in production.
     */
    CORS_ORIGINS: devDefault(csv(), '*').optional(),

    // Request limits.
    BODY_LIMIT_BYTES: positiveInt().default(1_048_576),
    MAX_DEPTH: positiveInt().default(15),
    MAX_COST: positiveInt().default(5000),
    MAX_ALIASES: positiveInt().default(15),
    MAX_DIRECTIVES: positiveInt().default(50),
    MAX_TOKENS: positiveInt().default(1000),

    // Rate limits: requests per sliding window.
    RATE_LIMIT_WINDOW_SECONDS: positiveInt().default(60),
    RATE_LIMIT_ANONYMOUS: positiveInt().default(300),
    RATE_LIMIT_PERSON: positiveInt().default(600),

    // Caches.
    APQ_TTL_SECONDS: positiveInt().default(86_400),
    RESPONSE_CACHE: flag().default(true),
    /** Longest max-age browsers and CDNs are told: they cannot be purged, the gateway's cache can. */
    RESPONSE_CACHE_CLIENT_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(5),
    QUERY_PLAN_CACHE_MIB: positiveInt().default(30),
    API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),

    // Subgraphs and forwarded routes.
    SUBGRAPH_TIMEOUT_MS: positiveInt().default(10_000),
    /** Per-subgraph overrides, e.g. `library:20000,referral:5000`. */
    SUBGRAPH_TIMEOUTS: namedNumbers().default({}),
    /** Keep-alive sockets to each subgraph at most, per gateway replica; more fetches queue. */
    SUBGRAPH_CONNECTIONS: positiveInt().default(64),
    /** Consecutive timeouts or refused fetches that open a subgraph's circuit (0: no breaker). */
    SUBGRAPH_CIRCUIT_FAILURES: z.coerce.number().int().min(0).default(5),
    /** How long an open circuit fails that subgraph's fetches at once before one probe. */
    SUBGRAPH_CIRCUIT_OPEN_MS: positiveInt().default(5000),
    /**
     * A forwarded HTTP route fails with 504 when the service is silent this long before
     * answering, and a stream is cut when it stalls this long (uploads and downloads of any
     * size keep going while bytes flow).
     */
    ROUTE_IDLE_TIMEOUT_MS: positiveInt().default(15_000),
  };
}

function apiKeyCliShape() {
  return {
    ...baseEnv(),
    ...mongoEnv('portal_gateway'),
    ...tiersEnv(),
  };
}

export type GatewayEnv = z.output<z.ZodObject<ReturnType<typeof gatewayEnvShape>>>;
export type ApiKeyCliEnv = z.output<z.ZodObject<ReturnType<typeof apiKeyCliShape>>>;

/**
 * Rules across variables: production trusts only the city's identity provider, so its keys
 * must be configured; the development key pair on the server's own disk is never trusted there.
 */
export function gatewayEnvCheck(env: GatewayEnv): string[] {
  if (env.NODE_ENV !== 'production' || env.JWT_JWKS_URL || env.JWT_PUBLIC_KEY_FILE) return [];
  return [
    "JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE is required in production (the identity provider's keys, " +
      'with JWT_ISSUER and JWT_AUDIENCE); set NODE_ENV=development for the local development key pair',
  ];
}

/** The gateway process's configuration (exits with one line naming every bad variable). */
export function loadGatewayEnv(): GatewayEnv {
  return loadEnv('gateway', gatewayEnvShape, gatewayEnvCheck);
}

/** What the API key CLI needs: the gateway's database and the known tiers. */
export function loadApiKeyCliEnv(): ApiKeyCliEnv {
  return loadEnv('apikey', apiKeyCliShape);
}

/**
 * Apollo Gateway reports usage to Apollo's servers (probing cloud metadata endpoints on
 * the way) unless APOLLO_TELEMETRY_DISABLED is set. A city service sends nothing to a
 * vendor by default; an operator may still opt in by setting the variable to `false`.
 */
export function keepApolloTelemetryOff(): void {
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
}

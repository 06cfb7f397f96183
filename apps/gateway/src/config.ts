import { createHmac } from 'node:crypto';
import type { PersonTokenConfig } from '@portal/auth';
import { graphChangesStream } from '@portal/queue';
import type { GatewayEnv } from './env';
import type { GatewayConfig } from './server';

/** The first configured tier is the one new keys get unless told otherwise. */
export function defaultTier(tiers: Record<string, number>): string {
  const first = Object.keys(tiers)[0];
  if (!first) throw new Error('RATE_LIMIT_TIERS must name at least one tier');
  return first;
}

/** TRUST_PROXY as Express takes it: `2` is a hop count, `true`/`false` a switch, anything else addresses. */
export function trustProxySetting(value: string): string | number | boolean {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

/** Maps the validated environment to the gateway's configuration (files already read). */
export function gatewayConfigFromEnv(
  env: GatewayEnv,
  loaded: { supergraphSdl: string; contractSource: string | null; personToken: PersonTokenConfig },
): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  return {
    port: env.PORT,
    host: env.HOST,
    opsPort: env.OPS_PORT,
    readinessCacheMs: env.READINESS_CACHE_MS,
    production,
    introspection: env.INTROSPECTION ?? !production,
    supergraphSdl: loaded.supergraphSdl,
    subgraphUrls: {
      content: env.CONTENT_URL,
      library: env.LIBRARY_URL,
      forum: env.FORUM_URL,
      bulletin: env.BULLETIN_URL,
      referral: env.REFERRAL_URL,
      engagement: env.ENGAGEMENT_URL,
      assistant: env.ASSISTANT_URL,
    },
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    subgraphTimeouts: env.SUBGRAPH_TIMEOUTS,
    subgraphConnections: env.SUBGRAPH_CONNECTIONS,
    subgraphCircuit:
      env.SUBGRAPH_CIRCUIT_FAILURES > 0
        ? { failures: env.SUBGRAPH_CIRCUIT_FAILURES, openMs: env.SUBGRAPH_CIRCUIT_OPEN_MS }
        : undefined,
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    clientKeySecret:
      env.CLIENT_KEY_SECRET ??
      createHmac('sha256', env.INTERNAL_TOKEN_SECRET).update('portal client key').digest('hex'),
    personToken: loaded.personToken,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    corsOrigins: env.CORS_ORIGINS ?? [],
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxCost: env.MAX_COST,
      maxAliases: env.MAX_ALIASES,
      maxDirectives: env.MAX_DIRECTIVES,
      maxTokens: env.MAX_TOKENS,
    },
    contractSource: loaded.contractSource,
    safelist: env.SAFELIST,
    apqTtlSeconds: env.APQ_TTL_SECONDS,
    responseCache: env.RESPONSE_CACHE,
    graphChangesStream: graphChangesStream(env.QUEUE_PREFIX),
    responseCacheClientMaxAge: env.RESPONSE_CACHE_CLIENT_MAX_AGE,
    rateLimits: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      anonymous: env.RATE_LIMIT_ANONYMOUS,
      person: env.RATE_LIMIT_PERSON,
      tiers: env.RATE_LIMIT_TIERS,
      defaultTier: defaultTier(env.RATE_LIMIT_TIERS),
    },
    apiKeyCacheSeconds: env.API_KEY_CACHE_SECONDS,
    queryPlanCacheMiB: env.QUERY_PLAN_CACHE_MIB,
    routeIdleTimeoutMs: env.ROUTE_IDLE_TIMEOUT_MS,
    redisPrefix: `${env.QUEUE_PREFIX}:gw:`,
  };
}

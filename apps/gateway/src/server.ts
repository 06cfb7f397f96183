import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type Express, type Response } from 'express';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import {
  createInternalTokenSigner,
  createPersonTokenVerifier,
  type PersonTokenConfig,
} from '@portal/auth';
import type { SubgraphName } from '@portal/config';
import { pingDatabase } from '@portal/db';
import { notFound } from '@portal/errors';
import {
  httpMetricsMiddleware,
  requestIdMiddleware,
  sendHttpError,
  startOpsServer,
  type ReadinessCheck,
  type RunningHttpServer,
} from '@portal/http';
import type { Logger } from '@portal/logger';
import { apiKeyModel } from './api-keys/api-key.model';
import { ApiKeyStore } from './api-keys/api-key-store';
import { listenToGraphChanges, type GraphChangeListener } from './cache/graph-change-listener';
import { RedisKeyValueCache } from './cache/redis-key-value-cache';
import { ServedAnswers } from './cache/served-answers';
import { TaggedAnswerStore } from './cache/tagged-answer-store';
import { createGatewayContext, type GatewayContext } from './context';
import { fieldOwnersFromSupergraph } from './domain/field-owners';
import type { RateLimits } from './domain/rate-limit-policy';
import { createSafelist } from './domain/safelist';
import { keepApolloTelemetryOff } from './env';
import { cacheExecutedOperations } from './execution/operation-cache';
import { createGatewayFormatError } from './format-error';
import { accessControl, accessOf } from './http/access.middleware';
import { cachedCheck } from './http/cached-check';
import { frontHits } from './http/front-hits';
import { graphqlHandler } from './http/graphql-handler';
import { InFlightAnswers } from './http/in-flight-answers';
import { graphqlBody, graphqlRequestErrors } from './http/graphql-body';
import { refuseGraphQL, refuseHttp } from './http/refusals';
import { routeProxy } from './http/route-proxy';
import { createIdentityResolver } from './identity/identity';
import { createGatewayMetrics, type GatewayMetrics } from './metrics';
import { apiScopePlugin } from './plugins/api-scope.plugin';
import { cacheScopePlugin } from './plugins/cache-scope.plugin';
import { metricsPlugin, recordOperation } from './plugins/metrics.plugin';
import { answerSharingPlugin } from './plugins/answer-sharing.plugin';
import { requestLimitProtection, type RequestLimits } from './plugins/request-limits';
import { responseCachePlugin } from './plugins/response-cache.plugin';
import { safelistPlugin } from './plugins/safelist.plugin';
import { SlidingWindowLimiter } from './rate-limit/sliding-window-limiter';
import { InFlightFetches } from './subgraphs/in-flight-fetches';
import { CircuitBreaker } from './subgraphs/circuit-breaker';
import { PortalDataSource } from './subgraphs/portal-data-source';
import type { SubgraphAnswer } from './subgraphs/subgraph-answer';

/**
 * CORS for front ends on other origins. Identity travels in headers (Authorization,
 * x-api-key), never cookies, so credentials stay off; the headers clients need to read
 * (request id, rate limits) are exposed.
 */
function corsFor(origins: readonly string[]) {
  return cors({
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'x-api-key',
      'x-request-id',
      'apollo-require-preflight',
      'apollographql-client-name',
      'apollographql-client-version',
    ],
    exposedHeaders: [
      'x-request-id',
      'retry-after',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'content-disposition',
      'content-range',
      'etag',
    ],
    credentials: false,
    maxAge: 600,
  });
}

/** HTTP routes the gateway forwards to the service that owns them. */
export const FORWARDED_ROUTES: readonly { path: string; subgraph: SubgraphName }[] = [
  { path: '/feeds', subgraph: 'content' },
  { path: '/uploads', subgraph: 'library' },
  { path: '/files', subgraph: 'library' },
  { path: '/audio', subgraph: 'bulletin' },
  { path: '/bulletin', subgraph: 'bulletin' },
  { path: '/hotline', subgraph: 'referral' },
  { path: '/engagement', subgraph: 'engagement' },
];

export interface GatewayConfig {
  port: number;
  host?: string;
  /** The ops port (/healthz, /readyz, /metrics): for probes and Prometheus, never published. */
  opsPort: number;
  opsHost?: string;
  /** How long one /readyz outcome is reused. */
  readinessCacheMs: number;
  /** Production: introspection default off, no landing page, no field suggestions in errors. */
  production: boolean;
  introspection: boolean;
  /** The composed supergraph SDL (static; never introspected at run time). */
  supergraphSdl: string;
  /** Base URL (no path) of each subgraph, by name. */
  subgraphUrls: Partial<Record<string, string>>;
  subgraphTimeoutMs: number;
  /** Per-subgraph overrides of subgraphTimeoutMs. */
  subgraphTimeouts?: Partial<Record<string, number>>;
  /** The most keep-alive sockets to each subgraph; fetches beyond them queue for one. */
  subgraphConnections: number;
  /**
   * After `failures` consecutive transport failures (timeouts, refused connections) of one
   * subgraph its fetches fail at once for `openMs`, then one probe decides; off when absent.
   */
  subgraphCircuit?: { failures: number; openMs: number };
  internalTokenSecret: string;
  clientKeySecret: string;
  personToken: PersonTokenConfig;
  /** Express "trust proxy" setting: addresses/subnets, a hop count, or true/false. */
  trustProxy: string | number | boolean;
  bodyLimitBytes: number;
  /** Origins browsers may call from (`*` for any); empty for none. */
  corsOrigins: readonly string[];
  limits: RequestLimits;
  /** The contract's operations (text); names label metrics, and SAFELIST runs only these. */
  contractSource: string | null;
  safelist: boolean;
  apqTtlSeconds: number;
  responseCache: boolean;
  /**
   * The Redis stream of graph changes the services publish (`<QUEUE_PREFIX>:graph-changes`);
   * each purges the cached answers holding what changed. Without it cached answers live to
   * their max-age.
   */
  graphChangesStream?: string;
  /**
   * The longest `max-age` sent to clients (browsers, CDNs), which no purge reaches; the
   * gateway's own cache keeps answers for their full max-age. Unset: the hints' max-age.
   */
  responseCacheClientMaxAge?: number;
  /**
   * Share identical requests and identical subgraph fetches in flight between viewers who get
   * the same answers (on unless false).
   */
  shareInFlight?: boolean;
  rateLimits: RateLimits;
  apiKeyCacheSeconds: number;
  queryPlanCacheMiB: number;
  routeIdleTimeoutMs: number;
  /** Prefix of every Redis key the gateway writes, e.g. `portal:gw:`. */
  redisPrefix: string;
}

export interface GatewayDeps {
  redis: Redis;
  db: Connection;
  logger: Logger;
  metrics?: GatewayMetrics;
}

export interface RunningGateway {
  app: Express;
  server: Server;
  port: number;
  url: string;
  graphqlUrl: string;
  /** Base URL of the ops server (/healthz, /readyz, /metrics). */
  opsUrl: string;
  metrics: GatewayMetrics;
  apiKeys: ApiKeyStore;
  /** Resolves once graph changes are followed (at once when there is nothing to follow). */
  graphChangesReady: Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds and starts the gateway: `/graphql`, the forwarded routes and `/healthz` on the public
 * port; `/healthz`, `/readyz` and `/metrics` on the ops port.
 */
export async function startGateway(
  config: GatewayConfig,
  deps: GatewayDeps,
): Promise<RunningGateway> {
  const { redis, db, logger } = deps;
  const metrics = deps.metrics ?? createGatewayMetrics();

  const owners = fieldOwnersFromSupergraph(config.supergraphSdl);
  const missing = owners.subgraphs.filter((name) => !config.subgraphUrls[name]);
  if (missing.length)
    throw new Error(`no URL configured for subgraph ${missing.join(', ')} (set <NAME>_URL)`);
  const contractOperations = config.contractSource ? createSafelist(config.contractSource) : null;
  if (config.safelist && !contractOperations)
    throw new Error('SAFELIST is on but the contract operations could not be read');

  keepApolloTelemetryOff();
  cacheExecutedOperations();
  const inFlight =
    config.shareInFlight === false ? undefined : new InFlightFetches<SubgraphAnswer>();
  const inFlightAnswers = config.shareInFlight === false ? undefined : new InFlightAnswers();
  const dataSources: PortalDataSource[] = [];
  const circuitFor = (subgraph: string) => {
    if (!config.subgraphCircuit) return undefined;
    metrics.subgraphCircuitOpen.set({ subgraph }, 0);
    return new CircuitBreaker({
      failureThreshold: config.subgraphCircuit.failures,
      openMs: config.subgraphCircuit.openMs,
      onChange: (state) => {
        metrics.subgraphCircuitOpen.set({ subgraph }, state === 'closed' ? 0 : 1);
        logger[state === 'closed' ? 'info' : 'warn'](
          { subgraph, circuit: state },
          state === 'open'
            ? `${subgraph} circuit open: its fetches fail at once for ${config.subgraphCircuit!.openMs} ms`
            : `${subgraph} circuit ${state}`,
        );
      },
    });
  };
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name }) => {
      const source = new PortalDataSource({
        subgraph: name,
        url: `${config.subgraphUrls[name]!}/graphql`,
        timeoutMs: config.subgraphTimeouts?.[name] ?? config.subgraphTimeoutMs,
        connections: config.subgraphConnections,
        metrics,
        inFlight,
        circuit: circuitFor(name),
      });
      dataSources.push(source);
      return source;
    },
    experimental_approximateQueryPlanStoreMiB: config.queryPlanCacheMiB,
    logger,
  });

  const model = apiKeyModel(db);
  await model.init();
  const apiKeys = new ApiKeyStore(model, {
    cacheSeconds: config.apiKeyCacheSeconds,
    tiers: Object.keys(config.rateLimits.tiers),
    logger,
  });
  const resolveIdentity = createIdentityResolver({
    verifyPersonToken: await createPersonTokenVerifier(config.personToken),
    authenticateApiKey: (key) => apiKeys.authenticate(key),
  });
  const limiter = new SlidingWindowLimiter(redis, {
    prefix: `${config.redisPrefix}rl:`,
    windowSeconds: config.rateLimits.windowSeconds,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // Anonymous repeats the replica holds are answered in front of Express (see frontHits).
  let front: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const httpServer = createServer((req, res) => (front ? front(req, res) : void app(req, res)));
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const protection = requestLimitProtection(config.limits);
  const knownOperations: ReadonlySet<string> = new Set(contractOperations?.names ?? []);
  const plugins: ApolloServerPlugin<GatewayContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ...protection.plugins,
    cacheScopePlugin(),
    apiScopePlugin(owners),
    ...(config.safelist && contractOperations ? [safelistPlugin(contractOperations)] : []),
    metricsPlugin(metrics, knownOperations),
    answerSharingPlugin(),
  ];
  const answers = new TaggedAnswerStore(redis, `${config.redisPrefix}rc:`, logger);
  if (config.responseCache)
    plugins.push(
      responseCachePlugin(answers, { metrics, clientMaxAge: config.responseCacheClientMaxAge }),
    );
  let graphChanges: GraphChangeListener | undefined;
  // The response cache's first level (in this process) needs the graph changes to stay fresh.
  let served: ServedAnswers | undefined;
  if (config.responseCache && config.graphChangesStream) {
    served = new ServedAnswers();
    graphChanges = listenToGraphChanges({
      redis,
      stream: config.graphChangesStream,
      store: answers,
      positionKey: `${config.redisPrefix}rc:stream-pos`,
      logger,
      metrics,
      onChanges: (_changes, tags) => {
        // A fetch that started before a change must not answer requests that come after it.
        inFlight?.forgetAll();
        inFlightAnswers?.forgetAll();
        served?.purge(tags);
      },
      onRead: () => served?.following(),
    });
  }

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    nodeEnv: config.production ? 'production' : 'development',
    // main.ts owns shutdown (onTerminate); Apollo's own handler would re-raise the signal mid-cleanup.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: createGatewayFormatError(logger),
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    persistedQueries: {
      cache: new RedisKeyValueCache(
        redis,
        `${config.redisPrefix}apq:`,
        logger,
        config.apqTtlSeconds,
      ),
      ttl: config.apqTtlSeconds,
    },
    plugins,
    logger,
  });
  await apollo.start();

  const checks: ReadinessCheck[] = [
    {
      name: 'supergraph',
      check: async () => {
        if (!gateway.schema) throw new Error('supergraph not loaded');
      },
    },
    { name: 'redis', check: async () => void (await redis.ping()) },
    { name: 'mongo', check: () => pingDatabase(db) },
    ...owners.subgraphs.map((name) => ({
      name,
      check: async () => {
        const res = await fetch(`${config.subgraphUrls[name]!}/readyz`, {
          signal: AbortSignal.timeout(2000),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      },
    })),
  ];
  const readiness = checks.map((c) => cachedCheck(c, config.readinessCacheMs));

  const refuseGql = refuseGraphQL(metrics);
  const refuseRoute = refuseHttp(logger);
  const access = (refuse: typeof refuseRoute) =>
    accessControl({
      resolveIdentity,
      limiter,
      limits: config.rateLimits,
      clientKeySecret: config.clientKeySecret,
      metrics,
      logger,
      refuse,
    });
  const tokenFor = createInternalTokenSigner(config.internalTokenSecret);
  const internalTokenFor = (res: Response, subgraph: string) => {
    const { identity, clientKey } = accessOf(res);
    return tokenFor(identity.viewer, subgraph, clientKey);
  };

  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(metrics));
  const cors = config.corsOrigins.length ? corsFor(config.corsOrigins) : undefined;
  if (cors) app.use(cors);
  // Liveness only on the public port; readiness (which fans out) and metrics are ops-only.
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  // GraphQL first: most requests are GraphQL, and each route passed costs a path match.
  app.use(
    '/graphql',
    access(refuseGql),
    ...graphqlBody(config.bodyLimitBytes),
    graphqlHandler(apollo, {
      context: async ({ res, answerSharing }) =>
        createGatewayContext(accessOf(res), { tokenFor, logger, answerSharing }),
      served,
      inFlight: inFlightAnswers,
      metrics,
      recordOperation: (operation) => recordOperation(metrics, knownOperations, operation),
    }),
  );
  app.use('/graphql', graphqlRequestErrors(config.bodyLimitBytes, refuseGql, logger));
  if (served)
    front = frontHits({
      app,
      served,
      limiter,
      limits: config.rateLimits,
      bodyLimitBytes: config.bodyLimitBytes,
      metrics,
      cors,
      recordOperation: (operation) => recordOperation(metrics, knownOperations, operation),
    });
  for (const route of FORWARDED_ROUTES) {
    const target = config.subgraphUrls[route.subgraph];
    if (!target) continue;
    app.use(
      route.path,
      access(refuseRoute),
      routeProxy({
        subgraph: route.subgraph,
        target,
        idleTimeoutMs: config.routeIdleTimeoutMs,
        logger,
        internalToken: internalTokenFor,
        refuse: refuseRoute,
      }),
    );
  }
  app.use((_req, res) => sendHttpError(res, notFound('Route'), logger));
  app.use(
    (err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) =>
      sendHttpError(res, err, logger),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host ?? '0.0.0.0', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  let ops: RunningHttpServer;
  try {
    ops = await startOpsServer({
      port: config.opsPort,
      host: config.opsHost ?? config.host,
      metrics,
      readiness,
    });
  } catch (err) {
    httpServer.close();
    throw err;
  }
  logger.info(
    {
      url: `${url}/graphql`,
      ops: ops.url,
      subgraphs: owners.subgraphs,
      safelist: config.safelist,
    },
    'gateway listening',
  );
  return {
    app,
    server: httpServer,
    port,
    url,
    graphqlUrl: `${url}/graphql`,
    opsUrl: ops.url,
    metrics,
    apiKeys,
    graphChangesReady: graphChanges?.ready ?? Promise.resolve(),
    // Stops accepting connections, waits for requests in flight (drain plugin), stops the gateway.
    close: async () => {
      await graphChanges?.stop();
      await apollo.stop();
      await Promise.all(dataSources.map((source) => source.close()));
      await ops.close();
    },
  };
}

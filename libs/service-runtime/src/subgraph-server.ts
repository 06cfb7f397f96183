import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { DocumentNode, ValidationRule } from 'graphql';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken, type Viewer } from '@portal/auth';
import { isDomainError, unauthenticated } from '@portal/errors';
import {
  DateTimeScalar,
  createFormatError,
  extensionsFor,
  type BaseContext,
} from '@portal/graphql-kit';
import {
  createLagMonitor,
  createMetrics,
  httpMetricsMiddleware,
  mountOpsRoutes,
  requestIdMiddleware,
  sendHttpError,
  type Metrics,
  type ReadinessCheck,
  type RunningHttpServer,
} from '@portal/http';
import type { Logger } from '@portal/logger';
import { dataReadiness, type DataConnections } from './readiness';

/** Where a subgraph listens and whom it trusts: the same four settings for every subgraph. */
export interface SubgraphListen {
  port: number;
  host?: string;
  /** Production turns introspection and the landing page off. */
  production: boolean;
  /** The secret of the gateway's internal tokens (the only callers it answers). */
  internalTokenSecret: string;
}

/** Depth and alias limits a subgraph applies itself (the gateway's are stricter: 15 and 15). */
export interface SubgraphLimits {
  maxDepth: number;
  maxAliases: number;
}

/** Room above the gateway's limits for what its query planner adds (`_entities`, `__typename`). */
export const DEFAULT_SUBGRAPH_LIMITS: SubgraphLimits = { maxDepth: 20, maxAliases: 30 };

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Service name, for logs and metrics. */
  name: string;
  /** The parsed `schema.graphql`. */
  typeDefs: DocumentNode;
  /**
   * The resolvers: Apollo's map, or the app's graphql-codegen `Resolvers`, which describe the
   * same object more strictly than Apollo's type admits (so it is taken as it is).
   */
  resolvers: GraphQLResolverMap<TContext> | object;
  /** Where it listens and whom it trusts (an app's server config holds these four). */
  listen: SubgraphListen;
  /** The process's database and Redis: /readyz pings each, before `readiness`. */
  data?: DataConnections;
  logger: Logger;
  /** Extends the base context (viewer, request id, logger) with the service's models and loaders. */
  context: (base: BaseContext, req: Request) => Promise<TContext> | TContext;
  readiness?: ReadinessCheck[];
  metrics?: Metrics;
  /** Extra HTTP routes (feeds, uploads), mounted before `/graphql`; callers need the internal token too. */
  routes?: (app: Express) => void;
  /**
   * Routes that authenticate their callers themselves (the hotline's signed callbacks),
   * mounted before the internal-token check. Keep this list short.
   */
  selfAuthenticatedRoutes?: (app: Express) => void;
  limits?: SubgraphLimits;
  /** /readyz fails while the event loop lags more than this (default 1000 ms). */
  maxEventLoopLagMs?: number;
  bodyLimit?: string;
  plugins?: ApolloServerPlugin<TContext>[];
}

export interface RunningSubgraph extends RunningHttpServer {
  app: Express;
  apollo: ApolloServer<TContextAny>;
  graphqlUrl: string;
  metrics: Metrics;
}

type TContextAny = BaseContext;

export interface RequestIdentity {
  viewer: Viewer;
  clientKey: string | null;
}

/**
 * The caller of a request that passed the internal-token check: the viewer and client key
 * the gateway signed. Service routes read it here rather than from headers.
 */
export function identityOf(res: Response): RequestIdentity {
  const identity = res.locals.identity as RequestIdentity | undefined;
  if (!identity) throw new Error('identityOf: the internal-token check did not run for this route');
  return identity;
}

/**
 * Refuses (401) every request without a valid internal token addressed to `audience`:
 * the gateway sends one on every call, anonymous viewers included, so a caller that
 * reaches the subgraph directly gets nothing. The verified identity goes to `res.locals`.
 */
export function requireInternalToken(options: {
  secret: string;
  audience: string;
  logger: Logger;
}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.headers[INTERNAL_TOKEN_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    const result = await verifyInternalToken(token, options.secret, {
      audience: options.audience,
    });
    if (result.ok) {
      res.locals.identity = { viewer: result.viewer, clientKey: result.clientKey };
      next();
      return;
    }
    options.logger.warn(
      { reason: result.reason, path: req.path },
      'request without a valid internal token refused',
    );
    const err = unauthenticated('This service answers the portal gateway only');
    if (req.path.startsWith('/graphql')) {
      res.status(401).json({ errors: [{ message: err.message, extensions: extensionsFor(err) }] });
      return;
    }
    sendHttpError(res, err, options.logger);
  };
}

/** Depth and alias limits as validation rules (graphql-armor, the gateway's library). */
function limitRules(limits: SubgraphLimits): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    costLimit: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return armor.validationRules as ValidationRule[];
}

function metricsPlugin<TContext extends BaseContext>(
  metrics: Metrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let operation = 'unknown';
      let type = 'unknown';
      let failed = false;
      return {
        async didResolveOperation(ctx) {
          operation = ctx.operationName ?? 'anonymous';
          type = ctx.operation?.operation ?? 'unknown';
        },
        async didEncounterErrors(ctx) {
          failed = true;
          for (const err of ctx.errors) {
            const code = isDomainError(err.originalError)
              ? err.originalError.code
              : String(err.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            metrics.graphqlErrors.inc({ code });
          }
        },
        async willSendResponse() {
          metrics.graphqlOperations.inc({ operation, type, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
  };
}

/**
 * Serves a federated subgraph over HTTP: `/graphql` (Apollo Server with the subgraph
 * schema), `/healthz`, `/readyz` (the given checks plus event-loop delay), `/metrics`,
 * and the service's own routes. It listens on loopback unless `host` says otherwise,
 * refuses any request without a valid internal token for this subgraph (`name` is the
 * audience), applies its own depth and alias limits, never returns inline traces, masks
 * errors, and leaves SIGTERM to the caller (call `close()`).
 */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const metrics = options.metrics ?? createMetrics(options.name);
  const lag = createLagMonitor({ maxLagMs: options.maxEventLoopLagMs });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const httpServer = createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const schema = buildSubgraphSchema([
    {
      typeDefs: options.typeDefs,
      resolvers: { DateTime: DateTimeScalar, ...options.resolvers } as GraphQLResolverMap<unknown>,
    },
  ]);
  const apollo = new ApolloServer<TContext>({
    schema,
    introspection: !options.listen.production,
    includeStacktraceInErrorResponses: false,
    // A variable of the wrong shape (an invalid DateTime) is the caller's mistake: answer 200 with
    // BAD_USER_INPUT, as for every other input error. The gateway treats a non-2xx answer as a
    // failed subgraph and masks it as INTERNAL_SERVER_ERROR.
    status400ForVariableCoercionErrors: false,
    // The service's main.ts owns shutdown (onTerminate closes queues and the database too);
    // Apollo's own SIGTERM handler would re-raise the signal and kill the process mid-cleanup.
    stopOnTerminationSignals: false,
    formatError: createFormatError(options.logger),
    validationRules: limitRules(options.limits ?? DEFAULT_SUBGRAPH_LIMITS),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Inline traces (ftv1) would tell any caller how long each resolver took.
      ApolloServerPluginInlineTraceDisabled(),
      metricsPlugin<TContext>(metrics),
      ...(options.listen.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.plugins ?? []),
    ],
    logger: options.logger,
  });
  await apollo.start();

  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(metrics));
  mountOpsRoutes(app, {
    registry: metrics.registry,
    readiness: [...dataReadiness(options.data), ...(options.readiness ?? []), lag.readiness],
  });
  options.selfAuthenticatedRoutes?.(app);
  app.use(
    requireInternalToken({
      secret: options.listen.internalTokenSecret,
      audience: options.name,
      logger: options.logger,
    }),
  );
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.locals.requestId);
        const logger = options.logger.child({ requestId });
        const { viewer, clientKey } = identityOf(res);
        return options.context({ requestId, viewer, clientKey, logger }, req);
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.listen.port, options.listen.host ?? '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  options.logger.info({ url: `${url}/graphql` }, `${options.name} subgraph listening`);
  return {
    app,
    apollo: apollo as unknown as ApolloServer<TContextAny>,
    server: httpServer,
    port,
    url,
    graphqlUrl: `${url}/graphql`,
    metrics,
    close: async () => {
      // Stops accepting connections and waits for requests in flight (drain plugin).
      lag.stop();
      await apollo.stop();
    },
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express, { type Express, type Request } from 'express';
import type { DocumentNode } from 'graphql';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken, type Viewer } from '@portal/auth';
import { isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { BaseContext } from './context';
import { createFormatError } from './errors';
import { createMetrics, type Metrics } from './metrics';
import {
  httpMetricsMiddleware,
  mountOpsRoutes,
  requestIdMiddleware,
  type ReadinessCheck,
  type RunningHttpServer,
} from './ops-server';
import { DateTimeScalar } from './scalars';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Service name, for logs and metrics. */
  name: string;
  /** The parsed `schema.graphql`. */
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  internalTokenSecret: string;
  logger: Logger;
  /** Extends the base context (viewer, request id, logger) with the service's models and loaders. */
  context: (base: BaseContext, req: Request) => Promise<TContext> | TContext;
  readiness?: ReadinessCheck[];
  metrics?: Metrics;
  /** Extra HTTP routes (feeds, uploads, callbacks), mounted before `/graphql`. */
  routes?: (app: Express) => void;
  /** Production turns introspection and the landing page off. */
  production?: boolean;
  bodyLimit?: string;
  port: number;
  host?: string;
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
 * Reads the viewer (and client key) from the internal token, for GraphQL and for a
 * service's own HTTP routes alike; anything invalid is the anonymous viewer.
 */
export async function identityFromRequest(
  req: Request,
  secret: string,
  logger?: Logger,
): Promise<RequestIdentity> {
  const header = req.headers[INTERNAL_TOKEN_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  const result = await verifyInternalToken(token, secret);
  if (!result.ok && token)
    logger?.warn({ reason: result.reason }, 'internal token refused; treating caller as anonymous');
  return { viewer: result.viewer, clientKey: result.clientKey };
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
 * schema), `/healthz`, `/readyz`, `/metrics`, and the service's own routes. Errors are
 * masked, the viewer comes only from the signed internal token, and SIGTERM handling
 * is the caller's (call `close()`).
 */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const metrics = options.metrics ?? createMetrics(options.name);
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
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // The service's main.ts owns shutdown (onTerminate closes queues and the database too);
    // Apollo's own SIGTERM handler would re-raise the signal and kill the process mid-cleanup.
    stopOnTerminationSignals: false,
    formatError: createFormatError(options.logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      metricsPlugin<TContext>(metrics),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.plugins ?? []),
    ],
    logger: options.logger,
  });
  await apollo.start();

  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(metrics));
  mountOpsRoutes(app, { registry: metrics.registry, readiness: options.readiness ?? [] });
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.locals.requestId);
        const logger = options.logger.child({ requestId });
        const { viewer, clientKey } = await identityFromRequest(
          req,
          options.internalTokenSecret,
          logger,
        );
        return options.context({ requestId, viewer, clientKey, logger }, req);
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
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
      await apollo.stop();
    },
  };
}

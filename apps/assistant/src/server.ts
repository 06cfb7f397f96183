import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { appSchemaPath, loadSchemaFile } from '@portal/graphql-kit';
import { createRateLimiters } from '@portal/http';
import type { Logger } from '@portal/logger';
import { startSubgraphServer, type RunningSubgraph } from '@portal/service-runtime';
import type { SubgraphListen } from '@portal/service-runtime';
import { createLoaders, type AssistantContext } from './context';
import { resolvers } from './resolvers';
import { createAssistantCore, type AssistantCore } from './services';
import type { CatalogJobs } from './services/catalog.service';
import type { LlmOptions } from './services/llm-client';

export const SCHEMA_PATH = appSchemaPath(import.meta.dirname);

export interface AssistantServerConfig extends SubgraphListen {
  webBaseUrl: string;
  /** The open-data portal's base URL (dataset links). */
  portalUrl: string;
  /** Key prefix for rate-limit counters (the queue prefix). */
  redisPrefix: string;
  askPerMinute: number;
  askPerMinutePerAddress: number;
  retentionMs: number;
  llm: LlmOptions | null;
}

export interface AssistantServerDeps {
  conn: Connection;
  /** For rate limits and /readyz. */
  redis: Redis;
  /** Admin actions queue jobs for the worker. */
  jobs: CatalogJobs | null;
  logger: Logger;
  now?: () => Date;
}

export interface RunningAssistantServer extends RunningSubgraph {
  core: AssistantCore;
}

/** The assistant subgraph, on connections the caller owns. */
export async function startServer(
  config: AssistantServerConfig,
  deps: AssistantServerDeps,
): Promise<RunningAssistantServer> {
  const core = createAssistantCore({
    conn: deps.conn,
    jobs: deps.jobs,
    llm: config.llm,
    limits: createRateLimiters(deps.redis, config.redisPrefix, {
      perPerson: { name: 'assistant-ask-person', points: config.askPerMinute, windowSeconds: 60 },
      perAddress: {
        name: 'assistant-ask-address',
        points: config.askPerMinutePerAddress,
        windowSeconds: 60,
      },
    }),
    retentionMs: config.retentionMs,
    webBaseUrl: config.webBaseUrl,
    portalUrl: config.portalUrl,
    logger: deps.logger,
    now: deps.now,
  });
  const services = { models: core.models, catalog: core.catalog, ask: core.ask };
  const server = await startSubgraphServer<AssistantContext>({
    name: 'assistant',
    listen: config,
    typeDefs: loadSchemaFile(SCHEMA_PATH),
    resolvers,
    logger: deps.logger,
    data: deps,
    context: (base) => ({ ...base, ...services, loaders: createLoaders(services) }),
  });
  return Object.assign(server, { core });
}

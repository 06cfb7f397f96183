import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import { assistantModels, type AssistantModels } from '../models';
import { PassageIndex } from '../retrieval/passage-index';
import { AskService, type Limiter } from './ask.service';
import { CatalogService, type CatalogJobs } from './catalog.service';
import { createLlmClient, type LlmOptions } from './llm-client';

export interface AssistantCore {
  models: AssistantModels;
  index: PassageIndex;
  catalog: CatalogService;
  ask: AskService;
}

const NO_LIMIT: Limiter = { consume: async () => undefined };

/** The service's use cases on one database, shared by the subgraph, the worker and the CLI. */
export function createAssistantCore(options: {
  conn: Connection;
  jobs?: CatalogJobs | null;
  llm?: LlmOptions | null;
  limits?: { perPerson?: Limiter; perAddress?: Limiter };
  retentionMs?: number;
  webBaseUrl: string;
  /** The open-data portal's base URL. */
  portalUrl: string;
  logger: Logger;
  now?: () => Date;
}): AssistantCore {
  const now = options.now ?? (() => new Date());
  const models = assistantModels(options.conn);
  const index = new PassageIndex(models, options.logger, now);
  return {
    models,
    index,
    catalog: new CatalogService(models, options.jobs ?? null, options.portalUrl),
    ask: new AskService({
      models,
      index,
      llm: options.llm ? createLlmClient(options.llm) : null,
      perPerson: options.limits?.perPerson ?? NO_LIMIT,
      perAddress: options.limits?.perAddress ?? NO_LIMIT,
      retentionMs: options.retentionMs ?? 24 * 3600_000,
      webBaseUrl: options.webBaseUrl,
      logger: options.logger,
      now,
    }),
  };
}

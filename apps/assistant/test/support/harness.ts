import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '@portal/local-services';
import {
  type GraphQLResponse,
  spawnApp,
  type SpawnedApp,
  type SubgraphHarness,
  TEST_LISTEN,
  testLogger,
  useSubgraph,
  useTestDatabase,
} from '@portal/testing';
import { createCkanClient } from '../../src/catalog/ckan-client';
import { CatalogSync } from '../../src/catalog/catalog-sync';
import type { PreviewLimits } from '../../src/catalog/preview';
import { refreshPreview } from '../../src/catalog/preview-refresh';
import { assistantModels, type AssistantModels } from '../../src/models';
import {
  startServer,
  type AssistantServerConfig,
  type RunningAssistantServer,
} from '../../src/server';
import { IndexService } from '../../src/services/index.service';

export const WEB_BASE_URL = 'https://cds.hochiminhcity.gov.vn';
export const CONTROL_KEY = 'assistant-test-control-key-0123';

export const logger = testLogger('assistant-test');

/** The open-data portal simulator as a real child process. */
export interface Portal {
  url: string;
  /** Calls its control API. */
  control(method: string, path: string, body?: unknown): Promise<Response>;
}

/** Starts the simulator for this file (stopped after its tests). */
export function useOpenDataPortal(): Portal {
  let app: SpawnedApp | undefined;
  const portal = {} as Portal;
  beforeAll(async () => {
    const port = await freePort();
    portal.url = `http://127.0.0.1:${port}`;
    app = await spawnApp(
      'opendata-sim',
      'main',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        OPENDATA_SIM_CONTROL_KEY: CONTROL_KEY,
        SIM_HANG_MS: '3000',
      },
      `${portal.url}/healthz`,
    );
    portal.control = (method, path, body) =>
      fetch(`${portal.url}/_control${path}`, {
        method,
        headers: { authorization: `Bearer ${CONTROL_KEY}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  });
  afterAll(async () => app?.stop());
  return portal;
}

export const PREVIEW_LIMITS: PreviewLimits = {
  maxBytes: 1024 * 1024,
  previewRows: 5,
  tableRows: 1000,
  timeoutMs: 5000,
};

export interface Catalog {
  models: AssistantModels;
  conn: Connection;
  indexer: IndexService;
  sync: CatalogSync;
  /** Another sync of the same catalog (another worker's), calling `onDatasetChanged` for each dataset. */
  syncWith(onDatasetChanged: (id: string) => Promise<void>): CatalogSync;
  /** Resources whose file changed in the last syncs (preview jobs the worker would get). */
  changedResources: { id: string; fingerprint: string }[];
  /** Datasets written or removed in the last syncs. */
  changedDatasets: string[];
  /** Previews every changed resource, as the worker's jobs do. */
  previewAll(): Promise<void>;
}

/** The catalog sync and index of this file's database, against `portal`. */
export function useCatalog(label: string, portal: Portal, db = useTestDatabase(label)): Catalog {
  const c = { changedResources: [], changedDatasets: [] } as unknown as Catalog;
  beforeAll(async () => {
    c.conn = await mongoose.createConnection(db.uri, { dbName: db.dbName }).asPromise();
    c.models = await assistantModels.prepare(c.conn);
    const { PassageIndex } = await import('../../src/retrieval/passage-index');
    const index = new PassageIndex(c.models, logger);
    c.indexer = new IndexService({
      models: c.models,
      index,
      sources: null,
      portalUrl: portal.url,
      logger,
    });
    c.syncWith = (onDatasetChanged) =>
      new CatalogSync({
        models: c.models,
        ckan: createCkanClient({
          baseUrl: portal.url,
          timeoutMs: 1000,
          attempts: 4,
          backoffMs: 50,
          logger,
        }),
        pageSize: 2,
        onResourceChanged: async (r) => void c.changedResources.push(r),
        onDatasetChanged,
        logger,
        now: () => new Date(),
      });
    c.sync = c.syncWith(async (id) => {
      c.changedDatasets.push(id);
      await c.indexer.indexDataset(id);
    });
    c.previewAll = async () => {
      for (const r of c.changedResources.splice(0))
        await refreshPreview(
          {
            models: c.models,
            limits: PREVIEW_LIMITS,
            onDatasetChanged: (id) => c.indexer.indexDataset(id),
            logger,
            now: () => new Date(),
          },
          { resourceId: r.id, fingerprint: r.fingerprint, lastAttempt: true },
        );
    };
  });
  afterAll(async () => c.conn?.close());
  return c;
}

export type Assistant = SubgraphHarness<RunningAssistantServer>;

/** The assistant subgraph in-process (`useSubgraph`), on `db` when the file shares one. */
export function useAssistant(
  label: string,
  overrides: Partial<AssistantServerConfig> = {},
  db = useTestDatabase(label),
): Assistant {
  return useSubgraph(
    label,
    async (env) => {
      await assistantModels.prepare(env.conn);
      const server = await startServer(
        {
          ...TEST_LISTEN,
          webBaseUrl: WEB_BASE_URL,
          portalUrl: 'https://data.example.vn',
          redisPrefix: env.prefix,
          askPerMinute: 1000,
          askPerMinutePerAddress: 1000,
          retentionMs: 3600_000,
          llm: null,
          ...overrides,
        },
        { conn: env.conn, redis: env.redis, jobs: null, logger: env.logger },
      );
      return { server };
    },
    { db },
  );
}

export const ASK = /* GraphQL */ `
  mutation Ask($question: String!, $conversationId: ID, $mode: AnswerMode) {
    ask(question: $question, conversationId: $conversationId, mode: $mode) {
      conversationId
      status
      mode
      text
      notice
      sentences {
        text
        citations
      }
      citations {
        index
        kind
        sourceId
        title
        link
        passage
      }
      table {
        datasetId
        resourceId
        filters
        count
        columns
        rows
      }
      feedback {
        message
        hotline
        feedbackUrl
      }
    }
  }
`;

/** The data of a response, failing the test with the errors when there is none. */
export function dataOf<T>(res: GraphQLResponse<T>, field: keyof T & string): any {
  if (res.errors?.length || !res.data?.[field])
    throw new Error(`${field} failed: ${JSON.stringify(res.errors)}`);
  return res.data[field];
}

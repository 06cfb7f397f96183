import { DEFAULT_PORTS, loadEnv, positiveInt, serviceEnv, serviceUrl, z } from '@portal/config';
import { subgraphListen, workersQueue } from '@portal/service-runtime';
import type { AssistantWorkersConfig } from './jobs/start-workers';
import type { AssistantServerConfig } from './server';

/** The assistant service's configuration (main.ts, worker.ts, seed.ts and the CLI read it). */
export const env = loadEnv('assistant', () => ({
  ...serviceEnv('assistant'),
  /** The city's CKAN open-data portal (base URL, no path); locally the simulator. */
  OPENDATA_URL: serviceUrl(DEFAULT_PORTS['opendata-sim']),
  /** How often the worker syncs the catalog (incrementally). */
  CATALOG_SYNC_EVERY_MINUTES: positiveInt().default(30),
  CATALOG_PAGE_SIZE: positiveInt().max(1000).default(100),
  /** Per call to the portal; retries back off from OPENDATA_BACKOFF_MS, doubling. */
  OPENDATA_TIMEOUT_MS: positiveInt().default(15_000),
  OPENDATA_ATTEMPTS: positiveInt().max(10).default(4),
  OPENDATA_BACKOFF_MS: positiveInt().default(1000),
  /** Preview limits: bytes read, rows shown, rows kept for count/list answers, time per file. */
  PREVIEW_MAX_BYTES: positiveInt().default(5 * 1024 * 1024),
  PREVIEW_ROWS: positiveInt().max(200).default(20),
  TABLE_MAX_ROWS: positiveInt().max(100_000).default(10_000),
  PREVIEW_TIMEOUT_MS: positiveInt().default(30_000),
  /** Questions per signed-in person per minute, and per client address per minute. */
  ASK_PER_MINUTE: positiveInt().default(20),
  ASK_PER_MINUTE_PER_ADDRESS: positiveInt().default(60),
  /** Conversations are deleted this long after their last question. */
  CONVERSATION_RETENTION_HOURS: positiveInt().default(24),
  /** The subgraphs whose published content is indexed (base URLs, no path). */
  CONTENT_URL: serviceUrl(DEFAULT_PORTS.content),
  LIBRARY_URL: serviceUrl(DEFAULT_PORTS.library),
  FORUM_URL: serviceUrl(DEFAULT_PORTS.forum),
  /** Generative mode: an OpenAI-compatible chat endpoint (off when LLM_BASE_URL is unset). */
  LLM_BASE_URL: z.url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: positiveInt().default(30_000),
}));

export type AssistantEnv = typeof env;

/** The subgraph's settings from the checked environment. */
export function serverConfig(e: AssistantEnv): AssistantServerConfig {
  return {
    ...subgraphListen(e),
    webBaseUrl: e.WEB_BASE_URL,
    portalUrl: e.OPENDATA_URL,
    redisPrefix: e.QUEUE_PREFIX,
    askPerMinute: e.ASK_PER_MINUTE,
    askPerMinutePerAddress: e.ASK_PER_MINUTE_PER_ADDRESS,
    retentionMs: e.CONVERSATION_RETENTION_HOURS * 3600_000,
    llm: e.LLM_BASE_URL
      ? {
          baseUrl: e.LLM_BASE_URL,
          apiKey: e.LLM_API_KEY ?? null,
          model: e.LLM_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
        }
      : null,
  };
}

/** The worker's settings from the checked environment. */
export function workersConfig(e: AssistantEnv): AssistantWorkersConfig {
  return {
    ...workersQueue(e),
    webBaseUrl: e.WEB_BASE_URL,
    syncEveryMs: e.CATALOG_SYNC_EVERY_MINUTES * 60_000,
    catalog: {
      portalUrl: e.OPENDATA_URL,
      pageSize: e.CATALOG_PAGE_SIZE,
      timeoutMs: e.OPENDATA_TIMEOUT_MS,
      attempts: e.OPENDATA_ATTEMPTS,
      backoffMs: e.OPENDATA_BACKOFF_MS,
    },
    preview: {
      maxBytes: e.PREVIEW_MAX_BYTES,
      previewRows: e.PREVIEW_ROWS,
      tableRows: e.TABLE_MAX_ROWS,
      timeoutMs: e.PREVIEW_TIMEOUT_MS,
    },
    sources: {
      contentUrl: e.CONTENT_URL,
      libraryUrl: e.LIBRARY_URL,
      forumUrl: e.FORUM_URL,
      internalTokenSecret: e.INTERNAL_TOKEN_SECRET,
      webBaseUrl: e.WEB_BASE_URL,
    },
  };
}

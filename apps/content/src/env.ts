import { DEFAULT_PORTS, loadEnv, positiveInt, serviceEnv, serviceUrl } from '@portal/config';
import { workersQueue } from '@portal/service-runtime';
import type { ContentWorkersConfig } from './jobs/start-workers';

/** The content service's configuration (server and worker read the same variables). */
export const env = loadEnv('content', () => ({
  ...serviceEnv('content'),
  /** Repeated views of one article from one client within this window count once. */
  CONTENT_VIEW_DEDUPE_SECONDS: positiveInt().default(1800),
  /** How often pending view counts are folded into the statistics. */
  CONTENT_VIEW_FLUSH_INTERVAL_MS: positiveInt().min(1000).default(10_000),
  /** How often missed publications and webhooks are swept up. */
  CONTENT_RECONCILE_INTERVAL_MS: positiveInt().min(1000).default(60_000),
  /**
   * The subgraphs whose parts of the portal statistics go into the monthly report (the
   * worker asks them as a trusted service: `_entities` on PortalStats).
   */
  LIBRARY_URL: serviceUrl(DEFAULT_PORTS.library),
  FORUM_URL: serviceUrl(DEFAULT_PORTS.forum),
  BULLETIN_URL: serviceUrl(DEFAULT_PORTS.bulletin),
  REFERRAL_URL: serviceUrl(DEFAULT_PORTS.referral),
}));

export type ContentEnv = typeof env;

/** The worker's settings from the checked environment. */
export function workersConfig(e: ContentEnv): ContentWorkersConfig {
  return {
    ...workersQueue(e),
    webBaseUrl: e.WEB_BASE_URL,
    viewDedupeSeconds: e.CONTENT_VIEW_DEDUPE_SECONDS,
    flushViewsEveryMs: e.CONTENT_VIEW_FLUSH_INTERVAL_MS,
    reconcileEveryMs: e.CONTENT_RECONCILE_INTERVAL_MS,
    reportParts: {
      library: `${e.LIBRARY_URL}/graphql`,
      forum: `${e.FORUM_URL}/graphql`,
      bulletin: `${e.BULLETIN_URL}/graphql`,
      referral: `${e.REFERRAL_URL}/graphql`,
    },
    internalTokenSecret: e.INTERNAL_TOKEN_SECRET,
  };
}

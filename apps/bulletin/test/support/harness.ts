import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Job } from 'bullmq';
import { type Role, type Viewer } from '@portal/auth';
import { createLogger, type Logger } from '@portal/logger';
import { Producer, createRedisConnection, createWorker, type PayloadOf } from '@portal/queue';
import { type GqlOptions, TEST_INTERNAL_SECRET, TEST_LISTEN, useSubgraph } from '@portal/testing';
import { renderSpeech, type SpeechRendererConfig } from '../../src/audio/speech-renderer';
import { createContentArticles } from '../../src/content/content-articles';
import { createBulletinPublishProcessor } from '../../src/jobs/bulletin-publish.processor';
import { bulletinModels } from '../../src/models';
import { startServer } from '../../src/server';
import { startContentFixture } from '../fixtures/content-subgraph';

/** The gateway's public address (audio, subscription links) and the web front end's (pages). */
export const PUBLIC_BASE_URL = 'https://api.cds.example.vn';
export const WEB_BASE_URL = 'https://cds.example.vn';
export const SUBSCRIPTION_SECRET = 'bulletin-test-subscription-secret-0123456789';

/** The bulletin subgraph's settings in a test, on a file's content fixture, audio directory and prefix. */
export function bulletinTestConfig(place: {
  contentUrl: string;
  audioDir: string;
  prefix: string;
}) {
  return {
    ...TEST_LISTEN,
    publicBaseUrl: PUBLIC_BASE_URL,
    webBaseUrl: WEB_BASE_URL,
    subscriptionTokenSecret: SUBSCRIPTION_SECRET,
    confirmTtlSeconds: 3600,
    ...place,
  };
}

export interface HarnessOptions {
  /** Run a bulletin-publish worker in this process. */
  worker?: boolean;
  batchSize?: number;
  tts?: Partial<SpeechRendererConfig>;
  subscribeLimits?: { perClientPerHour: number; perAddressPerHour: number };
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * One test file's bulletin (`useSubgraph`): its own database and queue prefix, the real
 * subgraph over HTTP, a real test content subgraph, real Redis queues and (optionally) a
 * real worker. Call at the top of a spec file; everything starts in beforeAll and stops in
 * afterAll.
 */
export function useBulletin(label: string, options: HarnessOptions = {}) {
  const audioDir = mkdtempSync(join(tmpdir(), 'bulletin-audio-'));
  const logs: LogLine[] = [];
  // Captured (not silent): specs assert on what the service logs.
  const logger: Logger = createLogger({
    service: 'bulletin-test',
    level: 'info',
    destination: new Writable({
      write(chunk, _enc, cb) {
        for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line));
        cb();
      },
    }),
  });
  const ttsConfig: SpeechRendererConfig = {
    engine: 'espeak-ng',
    voice: 'vi-vn-x-south',
    wordsPerMinute: 170,
    encoder: 'lame',
    bitrateKbps: 32,
    dir: audioDir,
    ...options.tts,
  };

  const h = useSubgraph(label, async (env) => {
    env.onClose(() => rmSync(audioDir, { recursive: true, force: true }));
    const workerRedis = createRedisConnection(env.redisUrl, 'worker');
    env.onClose(() => workerRedis.disconnect());
    const content = await startContentFixture();
    env.onClose(() => content.close());
    const publishProducer = new Producer('bulletin-publish', env.redis, env.prefix);
    const notifications = new Producer('notifications', env.redis, env.prefix);
    env.onClose(() => Promise.all([publishProducer.close(), notifications.close()]));
    const bulletin = await startServer(
      {
        ...bulletinTestConfig({ contentUrl: content.url, audioDir, prefix: env.prefix }),
        subscribeLimits: options.subscribeLimits ?? {
          perClientPerHour: 1000,
          perAddressPerHour: 1000,
        },
      },
      {
        conn: env.conn,
        redis: env.redis,
        publishProducer,
        notificationsProducer: notifications,
        logger,
      },
    );
    const models = bulletinModels(env.conn);
    const processor = createBulletinPublishProcessor({
      models,
      content: createContentArticles({
        contentUrl: content.url,
        internalTokenSecret: TEST_INTERNAL_SECRET,
        logger,
      }),
      renderSpeech: (text, file) => renderSpeech(text, file, ttsConfig),
      notifications,
      links: { publicBaseUrl: PUBLIC_BASE_URL, webBaseUrl: WEB_BASE_URL },
      tokenSecret: SUBSCRIPTION_SECRET,
      batchSize: options.batchSize ?? 500,
      logger,
    });
    const worker = options.worker
      ? createWorker('bulletin-publish', processor, {
          connection: workerRedis,
          prefix: env.prefix,
          logger,
          concurrency: 1,
        })
      : null;
    // The worker stops first (the harness closes the server, then these in reverse order).
    if (worker) env.onClose(() => worker.close());
    return {
      server: { graphqlUrl: bulletin.server.graphqlUrl, close: () => bulletin.close() },
      bulletin,
      url: bulletin.server.url,
      graphqlUrl: bulletin.server.graphqlUrl,
      content,
      models,
      publishProducer,
      notifications,
      /** Runs the publish processor directly, as a job delivery would. */
      process: (payload: PayloadOf<'bulletin-publish'>) =>
        processor(payload, { id: 'direct' } as Job),
    };
  });

  return Object.assign(h, {
    audioDir,
    logs,
    logger,
    ttsConfig,
    /** A request as `who` ('anonymous': nobody); variables in `opts`. */
    as: (who: Role | Viewer | 'anonymous', query: string, opts: GqlOptions = {}) =>
      h.call(who === 'anonymous' ? null : who, query, opts.variables, opts),
    /** A request as an anonymous client with a stable client key (as the gateway would send). */
    asClient: (clientKey: string, query: string, opts: GqlOptions = {}) =>
      h.call(null, query, opts.variables, { ...opts, clientKey }),
    /** Every job in the notifications queue, in any state. */
    notificationJobs: async () =>
      h.notifications.queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']),
  });
}

export type Bulletin = ReturnType<typeof useBulletin>;

export { articleId } from '../fixtures/content-subgraph';

export const CREATE_ISSUE = /* GraphQL */ `
  mutation CreateBulletinIssue($input: CreateBulletinIssueInput!) {
    createBulletinIssue(input: $input) {
      id
      number
      status
    }
  }
`;

export const ADD_ITEM = /* GraphQL */ `
  mutation AddBulletinItem($issueId: ID!, $section: String!, $articleId: ID!, $note: String) {
    addBulletinItem(issueId: $issueId, section: $section, articleId: $articleId, note: $note) {
      id
      sections {
        title
        items {
          article {
            id
          }
        }
      }
    }
  }
`;

export const SCHEDULE = /* GraphQL */ `
  mutation ScheduleBulletinIssue($id: ID!, $at: DateTime!) {
    scheduleBulletinIssue(id: $id, at: $at) {
      id
      status
      scheduledAt
    }
  }
`;

export const PUBLISH_NOW = /* GraphQL */ `
  mutation PublishBulletinIssueNow($id: ID!) {
    publishBulletinIssueNow(id: $id) {
      id
      status
    }
  }
`;

/** Creates an issue for (year, month) with published articles in sections; returns ids. */
export async function issueWithItems(
  b: Bulletin,
  year: number,
  month: number,
  sections: Record<string, { title: string; summary?: string; note?: string }[]>,
): Promise<{ id: string; articleIds: string[] }> {
  const created = await b.as('editor', CREATE_ISSUE, {
    variables: {
      input: {
        year,
        month,
        title: `Bản tin tháng ${month}/${year}`,
        editorial: '<p>Lời mở đầu.</p>',
      },
    },
  });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createBulletinIssue.id as string;
  const articleIds: string[] = [];
  for (const [section, articles] of Object.entries(sections)) {
    for (const a of articles) {
      const article = b.content.add({
        title: a.title,
        summary: a.summary ?? null,
      });
      articleIds.push(article.id);
      const added = await b.as('editor', ADD_ITEM, {
        variables: { issueId: id, section, articleId: article.id, note: a.note ?? null },
      });
      if (added.errors) throw new Error(JSON.stringify(added.errors));
    }
  }
  return { id, articleIds };
}

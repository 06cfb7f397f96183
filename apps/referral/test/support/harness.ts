import { Queue } from 'bullmq';
import { Types } from 'mongoose';
import { ANONYMOUS, type Role, type Viewer } from '@portal/auth';
import { freePort } from '@portal/local-services';
import { Outbox, type QueueName } from '@portal/queue';
import { spawnApp, type SpawnedApp, TEST_LISTEN, testViewer, useSubgraph } from '@portal/testing';
import type { ForumClient } from '../../src/clients/forum-client';
import { closeProducers, createProducers } from '../../src/jobs/producers';
import { startReferralWorkers, type RunningReferralWorkers } from '../../src/jobs/start-workers';
import { receivedReferral } from '../../src/domain/received-referral';
import { referralModels } from '../../src/models';
import type { ReferralDoc } from '../../src/models/referral.model';
import type { NewReferral } from '../../src/models/referral.repository';
import { startServer } from '../../src/server';
import { CategoryService } from '../../src/services/category.service';

export const HOTLINE_API_KEY = 'test-hotline-api-key-0123456789';
export const CALLBACK_SECRET = 'test-hotline-callback-secret-0123456789abcdef';
export const PUBLIC_BASE_URL = 'https://cds.example.vn';

export interface HarnessOptions {
  /** Run the referral worker in-process (dispatch + maintenance). */
  worker?: boolean;
  /** Spawn the hotline simulator as a real process; the worker talks to it. */
  hotline?: boolean;
  simEnv?: Record<string, string>;
  /** The dispatch retry policy; no cap given: 60 s (more than any test waits). */
  dispatch?: { attempts: number; backoffMs: number; maxBackoffMs?: number };
  hotlineTimeoutMs?: number;
  /** A clock the test moves (server and worker); real time otherwise. */
  clock?: () => Date;
  /** Read when the harness starts (in `beforeAll`), so a stand-in started before it can be passed. */
  forum?: ForumClient | null;
  limits?: { feedbackPerHour?: number; trackingLookupsPerMinute?: number };
}

/**
 * One test file's referral service on the shared harness (`useSubgraph`: its own database,
 * with command counting, and queue prefix), plus what referral tests drive besides GraphQL:
 * the outbox, optionally the worker in-process and the hotline simulator as a real process.
 */
export function useReferralHarness(label: string, options: HarnessOptions = {}) {
  const queues = new Map<string, Queue>();
  const h = useSubgraph(label, async (env) => {
    const models = await referralModels.prepare(env.conn);
    await new CategoryService(models).ensureDefaults();
    const dispatch = {
      maxBackoffMs: 60_000,
      ...(options.dispatch ?? { attempts: 4, backoffMs: 200 }),
    };
    const producers = createProducers(env.redis, env.prefix, dispatch);
    env.onClose(() => closeProducers(producers));
    const outbox = new Outbox(env.conn, producers, env.logger);
    env.onClose(() => outbox.stop());
    const server = await startServer(
      {
        ...TEST_LISTEN,
        webBaseUrl: PUBLIC_BASE_URL,
        redisPrefix: env.prefix,
        hotlineCallbackSecret: CALLBACK_SECRET,
        callbackToleranceSeconds: 300,
        feedbackPerHour: options.limits?.feedbackPerHour ?? 1000,
        trackingLookupsPerMinute: options.limits?.trackingLookupsPerMinute ?? 1000,
      },
      {
        conn: env.conn,
        redis: env.redis,
        outbox,
        forum: options.forum ?? null,
        logger: env.logger,
        now: options.clock,
      },
    );
    let hotlineUrl = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    let sim: SpawnedApp | undefined;
    if (options.hotline) {
      hotlineUrl = `http://127.0.0.1:${await freePort()}`;
      sim = await spawnApp(
        'hotline-sim',
        'main',
        {
          PORT: new URL(hotlineUrl).port,
          HOST: '127.0.0.1',
          HOTLINE_API_KEY,
          HOTLINE_CALLBACK_SECRET: CALLBACK_SECRET,
          HOTLINE_CALLBACK_URL: `${server.url}/hotline/callback`,
          SIM_ACK_DELAY_MS: '300',
          SIM_PROGRESS_DELAY_MS: '100',
          SIM_CLOSE_DELAY_MS: '100',
          SIM_CALLBACK_RETRY_MS: '200',
          ...options.simEnv,
        },
        `${hotlineUrl}/healthz`,
      );
      env.onClose(() => sim?.stop());
    }
    let worker: RunningReferralWorkers | undefined;
    if (options.worker) {
      worker = await startReferralWorkers(
        {
          redisUrl: env.redisUrl,
          queuePrefix: env.prefix,
          concurrency: 2,
          webBaseUrl: PUBLIC_BASE_URL,
          hotline: {
            url: hotlineUrl,
            apiKey: HOTLINE_API_KEY,
            timeoutMs: options.hotlineTimeoutMs ?? 5000,
          },
          dispatch,
          schedule: { overdue: 0, recover: 0, cleanup: 0, stats: 0 },
          outboxRelayMs: 500,
        },
        { conn: env.conn, logger: env.logger, now: options.clock },
      );
      env.onClose(() => worker?.close());
    }
    env.onClose(() => Promise.all([...queues.values()].map((q) => q.close())));
    return {
      server,
      core: server.core,
      outbox,
      /** The in-process worker (with `worker: true`). */
      worker: worker as RunningReferralWorkers,
      /** The hotline simulator's URL (with `hotline: true`). */
      simUrl: options.hotline ? hotlineUrl : '',
    };
  });
  return Object.assign(h, {
    /** A BullMQ queue of this test's prefix, to look at the jobs the service produced. */
    queue(name: QueueName): Queue {
      let q = queues.get(name);
      if (!q) {
        q = new Queue(name, { connection: h.redis, prefix: h.prefix });
        queues.set(name, q);
      }
      return q;
    },
    /** Calls the simulator's API (with the key), e.g. `/_control/settings`. */
    async sim<T = any>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${h.simUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${HOTLINE_API_KEY}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`simulator ${method} ${path}: HTTP ${res.status}`);
      return (await res.json()) as T;
    },
  });
}

export type Harness = ReturnType<typeof useReferralHarness>;

export const viewers = {
  anonymous: ANONYMOUS,
  citizen: (id = 'citizen-1', email: string | null = 'an.nguyen@example.vn') =>
    testViewer('citizen', { id, displayName: 'Nguyễn Văn An', email }),
  moderator: () => testViewer('moderator', { displayName: 'Điều hành viên Lan' }),
  admin: () => testViewer('admin', { displayName: 'Quản trị' }),
  officer: (department: string, id = `officer-${department}`) =>
    testViewer('officer', { id, displayName: `Cán bộ ${department}`, department }),
  role: (role: Role) => testViewer(role),
};

export const SUBMIT_FEEDBACK = /* GraphQL */ `
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      routedTo
      trackingCode
      threadId
    }
  }
`;

export const TRACK_REFERRAL = /* GraphQL */ `
  query TrackReferral($code: String!) {
    referralByTrackingCode(code: $code) {
      trackingCode
      status
      categoryCode
      createdAt
      updatedAt
      publicResponse
      history {
        status
        at
        note
      }
    }
  }
`;

export const REFER_THREAD = /* GraphQL */ `
  mutation ReferThreadToHotline($threadId: ID!, $categoryCode: String!, $note: String) {
    referThreadToHotline(threadId: $threadId, categoryCode: $categoryCode, note: $note) {
      id
      trackingCode
      status
      targetAgency
      slaDueAt
      thread {
        id
      }
    }
  }
`;

export const UPDATE_STATUS = /* GraphQL */ `
  mutation UpdateReferralStatus(
    $id: ID!
    $status: ReferralStatus!
    $note: String
    $publicResponse: String
  ) {
    updateReferralStatus(id: $id, status: $status, note: $note, publicResponse: $publicResponse) {
      id
      status
      updatedAt
    }
  }
`;

export const REFERRAL_BY_ID = /* GraphQL */ `
  query Referral($id: ID!) {
    referral(id: $id) {
      id
      trackingCode
      status
      hotlineTicketId
      dispatchError
      publicResponse
      history {
        status
        note
        by
      }
    }
  }
`;

/** Feedback with a hotline category, as a signed-in citizen; returns its tracking code and id. */
export async function submitHotlineFeedback(
  h: Harness,
  categoryCode = 'DIEN',
  viewer: Viewer = viewers.citizen(),
  extra: Record<string, unknown> = {},
): Promise<{ trackingCode: string; id: string }> {
  const res = await h.call(viewer, SUBMIT_FEEDBACK, {
    input: {
      subject: 'Mất điện kéo dài ở phường Bến Nghé',
      body: 'Khu phố 2 mất điện từ 6 giờ sáng đến nay chưa có điện trở lại.',
      categoryCode,
      ...extra,
    },
  });
  if (res.errors) throw new Error(`submitFeedback failed: ${JSON.stringify(res.errors)}`);
  const trackingCode = res.data!.submitFeedback.trackingCode as string;
  const referral = await h.core.repo.findByTrackingCode(trackingCode);
  return { trackingCode, id: referral!._id.toHexString() };
}

/** The category insertReferral files a referral under. */
const TRAFFIC = {
  _id: 'GIAO-THONG',
  name: 'Giao thông, hạ tầng đường bộ, ngập nước',
  targetAgency: 'SO-XD',
  slaHours: 72,
};

/**
 * Inserts a RECEIVED referral straight into the database, with no dispatch job: for tests
 * that drive the processors themselves or need a referral in a given state.
 */
export async function insertReferral(
  h: Harness,
  overrides: Partial<NewReferral> = {},
): Promise<ReferralDoc> {
  const now = new Date();
  const id = overrides._id ?? new Types.ObjectId();
  return h.core.repo.insert({
    _id: id,
    source: 'DIRECT',
    sourceKey: `direct:${id.toHexString()}`,
    threadId: null,
    postId: null,
    subject: 'Đèn giao thông hỏng',
    summary: 'Đèn giao thông ngã tư Hàng Xanh không hoạt động từ tối qua.',
    referralNote: null,
    receivedNote: 'Đã tiếp nhận phản ánh.',
    createdBy: { kind: 'CITIZEN', id: null, name: 'Người dân' },
    contact: null,
    submittedBy: null,
    ...receivedReferral(TRAFFIC, now),
    ...overrides,
  });
}

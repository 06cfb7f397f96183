// The referral worker process, as production runs it, reports SLA breaches and its queues'
// health on its ops /metrics (what the chart's PrometheusRule alerts on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@portal/local-services';
import {
  TEST_INTERNAL_SECRET,
  metricValue,
  spawnApp,
  testServices,
  waitUntil,
  type SpawnedApp,
} from '@portal/testing';
import {
  CALLBACK_SECRET,
  HOTLINE_API_KEY,
  insertReferral,
  useReferralHarness,
} from './support/harness';

const HOUR = 3_600_000;
const h = useReferralHarness('worker_metrics');
let worker: SpawnedApp;
let metricsUrl: string;

beforeAll(async () => {
  const { mongoUri, redisUrl } = testServices();
  const opsPort = await freePort();
  metricsUrl = `http://127.0.0.1:${opsPort}/metrics`;
  worker = await spawnApp(
    'referral',
    'worker',
    {
      MONGODB_URI: mongoUri,
      MONGODB_DB: h.dbName,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: h.prefix,
      OPS_PORT: String(opsPort),
      INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
      PUBLIC_BASE_URL: 'https://cds.example.vn',
      HOTLINE_URL: `http://127.0.0.1:${await freePort()}`, // nothing listens
      HOTLINE_API_KEY,
      HOTLINE_CALLBACK_SECRET: CALLBACK_SECRET,
    },
    `http://127.0.0.1:${opsPort}/readyz`,
  );
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

const scrape = async () => (await fetch(metricsUrl)).text();

describe('referral worker /metrics', () => {
  it('counts open referrals past their SLA per agency and category, not closed or future ones', async () => {
    const now = Date.now();
    const overdue = {
      slaHours: 4,
      slaDueAt: new Date(now - 2 * HOUR),
      createdAt: new Date(now - 6 * HOUR),
    };
    for (const [status, targetAgency, categoryCode] of [
      ['IN_PROGRESS', 'SO-XD', 'GIAO-THONG'],
      ['FORWARDED', 'SO-XD', 'GIAO-THONG'],
      ['ACKNOWLEDGED', 'SO-TNMT', 'MOI-TRUONG'],
      ['RESOLVED', 'SO-YT', 'Y-TE'],
    ] as const)
      await insertReferral(h, { ...overdue, status, targetAgency, categoryCode });
    await insertReferral(h, {
      status: 'IN_PROGRESS',
      targetAgency: 'SO-YT',
      categoryCode: 'Y-TE',
      slaDueAt: new Date(now + HOUR),
    });

    const text = await waitUntil(
      async () => {
        const t = await scrape();
        return metricValue(t, 'referral_sla_overdue') === 3 ? t : null;
      },
      { what: 'three overdue referrals on /metrics' },
    );
    const traffic = { agency: 'SO-XD', category: 'GIAO-THONG' };
    expect(metricValue(text, 'referral_sla_overdue', traffic)).toBe(2);
    expect(
      metricValue(text, 'referral_sla_overdue', { agency: 'SO-TNMT', category: 'MOI-TRUONG' }),
    ).toBe(1);
    expect(metricValue(text, 'referral_sla_overdue', { agency: 'SO-YT' })).toBe(0);
    const late = metricValue(text, 'referral_sla_overdue_max_seconds', traffic);
    expect(late).toBeGreaterThanOrEqual(2 * 3600);
    expect(late).toBeLessThan(3 * 3600);
  });

  it('shows a job that failed for good in the failed count and the failure counter', async () => {
    const dispatch = h.queue('referral-dispatch');
    const before = metricValue(await scrape(), 'bullmq_jobs_failed_total', {
      queue: 'referral-dispatch',
      outcome: 'failed',
    });
    // A payload the processor refuses (UnrecoverableError): it fails at once, for good.
    await dispatch.add(
      'referral-dispatch',
      { referralId: 'not-an-id' },
      { jobId: 'bad.1', attempts: 3 },
    );
    const text = await waitUntil(
      async () => {
        const t = await scrape();
        return metricValue(t, 'bullmq_queue_jobs', {
          queue: 'referral-dispatch',
          state: 'failed',
        }) === 1
          ? t
          : null;
      },
      { what: 'the failed job on /metrics' },
    );
    expect(
      metricValue(text, 'bullmq_jobs_failed_total', {
        queue: 'referral-dispatch',
        outcome: 'failed',
      }) - before,
    ).toBe(1);
    expect(metricValue(text, 'bullmq_jobs_stalled_total', { queue: 'referral-maintenance' })).toBe(
      0,
    );
  });

  it('reports the backlog and the age of the oldest waiting job while the queue does not move', async () => {
    const dispatch = h.queue('referral-dispatch');
    await dispatch.pause();
    try {
      await dispatch.add(
        'referral-dispatch',
        { referralId: 'b'.repeat(24) },
        { jobId: 'backlog.1' },
      );
      await dispatch.add(
        'referral-dispatch',
        { referralId: 'c'.repeat(24) },
        { jobId: 'backlog.2' },
      );
      const text = await waitUntil(
        async () => {
          const t = await scrape();
          return metricValue(t, 'bullmq_queue_oldest_waiting_seconds', {
            queue: 'referral-dispatch',
          }) >= 1
            ? t
            : null;
        },
        { what: 'an aging backlog on /metrics' },
      );
      // A paused queue keeps its backlog in the paused list.
      expect(
        metricValue(text, 'bullmq_queue_jobs', { queue: 'referral-dispatch', state: 'paused' }),
      ).toBe(2);
      expect(
        metricValue(text, 'bullmq_queue_oldest_waiting_seconds', { queue: 'referral-maintenance' }),
      ).toBe(0);
    } finally {
      await dispatch.obliterate({ force: true }).catch(() => {});
    }
  });
});

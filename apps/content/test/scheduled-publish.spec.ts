import { afterAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createRedisConnection } from '@portal/queue';
import {
  spawnServingApp,
  testProcessEnv,
  testViewer,
  timeoutForProcesses,
  waitUntil,
  type SpawnedApp,
} from '@portal/testing';
import { createContent } from '../src/content-services';
import { publishJobId } from '../src/domain/publish-job';
import { viewStatsModels } from '../src/models/view-stats.model';
import { WEB_BASE_URL, createArticle, silentLogger, useContentServer } from './content-harness';

const h = useContentServer('content-schedule');

const PUBLISH =
  'mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id status scheduledAt publishedAt } }';
const STATE =
  'query($id: ID) { article(id: $id) { status publishedAt scheduledAt revisions { action by { id } } } }';

const workers: SpawnedApp[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

async function startWorker(): Promise<SpawnedApp> {
  const worker = await spawnServingApp('content', 'worker', {
    ...testProcessEnv(h.dbName, h.prefix),
    WEB_BASE_URL,
    HOST: '127.0.0.1',
    CONTENT_VIEW_FLUSH_INTERVAL_MS: '1000',
  });
  workers.push(worker);
  return worker;
}

async function state(id: string) {
  return (await h.call('editor', STATE, { id })).data?.article;
}

function inSeconds(s: number): string {
  return new Date(Date.now() + s * 1000).toISOString();
}

// A test here starts the worker up to twice and waits for it to publish.
const twoStarts = { timeout: timeoutForProcesses(2, 60_000) };

describe('scheduled publishing through the real worker', twoStarts, () => {
  it('publishes on time after the worker restarts, and tells partners once', async () => {
    const first = await startWorker();
    await first.stop();

    const a = await createArticle(h, 'editor', {
      title: 'Ra mắt nền tảng dữ liệu mở của Thành phố',
    });
    const at = inSeconds(2);
    const scheduled = await h.call('editor', PUBLISH, { id: a.id, at });
    expect(scheduled.data?.publishArticle).toMatchObject({
      status: 'SCHEDULED',
      publishedAt: null,
    });
    // The job waits in Redis while no worker runs.
    const job = await h.queues.publish.queue.getJob(publishJobId(a.id, new Date(at)));
    expect(job?.data).toEqual({ articleId: a.id, scheduledAt: new Date(at).toISOString() });

    await startWorker();
    const published = await waitUntil(
      async () => {
        const s = await state(a.id);
        return s?.status === 'PUBLISHED' ? s : null;
      },
      { what: 'the scheduled article to be published', timeoutMs: 30_000 },
    );
    expect(Date.parse(published.publishedAt)).toBeGreaterThanOrEqual(Date.parse(at));
    expect(published.scheduledAt).toBeNull();
    expect(published.revisions.at(-1)).toEqual({ action: 'PUBLISHED', by: null });

    // The webhook is handed over after the article is saved as published.
    const webhooksFor = async () =>
      (
        await h.queues.notifications.queue.getJobs(['waiting', 'delayed', 'completed', 'failed'])
      ).filter((j) => j.data.payload?.id === a.id);
    await waitUntil(async () => (await webhooksFor()).length > 0, {
      what: 'the article.published webhook job',
    });
    const mine = await webhooksFor();
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toMatchObject({
      kind: 'webhook',
      event: 'article.published',
      payload: {
        id: a.id,
        slug: a.slug,
        title: 'Ra mắt nền tảng dữ liệu mở của Thành phố',
        url: `${WEB_BASE_URL}/bai-viet/${a.slug}`,
      },
    });
    // Public fields only: nothing about the author or the workflow.
    expect(JSON.stringify(mine[0]!.data)).not.toMatch(/editor-1|revisions|author/);
  });

  it('replaces the job when rescheduled, so only the new time publishes', async () => {
    const a = await createArticle(h, 'editor');
    const far = inSeconds(3600);
    await h.call('editor', PUBLISH, { id: a.id, at: far });
    const oldJobId = publishJobId(a.id, new Date(far));
    expect(await h.queues.publish.queue.getJob(oldJobId)).toBeTruthy();

    const soon = inSeconds(2);
    const res = await h.call('editor', PUBLISH, { id: a.id, at: soon });
    expect(res.data?.publishArticle).toMatchObject({ status: 'SCHEDULED', scheduledAt: soon });
    expect(await h.queues.publish.queue.getJob(oldJobId)).toBeFalsy();
    await waitUntil(async () => (await state(a.id))?.status === 'PUBLISHED', {
      what: 'the rescheduled article to be published',
    });
    const actions = (await state(a.id)).revisions.map((r: { action: string }) => r.action);
    expect(actions).toEqual(['CREATED', 'SCHEDULED', 'SCHEDULED', 'PUBLISHED']);
  });

  it('does nothing for a job whose schedule no longer applies', async () => {
    const a = await createArticle(h, 'editor');
    const at = inSeconds(3600);
    await h.call('editor', PUBLISH, { id: a.id, at });
    await h.call('editor', 'mutation($id: ID!) { returnArticleToDraft(id: $id) { id } }', {
      id: a.id,
    });
    // A stale job (as if it had survived) must not publish the draft.
    expect(await h.services.publication.publishScheduled(a.id, new Date(at))).toBe('skipped');
    const again = await createArticle(h, 'editor');
    const t1 = inSeconds(3600);
    await h.call('editor', PUBLISH, { id: again.id, at: t1 });
    expect(
      await h.services.publication.publishScheduled(again.id, new Date(Date.parse(t1) + 1)),
    ).toBe('skipped');
    expect((await state(a.id)).status).toBe('DRAFT');
    expect((await state(again.id)).status).toBe('SCHEDULED');
  });

  it('flushes views periodically in the worker', async () => {
    const a = await createArticle(h, 'editor');
    await h.call('editor', PUBLISH, { id: a.id });
    await h.call(
      null,
      'mutation($id: ID!) { recordArticleView(id: $id, device: MOBILE) }',
      { id: a.id },
      { clientKey: 'w-1' },
    );
    const totals = viewStatsModels(h.conn).totals;
    const flushed = await waitUntil(() => totals.findById(a.id).lean().exec(), {
      what: 'the worker to flush views',
    });
    expect(flushed.total).toBe(1);
  });
});

describe('outages', () => {
  it('keeps a schedule made while Redis is down in the outbox and hands it over later', async () => {
    const dead = createRedisConnection('redis://127.0.0.1:1', 'producer', {
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    const { queues: deadQueues, services } = createContent({
      conn: h.conn,
      redis: dead,
      prefix: h.prefix,
      webBaseUrl: WEB_BASE_URL,
      viewDedupeSeconds: 60,
      logger: silentLogger,
    });
    const a = await createArticle(h, 'editor');
    const at = new Date(Date.now() + 3600_000);
    const scheduled = await services.articles.publish(testViewer('editor'), a.id, at);
    expect(scheduled.status).toBe('SCHEDULED');
    const jobIdNow = publishJobId(a.id, at);
    expect(await h.queues.publish.queue.getJob(jobIdNow)).toBeFalsy();
    expect(await h.queues.outbox.pendingCount()).toBeGreaterThanOrEqual(1);

    expect(await h.queues.outbox.relay()).toBeGreaterThanOrEqual(1);
    const job = await h.queues.publish.queue.getJob(jobIdNow);
    expect(job?.data).toEqual({ articleId: a.id, scheduledAt: at.toISOString() });
    expect(await job?.isDelayed()).toBe(true);
    await deadQueues.close();
    dead.disconnect();
  });

  it('publishes a scheduled article whose job was lost, and notifies once', async () => {
    const a = await createArticle(h, 'editor');
    const at = inSeconds(3600);
    await h.call('editor', PUBLISH, { id: a.id, at });
    // Redis lost the job (e.g. restored from an old snapshot).
    await h.queues.publish.remove(publishJobId(a.id, new Date(at)));
    const later = new Date(Date.parse(at) + 5 * 60_000);
    const { queues, services } = createContent({
      conn: h.conn,
      redis: h.redis,
      prefix: h.prefix,
      webBaseUrl: WEB_BASE_URL,
      viewDedupeSeconds: 60,
      logger: silentLogger,
      now: () => later,
    });
    const first = await services.publication.reconcile();
    expect(first.published).toBeGreaterThanOrEqual(1);
    expect((await state(a.id)).status).toBe('PUBLISHED');
    const second = await services.publication.reconcile();
    expect(second.published).toBe(0);
    const notifications = new Queue('notifications', { connection: h.redis, prefix: h.prefix });
    const jobs = (
      await notifications.getJobs(['waiting', 'delayed', 'completed', 'failed'])
    ).filter((j) => j.data.payload?.id === a.id);
    expect(jobs).toHaveLength(1);
    await notifications.close();
    await queues.close();
  });
});

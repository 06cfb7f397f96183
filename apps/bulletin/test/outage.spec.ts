import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { Outbox, Producer, createRedisConnection } from '@portal/queue';
import { internalTokenFor, gql, testViewer } from '@portal/testing';
import { publishJobId } from '../src/domain/publish-job';
import { startServer, type RunningBulletin } from '../src/server';
import { SCHEDULE, bulletinTestConfig, issueWithItems, useBulletin } from './support/harness';

// The harness's bulletin composes the issue; a second instance of the subgraph on the same
// database, whose Redis is unreachable, schedules it.
const b = useBulletin('outage');
const logger = createLogger({ service: 'bulletin-outage', level: 'silent', pretty: false });
const dead = createRedisConnection('redis://127.0.0.1:1', 'producer', {
  retryStrategy: () => null,
});
dead.on('error', () => {});
let cut: RunningBulletin | undefined;

afterAll(async () => {
  await cut?.close();
  dead.disconnect();
});

describe('a Redis outage', () => {
  it('keeps a schedule in the outbox and hands it to the queue once Redis is back', async () => {
    const { id } = await issueWithItems(b, 2025, 3, {
      Tin: [{ title: 'Bài trong lúc Redis ngừng' }],
    });
    const conn = b.models.issues.db;
    cut = await startServer(
      bulletinTestConfig({ contentUrl: b.content.url, audioDir: b.audioDir, prefix: b.prefix }),
      {
        conn,
        redis: dead,
        publishProducer: new Producer('bulletin-publish', dead, b.prefix),
        notificationsProducer: new Producer('notifications', dead, b.prefix),
        logger,
      },
    );
    const at = new Date(Date.now() + 3600_000);
    const res = await gql(cut.server.graphqlUrl, SCHEDULE, {
      variables: { id, at: at.toISOString() },
      internalToken: await internalTokenFor(testViewer('editor')),
    });
    // The editor's request succeeds: the job waits in the database, not in the lost Redis.
    expect(res.data!.scheduleBulletinIssue).toMatchObject({ id, status: 'SCHEDULED' });
    expect(await cut.outbox.pendingCount()).toBe(1);
    expect(await b.publishProducer.queue.getJob(publishJobId(id, at))).toBeUndefined();
    expect((await fetch(`${cut.server.url}/readyz`)).status).toBe(503);

    // Redis is back: the relay (main.ts runs it every few seconds) hands the job over, once.
    const live = new Outbox(conn, { 'bulletin-publish': b.publishProducer }, logger);
    expect(await live.relay()).toBe(1);
    expect(await live.relay()).toBe(0);
    const job = await b.publishProducer.queue.getJob(publishJobId(id, at));
    expect(job?.data).toEqual({ issueId: id, scheduledAt: at.toISOString() });
    expect(await job!.getState()).toBe('delayed');
  });
});

import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink, freePort, type SinkMessage } from '@portal/local-services';
import { Producer, createRedisConnection } from '@portal/queue';
import {
  spawnApp,
  testServices,
  timeoutForProcesses,
  uniqueName,
  useTestDatabase,
  waitUntil,
  type SpawnedApp,
  waitForReady,
} from '@portal/testing';
import { notifierModels, type NotifierModels } from '../src/models';
import { MAIL_FROM } from './support/harness';
import { emailNotification, PORTAL, subscribers } from './support/sample-messages';
import { SmtpGate } from './support/smtp-gate';

// The notifier runs as its own process here, as in production, so it can really be killed.
const db = useTestDatabase('notifier_crash');
const { redisUrl } = testServices();
const prefix = uniqueName('crash');
const redis = createRedisConnection(redisUrl, 'producer');
const notifications = new Producer('notifications', redis, prefix);
const emailQueue = new Queue('notifier-email', { connection: redis, prefix });
let sink: SmtpSink;
let gate: SmtpGate;
let models: NotifierModels;
let port: number;
const running: SpawnedApp[] = [];

beforeAll(async () => {
  sink = await new SmtpSink().start();
  gate = await new SmtpGate(sink.smtpPort).start();
  models = notifierModels(await db.connection());
  port = await freePort();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
  gate.mode = 'open';
});

afterAll(async () => {
  await notifications.close();
  await emailQueue.close();
  redis.disconnect();
  await gate?.stop();
  await sink?.stop();
});

async function startWorker(): Promise<SpawnedApp> {
  const app = await spawnApp(
    'notifier',
    'main',
    {
      MONGODB_URI: db.uri,
      MONGODB_DB: db.dbName,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      SMTP_URL: gate.url,
      MAIL_FROM,
      PUBLIC_BASE_URL: PORTAL,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_FORMAT: 'json',
      EMAIL_CONCURRENCY: '4',
      EMAIL_RATE_PER_SECOND: '1000',
      EMAIL_MAX_ATTEMPTS: '10',
      EMAIL_RETRY_DELAY_MS: '200',
      // Sends held by the gate must outlast the moment of the kill, and a relay slowed by a
      // busy machine must not make a send time out after the relay took the message (that
      // one would be sent again: SMTP is at least once); claims must outlast 3 sends.
      SMTP_TIMEOUT_MS: '8000',
      DELIVERY_CLAIM_TTL_MS: '25000',
      // A dead worker's jobs are picked up again quickly.
      NOTIFIER_JOB_LOCK_MS: '2000',
      NOTIFIER_STALLED_CHECK_MS: '500',
    },
    `http://127.0.0.1:${port}/readyz`,
  );
  running.push(app);
  return app;
}

async function kill(app: SpawnedApp): Promise<void> {
  app.process.child.kill('SIGKILL');
  await app.process.exited;
  running.splice(running.indexOf(app), 1);
}

const mine = (label: string) => (m: SinkMessage) => m.envelopeTo[0]!.startsWith(`${label}.`);
const copies = (label: string) => {
  const byRecipient = new Map<string, SinkMessage[]>();
  for (const m of sink.all().filter(mine(label)))
    byRecipient.set(m.envelopeTo[0]!, [...(byRecipient.get(m.envelopeTo[0]!) ?? []), m]);
  return byRecipient;
};

/** Mails `size` subscribers as `bulletin.<label>`; returns once `underWay` reached the relay. */
async function sendBatch(label: string, size: number, underWay: number) {
  const batch = subscribers(size, label);
  const notificationId = `bulletin.${label}`;
  await notifications.enqueue(emailNotification(notificationId, batch), { jobId: `${label}.1` });
  await sink.waitFor(underWay, mine(label));
  return { batch, notificationId };
}

async function allSettled(notificationId: string, count: number): Promise<void> {
  await waitUntil(
    async () => {
      if ((await models.Delivery.countDocuments({ notificationId, status: 'sent' })) !== count)
        return false;
      const c = await emailQueue.getJobCounts('waiting', 'active', 'delayed');
      return c.waiting === 0 && c.active === 0 && c.delayed === 0;
    },
    { what: `${count} deliveries of ${notificationId}`, timeoutMs: 60_000 },
  );
}

/** Attempts of this notification's deliveries that no worker has finished (or closed as abandoned). */
async function unfinishedAttempts(notificationId: string, ofStatus?: string): Promise<number> {
  const filter = ofStatus ? { notificationId, status: ofStatus } : { notificationId };
  const ids = (await models.Delivery.find(filter, { _id: 1 }).lean()).map((d) => d._id);
  return models.DeliveryAttempt.countDocuments({ deliveryId: { $in: ids }, outcome: null });
}

// Each test starts the notifier twice and waits for a batch to be delivered (up to a
// minute for the last deliveries under load), besides the waits before the crash.
const twoStarts = { timeout: timeoutForProcesses(2, 120_000) };

describe('a notifier process that dies or stops mid-batch', twoStarts, () => {
  it('killed while sends are under way: after a restart every recipient has exactly one message', async () => {
    const worker = await startWorker();
    const { batch, notificationId } = await sendBatch('kill', 40, 8);

    // Nothing more reaches the relay: sends under way hang, and every message the relay
    // accepted so far is recorded. Then the process dies with attempts open.
    gate.mode = 'hold-requests';
    const open = await waitUntil(
      async () => {
        if (gate.awaitingReplies > 0) return false;
        // The same recipients, not only as many: a count can match while one accepted message
        // is still unrecorded and another, recorded, has not reached the sink's list yet (a
        // busy CI run met that, and the unrecorded one was rightly sent again after the kill).
        const recorded = new Set(
          (await models.Delivery.find({ notificationId, status: 'sent' }).lean()).map(
            (d) => d.email,
          ),
        );
        const accepted = sink.all().filter(mine('kill'));
        const unfinished = await unfinishedAttempts(notificationId, 'pending');
        return (
          accepted.length === recorded.size &&
          accepted.every((m) => recorded.has(m.envelopeTo[0]!)) &&
          unfinished > 0 &&
          unfinished
        );
      },
      { what: 'sends hanging with every accepted message recorded' },
    );
    await kill(worker);
    const beforeCrash = sink.all().filter(mine('kill')).length;
    expect(beforeCrash).toBeLessThan(40);
    expect(open).toBeGreaterThan(0);

    gate.mode = 'open';
    await startWorker();
    await allSettled(notificationId, 40);
    const received = copies('kill');
    expect(received.size).toBe(40);
    // One message each. The one window SMTP leaves open is not the crash's: a send whose
    // reply came after SMTP_TIMEOUT_MS (the relay had the message; a machine busy enough
    // can take that long) fails, and its retry sends again. Such a send shows as a failed
    // attempt of that delivery, and allows that one copy more; the crash adds none (its
    // open attempts are closed as abandoned, never as failed).
    const failedAttempts = new Map<string, number>();
    const emailOf = new Map(
      (await models.Delivery.find({ notificationId }).lean()).map((d) => [String(d._id), d.email]),
    );
    for (const a of await models.DeliveryAttempt.find({ outcome: 'failed' }).lean()) {
      const email = emailOf.get(String(a.deliveryId));
      if (email) failedAttempts.set(email, (failedAttempts.get(email) ?? 0) + 1);
    }
    for (const r of batch) {
      const got = received.get(r.email)!.length;
      const failed = failedAttempts.get(r.email) ?? 0;
      expect(got, `${r.email}: ${got} copies, ${failed} failed attempts`).toBeLessThanOrEqual(
        1 + failed,
      );
    }
    // The attempts the dead process left open were taken over, not forgotten.
    expect(await models.DeliveryAttempt.countDocuments({ recovered: true })).toBeGreaterThan(0);
    expect(await models.DeliveryAttempt.countDocuments({ outcome: 'abandoned' })).toBeGreaterThan(
      0,
    );
    // A kill between recording the delivery and closing its attempt leaves that attempt open
    // harmlessly (the delivery is settled); none may stay open for an unsettled delivery.
    expect(await models.Delivery.countDocuments({ notificationId, status: { $ne: 'sent' } })).toBe(
      0,
    );
    expect(await unfinishedAttempts(notificationId, 'pending')).toBe(0);
  });

  it('killed after the relay accepted a message but before recording it: that one is sent again, same Message-ID, and only that one', async () => {
    const worker = await startWorker();
    const { notificationId } = await sendBatch('window', 20, 5);

    // The relay gets whole messages but its "250 accepted" never reaches the worker.
    gate.mode = 'hold-final-replies';
    await waitUntil(
      async () => {
        const sent = await models.Delivery.countDocuments({ notificationId, status: 'sent' });
        return gate.unansweredAtServer === 0 && sink.all().filter(mine('window')).length > sent;
      },
      { what: 'a message accepted by the relay and not recorded' },
    );
    await kill(worker);
    await waitUntil(() => sink.all().length === gate.messagesForwarded, {
      what: 'relay to settle',
    });
    const acceptedBeforeCrash = new Set(
      sink
        .all()
        .filter(mine('window'))
        .map((m) => m.envelopeTo[0]!),
    );

    gate.mode = 'open';
    await startWorker();
    await allSettled(notificationId, 20);
    const recovered = new Set(
      (await models.DeliveryAttempt.find({ recovered: true }).lean()).map((a) => a.deliveryId),
    );
    const deliveries = await models.Delivery.find({ notificationId }).lean();
    const received = copies('window');
    let seconds = 0;
    for (const d of deliveries) {
      const got = received.get(d.email!) ?? [];
      // Accepted before the crash and taken over after it: the documented second copy.
      const expected = acceptedBeforeCrash.has(d.email!) && recovered.has(d._id) ? 2 : 1;
      expect(got, d.email!).toHaveLength(expected);
      if (expected === 2) {
        seconds++;
        expect(got[0]!.headers['message-id']).toBe(got[1]!.headers['message-id']);
      }
    }
    expect(seconds).toBeGreaterThan(0);
    expect(received.size).toBe(20);
  });

  it('stopped with SIGTERM: finishes the sends under way, exits 0, and the rest follow after a restart', async () => {
    const worker = await startWorker();
    expect(await waitForReady(`http://127.0.0.1:${port}/readyz`)).toEqual({
      status: 'ready',
      checks: { mongo: 'ok', redis: 'ok', 'event-loop': 'ok', progress: 'ok' },
    });
    const { batch, notificationId } = await sendBatch('term', 30, 5);
    await worker.stop();
    running.splice(running.indexOf(worker), 1);
    expect(await worker.process.exited, worker.process.describe()).toBe(0);
    // Graceful: every send under way finished and was recorded; no attempt is left open, and
    // no job is left active for the stalled check to hand out again.
    expect(await unfinishedAttempts(notificationId)).toBe(0);
    expect((await emailQueue.getActive()).map((j) => j.id)).toEqual([]);
    const sent = await models.Delivery.countDocuments({ notificationId, status: 'sent' });
    expect(sent).toBe(sink.all().filter(mine('term')).length);

    await startWorker();
    await allSettled(notificationId, 30);
    const received = copies('term');
    for (const r of batch) expect(received.get(r.email), r.email).toHaveLength(1);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(
      /notifier_deliveries_total\{channel="email",outcome="sent",service="notifier"\} \d+/,
    );
    expect(metrics).toMatch(
      /bullmq_queue_jobs\{queue="notifier-email",state="waiting",service="notifier"\} 0/,
    );
  });
});

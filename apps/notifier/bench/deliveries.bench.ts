// Deliveries per second to the SMTP sink and to a webhook receiver, through the whole
// pipeline: notifications job → fan-out → delivery log → per-delivery job → send → record.
//
//   npx tsx apps/notifier/bench/deliveries.bench.ts [--emails 2000] [--events 200]
//     [--endpoints 10] [--concurrency 16]
//
// Without MONGODB_URI / REDIS_URL it starts a throwaway FerretDB and Redis, as the tests
// do. The notifier, the SMTP sink and the receiver share this process, so the figures are
// a floor for one notifier process on this machine, not a capacity plan.
import { Registry } from 'prom-client';
import { connectDatabase } from '@portal/db';
import { SmtpSink } from '@portal/local-services';
import { createLogger } from '@portal/logger';
import { Producer, createRedisConnection } from '@portal/queue';
import { benchServices, benchSizes, reportBenchmark } from '@portal/testing/bench';
import type { NotifierConfig } from '../src/config';
import { parseAllowList } from '../src/domain/webhook-address';
import { addEndpoint } from '../src/models/webhook-endpoint.repository';
import { startNotifier } from '../src/notifier';
import { articlePublished, emailNotification, subscribers } from '../test/support/sample-messages';
import { WebhookReceiver } from '../test/support/webhook-receiver';

const {
  emails,
  events,
  endpoints: endpointCount,
  concurrency,
} = benchSizes({ emails: 2000, events: 200, endpoints: 10, concurrency: 16 });
const BATCH = 500;

const say = (line: string) => process.stdout.write(`${line}\n`);
async function waitFor(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
}

async function main(): Promise<void> {
  const services = await benchServices('notifier');
  const { mongoUri, redisUrl } = services;
  const dbName = `bench_notifier_${Date.now()}`;
  const conn = await connectDatabase({ uri: mongoUri, dbName });
  const sink = await new SmtpSink().start();
  const receiver = await new WebhookReceiver().start();
  const prefix = `bench${Date.now()}`;
  const LOOPBACK = parseAllowList('127.0.0.1');
  const channel = { concurrency, ratePerSecond: 100_000, maxAttempts: 3, retryDelayMs: 500 };
  const config: NotifierConfig = {
    queuePrefix: prefix,
    webBaseUrl: 'https://cds.hochiminhcity.gov.vn',
    mailFrom: 'Cổng thông tin Chuyển đổi số TP.HCM <no-reply@cds.hochiminhcity.gov.vn>',
    smtp: { url: sink.smtpUrl, timeoutMs: 10_000 },
    dispatchConcurrency: 2,
    email: channel,
    // The receiver listens on loopback: a development allow-list, as for tests.
    webhook: { ...channel, timeoutMs: 5000, disableAfterFailures: 1000, allowedHosts: LOOPBACK },
    claimTtlMs: 60_000,
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
    maintenance: { intervalMs: 3_600_000, retentionDays: 90 },
  };
  const logger = createLogger({ service: 'notifier-bench', level: 'warn', pretty: false });
  const notifier = await startNotifier(config, {
    conn,
    redisUrl,
    logger,
    registry: new Registry(),
  });
  const redis = createRedisConnection(redisUrl, 'producer');
  const notifications = new Producer('notifications', redis, prefix);
  const { Delivery } = notifier.ctx.models;
  const sent = (channelName: string) =>
    Delivery.countDocuments({ channel: channelName, status: 'sent' });

  try {
    say(
      `notifier bench: concurrency ${concurrency} per channel, FerretDB ${mongoUri}, Redis ${redisUrl}`,
    );

    // E-mail: one bulletin to `emails` subscribers, in batches as the bulletin service sends them.
    const everyone = subscribers(emails, 'bench');
    let t0 = performance.now();
    for (let i = 0; i < everyone.length; i += BATCH)
      await notifications.enqueue(
        emailNotification('bench.bulletin', everyone.slice(i, i + BATCH)),
        {
          jobId: `bench.email.${i}`,
        },
      );
    // Counted where the messages arrive (a database count per poll would slow FerretDB down),
    // then once in the log: a delivery counts when it is recorded as sent.
    await waitFor(() => (sink.all().at(-1)?.id ?? 0) >= emails);
    await waitFor(async () => (await sent('email')) >= emails);
    let seconds = (performance.now() - t0) / 1000;
    reportBenchmark({
      name: 'notifier e-mail deliveries to the SMTP sink',
      value: emails / seconds,
      unit: 'deliveries/s',
      better: 'higher',
      detail: `${emails} messages, concurrency ${concurrency}`,
    });
    say(
      `email:   ${emails} deliveries to the SMTP sink in ${seconds.toFixed(2)} s = ${(emails / seconds).toFixed(0)} deliveries/s (sink holds ${sink.all().length}, keeps at most 2000)`,
    );

    // Webhooks: `events` article events to `endpointCount` partner endpoints.
    for (let i = 0; i < endpointCount; i++)
      await addEndpoint(
        notifier.ctx.models,
        {
          partner: `Đối tác ${i + 1}`,
          url: receiver.url(`/p${i + 1}`),
          events: ['article.published'],
        },
        { requireHttps: false, allowedHosts: LOOPBACK },
      );
    const total = events * endpointCount;
    t0 = performance.now();
    for (let i = 0; i < events; i++)
      await notifications.enqueue(articlePublished(`bench.article.${i}`), {
        jobId: `bench.webhook.${i}`,
      });
    await waitFor(() => receiver.requests.length >= total);
    await waitFor(async () => (await sent('webhook')) >= total);
    seconds = (performance.now() - t0) / 1000;
    reportBenchmark({
      name: 'notifier webhook deliveries (signed)',
      value: total / seconds,
      unit: 'deliveries/s',
      better: 'higher',
      detail: `${events} events × ${endpointCount} endpoints, concurrency ${concurrency}`,
    });
    say(
      `webhook: ${total} deliveries (${events} events × ${endpointCount} endpoints) in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0)} deliveries/s (receiver got ${receiver.requests.length})`,
    );
  } finally {
    await notifier.close();
    await notifications.close();
    redis.disconnect();
    await conn.dropDatabase().catch(() => {});
    await conn.close();
    await receiver.stop();
    await sink.stop();
    await services.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});

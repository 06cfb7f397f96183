// The referral subgraph as the benches run it: production settings, limits lifted, its
// outbox on the bench's Redis, no forum.
import { Types, type Connection } from 'mongoose';
import { connectDatabase } from '@portal/db';
import { createLogger, type Logger } from '@portal/logger';
import { Outbox, createRedisConnection } from '@portal/queue';
import { benchServices } from '@portal/testing/bench';
import { receivedReferral, type RoutingCategory } from '../src/domain/received-referral';
import { newTrackingCode } from '../src/domain/tracking-code';
import { closeProducers, createProducers } from '../src/jobs/producers';
import { referralModels } from '../src/models';
import { startServer } from '../src/server';

export const BENCH_SECRET = 'bench-internal-secret-0123456789abcdef';

/** A referral bench's services (`benchServices`), its logger, and a fresh database `<dbPrefix>_<now>` with the referral models. */
export async function benchReferralDatabase(name: string, dbPrefix: string) {
  const services = await benchServices(name);
  const logger = createLogger({ service: 'referral-bench', level: 'error', pretty: false });
  const conn = await connectDatabase({
    uri: services.mongoUri,
    dbName: `${dbPrefix}_${Date.now()}`,
  });
  return { services, logger, conn, models: await referralModels.prepare(conn) };
}

/**
 * The `i`-th referral a bench inserts: a citizen's direct feedback in `category`, received at
 * `at` and forwarded to the hotline as ticket `1022-<i>`; `fields` change the rest.
 */
export function benchReferral(
  i: number,
  category: RoutingCategory,
  at: Date,
  fields: Record<string, unknown> = {},
) {
  const _id = new Types.ObjectId();
  return {
    _id,
    trackingCode: newTrackingCode(),
    source: 'DIRECT',
    sourceKey: `direct:${_id.toHexString()}`,
    threadId: null as string | null,
    postId: null,
    subject: 'Mất điện kéo dài',
    summary: 'Khu phố 2 mất điện từ 6 giờ sáng.',
    referralNote: null,
    receivedNote: null as string | null,
    createdBy: { kind: 'CITIZEN', id: null, name: 'Người dân' },
    contact: null,
    submittedBy: null,
    ...receivedReferral(category, at),
    status: 'FORWARDED' as string,
    hotlineTicketId: `1022-${i}`,
    version: 1,
    ...fields,
  };
}

export async function startBenchReferral(conn: Connection, redisUrl: string, logger: Logger) {
  const redis = createRedisConnection(redisUrl, 'producer');
  const producers = createProducers(redis, 'bench', {
    attempts: 1,
    backoffMs: 1000,
    maxBackoffMs: 1000,
  });
  const outbox = new Outbox(conn, producers, logger);
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      production: true,
      internalTokenSecret: BENCH_SECRET,
      webBaseUrl: 'http://localhost:4000',
      redisPrefix: 'bench',
      hotlineCallbackSecret: 'bench-callback-secret-0123456789abcdef',
      callbackToleranceSeconds: 300,
      feedbackPerHour: 1_000_000,
      trackingLookupsPerMinute: 100_000_000,
    },
    { conn, redis, outbox, forum: null, logger },
  );
  return {
    url: server.url,
    /** The statistics service, for the reference path (every record) beside the graph's. */
    stats: server.stats,
    async close() {
      await server.close();
      outbox.stop();
      await closeProducers(producers);
      redis.disconnect();
    },
  };
}

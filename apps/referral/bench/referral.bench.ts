// Benchmarks the referral subgraph's public hot paths, on its own FerretDB and Redis:
//   - referralByTrackingCode (the citizen's tracking page), one code per request;
//   - Thread.referral for a forum list page: one _entities call with 50 thread references.
// Run: npx tsx apps/referral/bench/referral.bench.ts [--seconds 10] [--connections 20]
import autocannon from 'autocannon';
import { Types } from 'mongoose';
import { ANONYMOUS, signInternalToken } from '@portal/auth';
import { benchSizes, reportThroughput } from '@portal/testing/bench';
import {
  BENCH_SECRET as SECRET,
  benchReferral,
  benchReferralDatabase,
  startBenchReferral,
} from './bench-server';
import { CategoryService } from '../src/services/category.service';

const {
  seconds,
  connections,
  referrals: total,
} = benchSizes({ seconds: 10, connections: 20, referrals: 2000 });
const say = (line: string) => process.stdout.write(`${line}\n`);

const { services, logger, conn, models } = await benchReferralDatabase(
  'referral',
  'referral_bench',
);
await new CategoryService(models).ensureDefaults();

// Half forum-thread referrals, half direct ones, in the shape the service writes.
const POWER = { _id: 'DIEN', name: 'Điện', targetAgency: 'EVNHCMC', slaHours: 24 };
const now = new Date();
const threadIds: string[] = [];
const codes: string[] = [];
const docs = Array.from({ length: total }, (_, i) => {
  const threadId = i % 2 === 0 ? new Types.ObjectId().toHexString() : null;
  if (threadId) threadIds.push(threadId);
  const doc = benchReferral(i, POWER, now, {
    receivedNote: 'Đã tiếp nhận phản ánh.',
    ...(threadId && { source: 'FORUM_THREAD', sourceKey: `thread:${threadId}`, threadId }),
  });
  codes.push(doc.trackingCode);
  return doc;
});
for (let i = 0; i < docs.length; i += 500) await models.Referral.insertMany(docs.slice(i, i + 500));

const server = await startBenchReferral(conn, services.redisUrl, logger);

const token = await signInternalToken(ANONYMOUS, SECRET, {
  audience: 'referral',
  ttlSeconds: 3600,
  clientKey: 'bench',
});
const headers = { 'content-type': 'application/json', 'x-portal-viewer': token };
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
const TRACK = `query TrackReferral($code: String!) { referralByTrackingCode(code: $code) { trackingCode status categoryCode createdAt updatedAt publicResponse history { status at note } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Thread { id referral { trackingCode status } } } }`;

async function run(name: string, body: () => string): Promise<void> {
  const result = await autocannon({
    url: `${server.url}/graphql`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers,
        setupRequest: (req) => ({ ...req, body: body() }),
      },
    ],
  });
  reportThroughput(`referral ${name}`, result, connections, `${total} referrals`);
  say(
    `${name}: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `${result.requests.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx`,
  );
}

say(`referral bench: ${total} referrals, ${connections} connections, ${seconds} s per case`);
await run('referralByTrackingCode', () =>
  JSON.stringify({ query: TRACK, variables: { code: pick(codes) } }),
);
await run('Thread.referral x50 (_entities)', () =>
  JSON.stringify({
    query: ENTITIES,
    variables: {
      r: Array.from({ length: 50 }, () => ({ __typename: 'Thread', id: pick(threadIds) })),
    },
  }),
);
say(`server process RSS after the runs: ${Math.round(process.memoryUsage().rss / 1048576)} MiB`);

// autocannon stops without waiting for its last requests: let them finish first.
await new Promise((r) => setTimeout(r, 1000));
await server.close();
await conn.dropDatabase();
await conn.close();
await services.stop();

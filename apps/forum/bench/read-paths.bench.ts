// Throughput of the forum's hot read paths on a real FerretDB and Redis:
//   npx tsx apps/forum/bench/read-paths.bench.ts
// Starts its own FerretDB and Redis (unless MONGODB_URI / REDIS_URL are set), the subgraph
// in-process with the demo data, then drives the contract's ForumThreads and ForumThread
// operations with autocannon. Prints requests per second, latency percentiles and memory; asserts nothing.
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { INTERNAL_TOKEN_HEADER, signInternalToken, ANONYMOUS } from '@portal/auth';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { benchServices, reportThroughput } from '@portal/testing/bench';
import { seedForumDemo } from '../src/demo-seed';
import { startServer } from '../src/server';
import { DEFAULT_RULES } from '../src/domain/forum-rules';
import { contractOperation } from '@portal/local-services';
import { FORUM_THREAD } from '../test/forum-operations';

const SECONDS = 8;
const CONNECTIONS = 10;
const out = (line: string) => process.stdout.write(`${line}\n`);

const services = await benchServices('forum');
const connection = await mongoose
  .createConnection(services.mongoUri, { dbName: `forum_bench_${Date.now()}` })
  .asPromise();
const redis = createRedisConnection(services.redisUrl, 'producer');
const secret = 'bench-internal-secret-0123456789abcdef';
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  internalTokenSecret: secret,
  production: true,
  logger: createLogger({ service: 'forum-bench', level: 'silent', pretty: false }),
  connection,
  redis,
  queuePrefix: 'bench',
  rules: DEFAULT_RULES,
});
await seedForumDemo(server.services.models);
const someThread = await server.services.models.threads
  .findOne({ workflowStatus: 'ANSWERED' })
  .lean();

async function run(
  title: string,
  query: string,
  variables: Record<string, unknown>,
  viewerToken?: string,
) {
  const result = await autocannon({
    url: server.graphqlUrl,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: {
      'content-type': 'application/json',
      ...(viewerToken ? { [INTERNAL_TOKEN_HEADER]: viewerToken } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  reportThroughput(`forum ${title}`, result, CONNECTIONS);
  out(
    `${title.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   ` +
      `p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ` +
      `non-2xx ${result.non2xx}   errors ${result.errors}`,
  );
}

out(`forum read paths: ${CONNECTIONS} connections, ${SECONDS} s each, demo data (52 threads)`);
await run('ForumThreads (anonymous, 20 newest)', contractOperation('ForumThreads'), {});
await run('ForumThreads (search "du lieu mo")', contractOperation('ForumThreads'), {
  q: 'du lieu mo',
});
const token = await signInternalToken(
  { ...ANONYMOUS, id: 'bench-citizen', displayName: 'Bench', roles: ['citizen'] },
  secret,
  { audience: 'forum', ttlSeconds: 3600 },
);
await run(
  'ForumThread (signed in, replies + answer)',
  FORUM_THREAD,
  { id: someThread!._id.toHexString() },
  token,
);
const mem = process.memoryUsage();
out(
  `memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB`,
);

await server.close();
redis.disconnect();
await connection.dropDatabase();
await connection.close();
await services.stop();

// The gateway's overhead, measured: `npx tsx apps/gateway/bench/gateway.bench.ts`.
// Starts a throwaway Redis and FerretDB, the test fixture subgraphs and the real gateway
// in this process, then drives each scenario with autocannon and prints requests per
// second, latency percentiles and memory. It asserts nothing (numbers vary by machine).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeyPair, signPersonToken } from '@portal/auth';
import { connectDatabase } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection } from '@portal/queue';
import { benchServices, reportBenchmark } from '@portal/testing/bench';
import { composeSupergraph } from '@portal/supergraph';
import { startGateway } from '../src/server';
import { FIXTURE_ROOT, startFixtureSubgraphs } from '../test/fixtures/fixture-subgraphs';

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

const DURATION_SECONDS = 8;
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 16;
const SECRET = 'bench-internal-secret-0123456789abcdef';
const say = (line: string) => process.stdout.write(`${line}\n`);

const services = await benchServices('gateway');
const scratch = services.scratch;
const subgraphs = await startFixtureSubgraphs({ internalTokenSecret: SECRET });
const keys = await ensureDevKeyPair(join(scratch, 'keys'));
const composed = composeSupergraph(FIXTURE_ROOT);
if (!composed.ok) throw new Error(composed.errors.join('\n'));
const redis = createRedisConnection(services.redisUrl);
const db = await connectDatabase({ uri: services.mongoUri, dbName: `gw_bench_${Date.now()}` });
const gateway = await startGateway(
  {
    port: 0,
    host: '127.0.0.1',
    opsPort: 0,
    readinessCacheMs: 1500,
    production: true,
    introspection: false,
    supergraphSdl: composed.supergraphSdl,
    subgraphUrls: subgraphs.urls,
    subgraphTimeoutMs: 10_000,
    internalTokenSecret: SECRET,
    clientKeySecret: SECRET,
    personToken: { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, publicKeyPem: keys.publicKeyPem },
    trustProxy: 'loopback',
    bodyLimitBytes: 1_048_576,
    corsOrigins: [],
    limits: { maxDepth: 15, maxCost: 5000, maxAliases: 15, maxDirectives: 50, maxTokens: 1000 },
    contractSource: null,
    safelist: false,
    apqTtlSeconds: 3600,
    responseCache: true,
    // High enough that the limiter does its Redis round trip but never refuses.
    rateLimits: {
      windowSeconds: 60,
      anonymous: 10_000_000,
      person: 10_000_000,
      tiers: { standard: 10_000_000 },
      defaultTier: 'standard',
    },
    apiKeyCacheSeconds: 10,
    queryPlanCacheMiB: 30,
    routeIdleTimeoutMs: 60_000,
    redisPrefix: 'bench:gw:',
  },
  { redis, db, logger: createLogger({ service: 'gateway', level: 'silent', pretty: false }) },
);
const bearer = await signPersonToken(keys.privateKeyPem, {
  sub: 'b1',
  name: 'Bench',
  role: 'citizen',
});
const { key } = await gateway.apiKeys.create({
  name: 'Bench',
  scopes: ['content:read', 'forum:read'],
  tier: 'standard',
});

const ONE = '{ articles { totalCount nodes { id title } } }';
const TWO = '{ articles { totalCount nodes { id title } } threads { id title } }';
const scenarios: { name: string; url: string; query: string; headers?: Record<string, string> }[] =
  [
    { name: 'subgraph directly (baseline)', url: subgraphs.servers.content.graphqlUrl, query: ONE },
    { name: 'gateway, anonymous, response cache hit', url: gateway.graphqlUrl, query: ONE },
    {
      name: 'gateway, person (JWT), one subgraph',
      url: gateway.graphqlUrl,
      query: ONE,
      headers: { authorization: `Bearer ${bearer}` },
    },
    {
      name: 'gateway, partner (API key), one subgraph',
      url: gateway.graphqlUrl,
      query: ONE,
      headers: { 'x-api-key': key },
    },
    {
      name: 'gateway, person (JWT), two subgraphs',
      url: gateway.graphqlUrl,
      query: TWO,
      headers: { authorization: `Bearer ${bearer}` },
    },
  ];

say(
  `gateway benchmark: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario, Node ${process.version}`,
);
say(
  'scenario'.padEnd(44) +
    'req/s'.padStart(9) +
    'p50 ms'.padStart(9) +
    'p99 ms'.padStart(9) +
    '  non-2xx/errors',
);
for (const s of scenarios) {
  const run = (duration: number) =>
    autocannon({
      url: s.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...s.headers },
      body: JSON.stringify({ query: s.query }),
      connections: CONNECTIONS,
      duration,
    });
  await run(WARM_UP_SECONDS); // JIT, connection pools, plan and response caches
  const result = await run(DURATION_SECONDS);
  reportBenchmark({
    name: s.name,
    value: result.requests.average,
    unit: 'req/s',
    better: 'higher',
    detail: `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${CONNECTIONS} connections`,
  });
  say(
    s.name.padEnd(44) +
      result.requests.average.toFixed(0).padStart(9) +
      String(result.latency.p50).padStart(9) +
      String(result.latency.p99).padStart(9) +
      `  ${result.non2xx}/${result.errors}`,
  );
}
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const memory = process.memoryUsage();
say(
  `memory (bench process: gateway + fixture subgraphs): rss ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)}`,
);

await gateway.close();
await subgraphs.close();
await redis.quit();
await db.dropDatabase();
await db.close();
await services.stop();

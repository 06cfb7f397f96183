// The gateway's overhead, measured: `npx tsx apps/gateway/bench/gateway.bench.ts`.
// Starts a throwaway Redis and FerretDB, the test fixture subgraphs and the real gateway
// in this process (twice: with the response cache's first level, which follows the graph
// changes, and with Redis alone), then drives every scenario with autocannon in interleaved
// rounds and prints the medians of requests per second, latency percentiles and memory, and
// the first level against Redis alone. It asserts nothing (numbers vary by machine).
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import { join } from 'node:path';
import {
  ANONYMOUS,
  DEV_AUDIENCE,
  DEV_ISSUER,
  INTERNAL_TOKEN_HEADER,
  ensureDevKeyPair,
  signInternalToken,
  signPersonToken,
} from '@portal/auth';
import { connectDatabase } from '@portal/db';
import { createLogger } from '@portal/logger';
import { createRedisConnection, graphChangesStream } from '@portal/queue';
import { benchServices, benchSettings, percentile, reportBenchmark } from '@portal/testing/bench';
import { composeSupergraph } from '@portal/supergraph';
import { startGateway } from '../src/server';
import { FIXTURE_ROOT, startFixtureSubgraphs } from '../test/fixtures/fixture-subgraphs';

const settings = benchSettings();
const DURATION_SECONDS = settings.smoke ? 1 : (settings.seconds ?? 4);
const ROUNDS = settings.smoke ? 1 : (settings.rounds ?? 5);
const WARM_UP_SECONDS = settings.smoke ? 1 : 2;
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
const config: Parameters<typeof startGateway>[0] = {
  port: 0,
  host: '127.0.0.1',
  opsPort: 0,
  readinessCacheMs: 1500,
  production: true,
  introspection: false,
  supergraphSdl: composed.supergraphSdl,
  subgraphUrls: subgraphs.urls,
  subgraphTimeoutMs: 10_000,
  subgraphConnections: 64,
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
};
const deps = {
  redis,
  db,
  logger: createLogger({ service: 'gateway', level: 'silent', pretty: false }),
};
// Without the graph-change stream the response cache is Redis alone (no first level).
const gateway = await startGateway(config, deps);
const firstLevel = await startGateway(
  { ...config, redisPrefix: 'bench:gw1:', graphChangesStream: graphChangesStream('bench-gw1') },
  deps,
);
await firstLevel.graphChangesReady;
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
    {
      name: 'subgraph directly (baseline)',
      url: subgraphs.servers.content.graphqlUrl,
      query: ONE,
      // What the gateway sends it: subgraphs refuse requests without an internal token.
      headers: {
        [INTERNAL_TOKEN_HEADER]: await signInternalToken(ANONYMOUS, SECRET, {
          audience: 'content',
          ttlSeconds: 3600,
        }),
      },
    },
    { name: 'gateway, anonymous, response cache hit', url: gateway.graphqlUrl, query: ONE },
    {
      name: 'gateway, anonymous, response cache hit, first level',
      url: firstLevel.graphqlUrl,
      query: ONE,
    },
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
  `gateway benchmark: ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_SECONDS} s per scenario, Node ${process.version}`,
);
const run = (s: (typeof scenarios)[number], duration: number) =>
  autocannon({
    url: s.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...s.headers },
    body: JSON.stringify({ query: s.query }),
    connections: CONNECTIONS,
    duration,
  });
// JIT, connection pools, plan and response caches.
for (const s of scenarios) await run(s, WARM_UP_SECONDS);
const samples = new Map(scenarios.map((s) => [s.name, [] as AutocannonResult[]]));
for (let round = 0; round < ROUNDS; round++)
  for (const s of scenarios) samples.get(s.name)!.push(await run(s, DURATION_SECONDS));

const median = (values: number[]) => percentile(values, 50);
say(
  'scenario (medians)'.padEnd(54) +
    'req/s'.padStart(9) +
    'p50 ms'.padStart(9) +
    'p99 ms'.padStart(9) +
    '  non-2xx/errors',
);
const figures = new Map<string, { rps: number; p50: number; p99: number }>();
for (const s of scenarios) {
  const results = samples.get(s.name)!;
  const figure = {
    rps: median(results.map((r) => r.requests.average)),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
  };
  figures.set(s.name, figure);
  const bad = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
  reportBenchmark({
    name: s.name,
    value: figure.rps,
    unit: 'req/s',
    better: 'higher',
    detail: `p50 ${figure.p50} ms, p99 ${figure.p99} ms, ${CONNECTIONS} connections, median of ${ROUNDS} rounds; ${bad} non-2xx/errors`,
  });
  say(
    s.name.padEnd(54) +
      figure.rps.toFixed(0).padStart(9) +
      String(figure.p50).padStart(9) +
      String(figure.p99).padStart(9) +
      `  ${bad}`,
  );
}
const redisOnly = figures.get('gateway, anonymous, response cache hit')!;
const first = figures.get('gateway, anonymous, response cache hit, first level')!;
const perRound = (pick: (r: AutocannonResult) => number) =>
  median(
    samples
      .get('gateway, anonymous, response cache hit, first level')!
      .map((r, i) => pick(r) / pick(samples.get('gateway, anonymous, response cache hit')![i]!)),
  );
reportBenchmark({
  name: 'response cache hit: first level ÷ Redis alone',
  value: Number(perRound((r) => r.requests.average).toFixed(2)),
  unit: '×',
  better: 'higher',
  detail: `req/s ${first.rps.toFixed(0)} against ${redisOnly.rps.toFixed(0)}; p99 ${first.p99} against ${redisOnly.p99} ms (median per-round p99 ratio ${perRound((r) => r.latency.p99).toFixed(2)})`,
});
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const memory = process.memoryUsage();
say(
  `memory (bench process: gateway + fixture subgraphs): rss ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)}`,
);

await gateway.close();
await firstLevel.close();
await subgraphs.close();
await redis.quit();
await db.dropDatabase();
await db.close();
await services.stop();

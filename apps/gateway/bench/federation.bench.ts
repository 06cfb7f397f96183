// `npm run bench -- federation`: our gateway against Hive Gateway on the real graph.
//
// Starts the whole stack as `npm start` does (its own FerretDB, Redis, demo data, every
// subgraph, on shifted ports), then, on the same supergraph and the same running subgraphs:
//   - ours:      a second gateway process, response cache off, rate limits lifted;
//   - ours+rc:   the stack's own gateway (response cache on, anonymous);
//   - hive:      Hive Gateway 2 (`hive-gateway supergraph … [--hive-router-runtime]`);
//   - subgraph:  the query sent straight to its subgraph, when one subgraph serves it.
// For HomePage and every public contract query: warm-up, then interleaved rounds of
// autocannon (10 connections) over every target; reports the median of per-round ratios, and
// the resident memory of our gateway and of every subgraph after the rounds.
//
// BENCH_SCALE=0.2,1 (the full run's default): after the demo data, the same at each fraction of
// the scale data (SCALE_DATA: 10,000 articles, 5,000 threads with 50,000 replies and 100,000
// votes, …; `npm run seed -- --scale F` adds it), and how each query's throughput grows.
// BENCH_SMOKE=1 (CI): checks every target answers every query without errors, then one short
// round of HomePage on every target, so the benchmark never rots. BENCH_SECONDS / BENCH_ROUNDS
// tune a full run.
// BENCH_STACK (JSON, `RunningStack`) uses a stack already running instead of starting one:
// the end-to-end suite runs the smoke mode on its own stack.
// BENCH_HIVE_PLANNER=js uses Hive's JavaScript planner instead of the router runtime.
// BENCH_QUERIES=HomePage,ForumThread measures only those queries (all of them by default).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import autocannon from 'autocannon';
import { constants as osConstants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  ANONYMOUS,
  DEV_AUDIENCE,
  DEV_ISSUER,
  INTERNAL_TOKEN_HEADER,
  signInternalToken,
} from '@portal/auth';
import { DEFAULT_PORTS, SUBGRAPHS, type SubgraphName } from '@portal/config';
import {
  APP_BUNDLES_ENV,
  bundleApp,
  contractOperation,
  entryArgs,
  freeStablePort,
  freeStackOffset,
  workspaceRoot,
} from '@portal/local-services';
import {
  benchSettings,
  metricValue,
  percentile,
  reportBenchmark,
  scaleFraction,
} from '@portal/testing/bench';
import { stop as stopEsbuild } from 'esbuild';

const settings = benchSettings();
const smoke = settings.smoke;
const SECONDS = smoke ? 1 : (settings.seconds ?? 3);
const ROUNDS = smoke ? 1 : Math.max(5, settings.rounds ?? 5);
const CONNECTIONS = 10;
/**
 * The sizes measured after the demo data (BENCH_SCALE, fractions of SCALE_DATA seeded on top
 * of it, e.g. `0.2,1`): the full run's default; none in the smoke run, nor on a stack given
 * by BENCH_STACK unless asked (the seed would change that stack's data).
 */
const SCALE_STEPS = (settings.get('SCALE') ?? (smoke || settings.get('STACK') ? '' : '0.2,1'))
  .split(',')
  .filter(Boolean)
  .map((f) => scaleFraction({ SCALE_FRACTION: f }))
  .sort((a, b) => a - b);
/** A stack started by someone else (`npm start`'s start.ts), as BENCH_STACK describes it. */
interface RunningStack {
  /** Its PORT_OFFSET. */
  offset: number;
  /** Its DATA_DIR (the development identity provider's key is in keys/). */
  dataDir: string;
  internalTokenSecret: string;
  mongoUri: string;
  /** Its MONGODB_DB_PREFIX, when it shares a database server (its apps' databases: `<prefix>_<app>`). */
  dbPrefix?: string;
  redisUrl: string;
}
const running = settings.get('STACK')
  ? (JSON.parse(settings.get('STACK')!) as RunningStack)
  : undefined;
const SECRET = running?.internalTokenSecret ?? 'bench-federation-internal-secret-0123456789';
const root = workspaceRoot();
const say = (line: string) => process.stdout.write(`${line}\n`);
let offset = running?.offset ?? (await freeStackOffset());
const port = (name: keyof typeof DEFAULT_PORTS) => DEFAULT_PORTS[name] + offset;
const scratch = mkdtempSync(join(tmpdir(), 'federation-bench-'));
const children: ChildProcess[] = [];
let stopping = false;
let dataDir = '';

function start(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp | null,
  cwd = root,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!])
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 60) tail.shift();
        if (ready?.test(line)) resolve(child);
      });
    child.once('exit', (code, signal) => {
      const error = new Error(`${name} exited (${code ?? signal}):\n${tail.join('\n')}`);
      if (!stopping) process.stderr.write(`${error.message}\n`);
      reject(error);
    });
    if (!ready) resolve(child);
  });
}

// Stopped from outside (Ctrl-C, or run-benchmarks passing on a signal): stop what it started
// first, the stack's Redis and mail sink included, as on its own way out. A repeat (Ctrl-C
// reaches the runner and this process both) is the same request.
const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
  if (stopping) return;
  void stopAll().finally(() => process.exit(128 + osConstants.signals[signal]));
};
process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

async function waitForGraphQL(
  url: string,
  headers: Record<string, string> = {},
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(`${url}: its process exited (see above)`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

let stopped: Promise<void> | undefined;
/** Stops every child and removes the scratch files: once, however often it is asked. */
function stopAll(): Promise<void> {
  stopping = true;
  return (stopped ??= (async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
    rmSync(scratch, { recursive: true, force: true });
    if (ownBundle) rmSync(ownBundle, { recursive: true, force: true });
  })());
}

let ownBundle: string | undefined;
/**
 * How our gateway runs: as production runs it, from its bundle (the run's, when `npm test`
 * made them; else one built now, as `npm start` builds the stack's), not from the sources
 * through tsx: run that way it used about 1.3× the CPU per HomePage request.
 */
async function gatewayArgs(): Promise<string[]> {
  const main = join(root, 'apps/gateway/src/main.ts');
  if (settings.baseEnv[APP_BUNDLES_ENV]) return entryArgs(main, settings.baseEnv);
  // Inside the workspace: the bundle finds its npm packages in its node_modules.
  ownBundle = join(root, 'tmp', `federation-bench-gateway-${process.pid}`);
  await bundleApp(root, 'gateway', ownBundle);
  await stopEsbuild();
  return ['--enable-source-maps', join(ownBundle, 'main.js')];
}

const baseEnv: NodeJS.ProcessEnv = {
  ...settings.baseEnv,
  LOG_LEVEL: 'warn',
  INTERNAL_TOKEN_SECRET: SECRET,
  RATE_LIMIT_ANONYMOUS: '100000000',
  // The first queries meet cold subgraphs, in CI beside the rest of the suite: the gateways'
  // 10 s production bound is tested elsewhere; a timeout here would measure nothing.
  SUBGRAPH_TIMEOUT_MS: '60000',
};

/** Runs `npm run seed -- --scale <fraction>` against the stack: its scale data, added. */
async function seedScale(fraction: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'tools/dev-services/src/seed.ts'), '--scale', String(fraction)],
    {
      cwd: root,
      env: {
        ...baseEnv,
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        MONGODB_URI: running?.mongoUri ?? `mongodb://127.0.0.1:${port('ferretdb')}/`,
        REDIS_URL: running?.redisUrl ?? `redis://127.0.0.1:${port('redis')}`,
        ...(running?.dbPrefix ? { MONGODB_DB_PREFIX: running.dbPrefix } : {}),
        // Seeds may ask other subgraphs (the bulletin's issues read their articles' titles).
        ...Object.fromEntries(
          SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${port(name)}`]),
        ),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding the scale data (${fraction}) failed: exit ${code}`);
}

/** CPU time (user + system, in clock ticks) of the whole machine, and its total. */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}

/**
 * Waits until the machine has settled after a seed: less than a quarter of its CPU busy in
 * each of six 5 s windows in a row (an idle stack uses a few per cent), or 20 minutes; says
 * which. The scale data's 10,000 articles and 5,000 threads keep the assistant's worker
 * indexing them for ten minutes or more on a two-core machine (7 Dec 2026), with FerretDB
 * saturated: reads measured then time out. One quiet window was once taken for the end (7 Dec
 * 2026: "settled after 745 s", then the first query's article list failed, timed out in
 * content, as it does by hand while the worker still indexes).
 */
async function settle(): Promise<string> {
  const started = Date.now();
  let quietWindows = 0;
  for (;;) {
    const a = machineTicks();
    await new Promise((r) => setTimeout(r, 5000));
    const b = machineTicks();
    const busy = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    const waited = Math.round((Date.now() - started) / 1000);
    quietWindows = busy < 0.25 ? quietWindows + 1 : 0;
    if (quietWindows === 6)
      return `settled after ${waited} s (${Math.round(busy * 100)} % CPU busy)`;
    if (Date.now() - started > 1_200_000)
      return `still ${Math.round(busy * 100)} % CPU busy after ${waited} s: measuring anyway`;
  }
}

try {
  // 1. The stack, as npm start runs it (its gateway keeps the response cache on).
  const started = Date.now();
  if (running) dataDir = running.dataDir;
  // On a busy machine an app may miss the stack's start-up deadline: up to four tries, each at
  // a new offset (the stack's ports lie below the range of outgoing connections' ports, so
  // none is taken between choosing and binding it; CI met that at the offsets used before).
  for (let attempt = 1; !running; attempt++) {
    try {
      await start(
        'the stack',
        ['--import', 'tsx', join(root, 'tools/dev-services/src/start.ts')],
        {
          ...baseEnv,
          PORT_OFFSET: String(offset),
          DATA_DIR: join(scratch, `data${attempt}`),
          // In CI it starts beside the rest of the suite: apps start slowly on a busy machine.
          START_TIMEOUT_MS: '300000',
        },
        /Portal graph ready at/,
      );
      dataDir = join(scratch, `data${attempt}`);
      break;
    } catch (err) {
      if (attempt >= 4) throw err;
      offset = await freeStackOffset();
      say(`the stack did not start; trying again at port offset ${offset}`);
    }
  }
  if (running) say(`using the running stack at port offset ${offset}`);
  else say(`stack up in ${Math.round((Date.now() - started) / 1000)} s (port offset ${offset})`);
  const subgraphUrl = (name: SubgraphName) => `http://127.0.0.1:${port(name)}`;
  const supergraphPath = join(root, 'apps/gateway/supergraph.graphql');

  // 2. Ours, response cache off, on the same subgraphs. Its ports and Hive's lie below the
  // range for outgoing connections too.
  const oursPort = await freeStablePort();
  const oursOpsPort = await freeStablePort();
  const ours = await start(
    'our gateway',
    await gatewayArgs(),
    {
      ...baseEnv,
      NODE_ENV: 'production',
      PORT: String(oursPort),
      HOST: '127.0.0.1',
      OPS_PORT: String(oursOpsPort),
      // Production has no default for it: only loopback clients (autocannon) here.
      TRUST_PROXY: 'loopback',
      RESPONSE_CACHE: 'off',
      MONGODB_URI: running?.mongoUri ?? `mongodb://127.0.0.1:${port('ferretdb')}/`,
      // The stack's gateway database (start.ts names it so under a prefix).
      ...(running?.dbPrefix ? { MONGODB_DB: `${running.dbPrefix}_gateway` } : {}),
      REDIS_URL: running?.redisUrl ?? `redis://127.0.0.1:${port('redis')}`,
      QUEUE_PREFIX: 'bench-ours',
      JWT_PUBLIC_KEY_FILE: join(dataDir, 'keys', 'dev-idp-public.pem'),
      JWT_ISSUER: DEV_ISSUER,
      JWT_AUDIENCE: DEV_AUDIENCE,
      SUPERGRAPH_PATH: supergraphPath,
      // CONTENT_URL, LIBRARY_URL, …: every subgraph of the stack, at its shifted port.
      ...Object.fromEntries(
        SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrl(name)]),
      ),
    },
    null,
  );
  const targets: Record<string, string> = {
    ours: `http://127.0.0.1:${oursPort}/graphql`,
    'ours+rc': `http://127.0.0.1:${port('gateway')}/graphql`,
  };
  await waitForGraphQL(targets.ours!, {}, ours);

  // 3. Hive Gateway on the same supergraph; subgraphs get an anonymous internal token.
  const hiveBin = join(root, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  // One anonymous token every subgraph accepts (Hive sends the same headers to all of them).
  const internalToken = await signInternalToken(ANONYMOUS, SECRET, {
    audience: SUBGRAPHS,
    ttlSeconds: 6 * 3600,
  });
  if (existsSync(hiveBin)) {
    const hivePort = await freeStablePort();
    // The supergraph names each subgraph at its default port; Hive reads its URLs from it,
    // so it gets a copy pointing at this stack's shifted ports.
    const hiveSupergraph = join(scratch, 'supergraph.graphql');
    let sdl = readFileSync(supergraphPath, 'utf8');
    for (const name of SUBGRAPHS) {
      const from = `url: "http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql"`;
      if (!sdl.includes(from)) throw new Error(`the supergraph has no ${from} for ${name}`);
      sdl = sdl.replace(from, `url: "${subgraphUrl(name)}/graphql"`);
    }
    writeFileSync(hiveSupergraph, sdl);
    writeFileSync(
      join(scratch, 'gateway.config.mjs'),
      `export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: () => (${JSON.stringify({ [INTERNAL_TOKEN_HEADER]: internalToken })}),
  },
};
`,
    );
    const planner = settings.get('HIVE_PLANNER') === 'js' ? [] : ['--hive-router-runtime'];
    const hive = await start(
      'Hive Gateway',
      [hiveBin, 'supergraph', hiveSupergraph, '--port', String(hivePort), ...planner],
      { ...baseEnv, NODE_ENV: 'production' },
      null,
      scratch,
    );
    targets.hive = `http://127.0.0.1:${hivePort}/graphql`;
    await waitForGraphQL(targets.hive, {}, hive);
    say(
      `Hive Gateway with ${planner.length ? 'the router runtime (Rust planner)' : 'its JS planner'}`,
    );
  } else say('Hive Gateway is not installed (npm ci): measuring ours and the subgraphs only');

  // 4. The queries: HomePage and every public contract query, variables from the data.
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(targets.ours!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const contractQueries = async () => {
    const home = await ask(contractOperation('HomePage'));
    const queries: { name: string; vars: Record<string, unknown>; subgraph?: SubgraphName }[] = [
      { name: 'HomePage', vars: {} },
      { name: 'ArticlePage', vars: { slug: home.articles.nodes[0].slug }, subgraph: 'content' },
      { name: 'SearchArticles', vars: { q: 'chuyen doi so' }, subgraph: 'content' },
      { name: 'LibraryBrowse', vars: {}, subgraph: 'library' },
      {
        name: 'LibraryItemPage',
        vars: { slug: home.libraryItems.nodes[0].slug },
        subgraph: 'library',
      },
      { name: 'ForumThreads', vars: {}, subgraph: 'forum' },
      { name: 'ForumThread', vars: { id: home.threads.nodes[0].id } },
      { name: 'LatestBulletin', vars: {} },
      {
        name: 'BulletinArchive',
        vars: { year: home.latestBulletinIssue.year },
        subgraph: 'bulletin',
      },
      { name: 'HotlineCategories', vars: {}, subgraph: 'referral' },
    ];
    const only = settings.get('QUERIES')?.split(',').filter(Boolean);
    if (!only?.length) return queries;
    const unknown = only.filter((name) => !queries.some((q) => q.name === name));
    if (unknown.length) throw new Error(`BENCH_QUERIES: no query ${unknown.join(', ')}`);
    return queries.filter((q) => only.includes(q.name));
  };

  // 5. At each size of the data (the demo data, then each scale fraction seeded on top of
  // it): every target answers every query, a warm-up, then interleaved rounds.
  type Sample = { rps: number; p50: number; p99: number; bad: number };
  const measure = async (
    samples: Map<string, Sample[]> | null,
    key: string,
    url: string,
    body: string,
    headers: Record<string, string>,
    seconds: number,
  ) => {
    const r = await autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      connections: CONNECTIONS,
      duration: seconds,
    });
    const sample = {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      bad: r.non2xx + r.errors,
    };
    if (samples) samples.set(key, [...(samples.get(key) ?? []), sample]);
    return sample;
  };
  const median = (xs: number[]) => percentile(xs, 50);
  /** Median throughput of each query × target, per size: the growth curve. */
  const curve = new Map<string, Map<string, number>>();
  const sizes = [0, ...SCALE_STEPS];
  for (const fraction of sizes) {
    const size = fraction === 0 ? 'demo' : `scale ${fraction}`;
    if (fraction > 0) {
      const seeded = Date.now();
      await seedScale(fraction);
      say(`${size}: seeded in ${Math.round((Date.now() - seeded) / 1000)} s`);
      // The graph changes of the seed (list caches dropped, the assistant reindexing) are
      // worked off before anything is measured.
      say(`${size}: ${await settle()}`);
    }
    const queries = await contractQueries();
    const samples = new Map<string, Sample[]>();
    const runs = queries.flatMap((q) => {
      const body = JSON.stringify({ query: contractOperation(q.name), variables: q.vars });
      const list = Object.entries(targets).map(([target, url]) => ({
        key: `${q.name} ${target}`,
        url,
        body,
        headers: {} as Record<string, string>,
      }));
      if (q.subgraph)
        list.push({
          key: `${q.name} subgraph`,
          url: `${subgraphUrl(q.subgraph)}/graphql`,
          body,
          headers: { [INTERNAL_TOKEN_HEADER]: internalToken },
        });
      return list;
    });
    // Every target answers every query without errors (the smoke check), and warms up.
    for (const run of runs) {
      const res = await fetch(run.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...run.headers },
        body: run.body,
      });
      const answer = (await res.json()) as { errors?: unknown[] };
      if (!res.ok || answer.errors)
        throw new Error(`${run.key}: HTTP ${res.status} ${JSON.stringify(answer.errors ?? '')}`);
      if (!smoke) await measure(null, '', run.url, run.body, run.headers, 1);
    }
    // The smoke run measures the first query (HomePage) on every target, without a warm-up:
    // the measuring and reporting code runs, and its figures mean nothing on a CI machine.
    const measured = smoke ? runs.filter((r) => r.key.startsWith(`${queries[0]!.name} `)) : runs;
    say(
      `${size}: ${runs.length} query × target pairs answer; ${ROUNDS} round(s) of ${SECONDS} s each over ${measured.length}`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      for (const run of measured)
        await measure(samples, run.key, run.url, run.body, run.headers, SECONDS);
      say(`${size}: round ${round}/${ROUNDS} done`);
    }

    // 6. Figures: medians of per-round ratios, and each target's median throughput.
    const ratio = (q: string, a: string, b: string) => {
      const as = samples.get(`${q} ${a}`);
      const bs = samples.get(`${q} ${b}`);
      if (!as || !bs) return null;
      return median(as.map((s, i) => s.rps / Math.max(bs[i]!.rps, 0.01)));
    };
    const columns = Object.keys(targets).concat('subgraph');
    say('');
    say(
      `query (${size})`.padEnd(24) +
        columns.map((t) => `${t} req/s`.padStart(16)).join('') +
        '   ours p50 ms',
    );
    const at = fraction === 0 ? '' : ` at ${size}`;
    for (const q of queries) {
      const cells = columns.map((t) => {
        const s = samples.get(`${q.name} ${t}`);
        if (!s) return '—'.padStart(16);
        const rps = median(s.map((x) => x.rps));
        curve.set(`${q.name} ${t}`, (curve.get(`${q.name} ${t}`) ?? new Map()).set(size, rps));
        return rps.toFixed(0).padStart(16);
      });
      const oursP50 = median((samples.get(`${q.name} ours`) ?? []).map((s) => s.p50));
      say(q.name.padEnd(24) + cells.join('') + `   ${oursP50}`);
      const bad = [...samples.entries()]
        .filter(([k]) => k.startsWith(`${q.name} `))
        .reduce((n, [, s]) => n + s.reduce((m, x) => m + x.bad, 0), 0);
      if (smoke) continue;
      const vsHive = ratio(q.name, 'ours', 'hive');
      if (vsHive !== null)
        reportBenchmark({
          name: `federation ${q.name}${at}: ours ÷ Hive (cache off)`,
          value: vsHive,
          unit: '×',
          target: q.name === 'HomePage' ? 1.0 : undefined,
          better: 'higher',
          detail: `median of ${ROUNDS} per-round ratios, ${CONNECTIONS} connections; non-2xx/errors ${bad}`,
        });
      const vsSubgraph = ratio(q.name, 'ours', 'subgraph');
      if (vsSubgraph !== null)
        reportBenchmark({
          name: `federation ${q.name}${at}: ours ÷ subgraph directly`,
          value: vsSubgraph,
          unit: '×',
          target: 0.8,
          better: 'higher',
        });
      const cached = ratio(q.name, 'ours+rc', 'ours');
      if (cached !== null && q.name === 'HomePage')
        reportBenchmark({
          name: `federation ${q.name}${at}: response cache on ÷ off`,
          value: cached,
          unit: '×',
          target: 10,
          better: 'higher',
          detail: `p99 of a hit ${median((samples.get(`${q.name} ours+rc`) ?? []).map((s) => s.p99))} ms (target ≤ 20)`,
        });
    }
    // How much our gateway shared in flight over every run so far (its /metrics): queries that
    // waited for an identical one, and subgraph fetches answered by one already in flight.
    if (!smoke) {
      const text = await (await fetch(`http://127.0.0.1:${oursOpsPort}/metrics`)).text();
      const queries = metricValue(text, 'graphql_operations_total', { type: 'query' });
      const waited = metricValue(text, 'gateway_shared_answers_total');
      const fetches = metricValue(text, 'gateway_shared_subgraph_fetches_total');
      say(
        `ours so far: ${queries} queries, ${waited} (${((100 * waited) / Math.max(queries, 1)).toFixed(0)} %) ` +
          `waited for an identical one in flight; ${fetches} subgraph fetches shared`,
      );
    }
    // Memory after the size's rounds (targets: our gateway ≤ 400 MB, each subgraph ≤ 250 MB):
    // each process's own resident set, from its /metrics.
    if (!smoke) {
      const memory = [
        { name: 'our gateway', url: `http://127.0.0.1:${oursOpsPort}/metrics`, target: 400 },
        ...SUBGRAPHS.map((name) => ({ name, url: `${subgraphUrl(name)}/metrics`, target: 250 })),
      ];
      for (const { name, url, target } of memory) {
        const text = await (await fetch(url)).text();
        // prom-client's line, with the service's default labels: `…_bytes{service="content"} 1.5e8`.
        const rss = Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1]);
        if (!Number.isFinite(rss)) throw new Error(`${url}: no process_resident_memory_bytes`);
        reportBenchmark({
          name: `federation memory after the rounds${at}: ${name}`,
          value: Math.round(rss / 2 ** 20),
          unit: 'MB',
          target,
          better: 'lower',
          detail: 'resident set (process_resident_memory_bytes)',
        });
      }
    }
  }
  if (sizes.length > 1) {
    // 7. The curve: each query's throughput through our gateway (cache off) and straight to
    // its subgraph, at each size of the data, as a share of its throughput on the demo data.
    const labels = sizes.map((f) => (f === 0 ? 'demo' : `scale ${f}`));
    say('');
    say(
      'req/s by size of the data'.padEnd(32) +
        labels.map((l) => l.padStart(12)).join('') +
        '   last ÷ demo',
    );
    for (const [key, bySize] of curve) {
      if (!key.endsWith(' ours') && !key.endsWith(' subgraph') && !key.endsWith(' hive')) continue;
      const values = labels.map((l) => bySize.get(l));
      const first = values[0];
      const last = values[values.length - 1];
      say(
        key.padEnd(32) +
          values.map((v) => (v === undefined ? '—' : v.toFixed(0)).padStart(12)).join('') +
          `   ${first && last !== undefined ? (last / first).toFixed(2) : '—'}`,
      );
    }
  }
  if (smoke)
    reportBenchmark({
      name: 'federation smoke: every target answers',
      value: 1,
      unit: '',
      better: 'higher',
    });
} catch (err) {
  // One line that says what failed (the smoke test shows it first): the error's own first line,
  // not the last line of some process's output quoted in its message.
  say(`federation bench failed: ${(err as Error).message.split('\n')[0]}`);
  throw err;
} finally {
  await stopAll();
}

// Benchmark helpers live apart from the vitest helpers so standalone scripts can import them.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Result as AutocannonResult } from 'autocannon';
import mongoose, { type Connection, type Model, type Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { APP_BUNDLES_ENV, databaseAndRedis, type DatabaseAndRedis } from '@portal/local-services';

export { metricValue } from './metrics';
/** One measured figure of a benchmark, with the target it should meet. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target, if the figure has one. */
  target?: number;
  /** Whether lower (latency, memory) or higher (throughput) is better. */
  better: 'lower' | 'higher';
  detail?: string;
}

export const BENCH_LINE_PREFIX = 'BENCH ';

/** Prints a result line that `npm run bench` collects into its summary. */
export function reportBenchmark(result: BenchResult): void {
  process.stdout.write(`${BENCH_LINE_PREFIX}${JSON.stringify(result)}\n`);
}

export function meetsTarget(result: BenchResult): boolean | null {
  if (result.target === undefined) return null;
  return result.better === 'lower' ? result.value <= result.target : result.value >= result.target;
}

/**
 * Reports a load run's throughput (autocannon's requests per second) as `name`, with its
 * latency p50 and p99 and the connections (and `more`, if given) in the detail.
 */
export function reportThroughput(
  name: string,
  result: AutocannonResult,
  connections: number,
  more?: string,
): void {
  const latency = `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
  reportBenchmark({
    name,
    value: result.requests.average,
    unit: 'req/s',
    better: 'higher',
    detail: [latency, `${connections} connections`, ...(more ? [more] : [])].join(', '),
  });
}

/** Reports the p50 of `times` (ms) as `name` against `target`, their p95 first in the detail. */
export function reportLatency(
  name: string,
  times: readonly number[],
  target: number | undefined,
  detail: string,
): void {
  reportBenchmark({
    name,
    value: percentile(times, 50),
    unit: 'ms',
    target,
    better: 'lower',
    detail: `p95 ${percentile(times, 95).toFixed(1)} ms, ${detail}`,
  });
}

/** Percentile (0-100) of a list of numbers, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** The database and Redis a benchmark runs against, and how to let them go. */
export interface BenchServices extends DatabaseAndRedis {
  /** A scratch directory of the benchmark's own, removed by `stop()`. */
  scratch: string;
}

/**
 * `MONGODB_URI` and `REDIS_URL` when set (to measure against real MongoDB and Redis), else a
 * fresh embedded FerretDB and Redis of the benchmark's own, so one benchmark's data never
 * skews another's.
 */
export async function benchServices(name: string): Promise<BenchServices> {
  const scratch = mkdtempSync(join(tmpdir(), `${name}-bench-`));
  const services = await databaseAndRedis({
    dir: scratch,
    mongoUri: process.env.MONGODB_URI,
    redisUrl: process.env.REDIS_URL,
  });
  return {
    ...services,
    scratch,
    async stop() {
      await services.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * Runs a benchmark's body: on failure prints the error and sets exit code 1; either way then
 * stops its services and exits, so connections a failed run left open cannot keep it alive.
 */
export function runBench(main: () => Promise<void>, services: { stop(): Promise<void> }): void {
  main()
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(async () => {
      await services.stop();
      process.exit();
    });
}

/** How a benchmark run is asked to run, from `BENCH_*` variables. */
export interface BenchSettings {
  /** BENCH_SMOKE=1 (CI): one short pass that only checks every scenario answers. */
  smoke: boolean;
  /** BENCH_SECONDS: measuring time per scenario and round. */
  seconds: number | undefined;
  /** BENCH_ROUNDS: interleaved rounds. */
  rounds: number | undefined;
  /** Any other `BENCH_<NAME>` variable. */
  get(name: string): string | undefined;
  /** PATH, HOME and a test run's app bundles, for the processes a benchmark starts (`benchEnv`). */
  baseEnv: NodeJS.ProcessEnv;
}

/**
 * What a benchmark passes on to the processes it starts: PATH and HOME, and the run's app
 * bundles when `npm test` runs it in smoke mode (`entryArgs`).
 */
export function benchEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    [APP_BUNDLES_ENV]: process.env[APP_BUNDLES_ENV],
  };
}

export function benchSettings(): BenchSettings {
  const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
  return {
    smoke: process.env.BENCH_SMOKE === '1',
    seconds: num(process.env.BENCH_SECONDS),
    rounds: num(process.env.BENCH_ROUNDS),
    get: (name) => process.env[`BENCH_${name}`],
    baseEnv: benchEnv(),
  };
}

/**
 * Times two or more ways of computing the same answers (a new path and the reference it
 * replaces), interleaved: in every run each case is computed by every path in turn, and the
 * answers must agree (compared as JSON) or this throws. Returns the times in ms by path and
 * case.
 */
export async function timeInterleaved<Case extends string>(options: {
  runs: number;
  cases: readonly Case[];
  paths: Readonly<Record<string, (c: Case) => Promise<unknown>>>;
}): Promise<(path: string, c: Case) => number[]> {
  const times = new Map<string, number[]>();
  for (let run = 0; run < options.runs; run++)
    for (const c of options.cases) {
      const answers: string[] = [];
      for (const [path, compute] of Object.entries(options.paths)) {
        const t0 = performance.now();
        answers.push(JSON.stringify(await compute(c)));
        const key = `${path}\u0000${c}`;
        times.set(key, [...(times.get(key) ?? []), performance.now() - t0]);
      }
      if (answers.some((a) => a !== answers[0]))
        throw new Error(`the paths (${Object.keys(options.paths).join(', ')}) differ on ${c}`);
    }
  return (path, c) => times.get(`${path}\u0000${c}`) ?? [];
}

/** An editor, as the statistics benches ask (portalStats is for editors and admins). */
export const BENCH_EDITOR: Viewer = {
  id: 'bench-editor',
  displayName: 'Biên tập',
  email: null,
  roles: ['citizen', 'editor'],
  department: null,
  apiClient: null,
  service: null,
};

/**
 * A benchmark's sizes from its command line (`--name N`), each defaulting to its full size or,
 * with BENCH_SMOKE=1, its smoke size (a plain number: the same in both).
 */
export function benchSizes<Name extends string>(
  sizes: Readonly<Record<Name, number | { full: number; smoke: number }>>,
): Record<Name, number> {
  const smoke = benchSettings().smoke;
  const names = Object.keys(sizes) as Name[];
  const { values } = parseArgs({
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
  });
  const byDefault = (size: number | { full: number; smoke: number }) =>
    typeof size === 'number' ? size : size[smoke ? 'smoke' : 'full'];
  return Object.fromEntries(
    names.map((name) => {
      const given = values[name];
      return [name, given === undefined ? byDefault(sizes[name]) : Number(given)];
    }),
  ) as Record<Name, number>;
}

/**
 * Reports a path's p50 against its target (ms), then how many times faster it is than the
 * reference it replaces and than any other path timed beside it, from times taken interleaved
 * (`timeInterleaved`).
 */
export function reportAgainstReference(figure: {
  name: string;
  ratioName: string;
  times: readonly number[];
  reference: readonly number[];
  referenceLabel: string;
  target: number;
  detail: string;
  /** Other paths timed beside it (interleaved), each reported as its p50 ÷ this one's. */
  peers?: readonly { ratioName: string; times: readonly number[]; label: string }[];
}): void {
  const ms = (values: readonly number[], p: number) => percentile(values, p).toFixed(1);
  reportBenchmark({
    name: figure.name,
    value: percentile(figure.times, 50),
    unit: 'ms',
    target: figure.target,
    better: 'lower',
    detail: `${figure.detail}; p95 ${ms(figure.times, 95)} ms over ${figure.times.length} runs`,
  });
  const reference = {
    ratioName: figure.ratioName,
    times: figure.reference,
    label: figure.referenceLabel,
  };
  for (const peer of [reference, ...(figure.peers ?? [])])
    reportBenchmark({
      name: peer.ratioName,
      value: percentile(peer.times, 50) / percentile(figure.times, 50),
      unit: '×',
      better: 'higher',
      detail: `${peer.label} p50 ${ms(peer.times, 50)} ms, p95 ${ms(peer.times, 95)} ms`,
    });
}

/**
 * A second database on the same server holding only a copy of a statistic's month facts, kept
 * as they were before months were packed (`MonthFacts.compact`): one field per subject in
 * each month's document, marked built. The statistics benches time their facts path on it
 * beside the packed one, interleaved. Throws unless the store reads the copy back as built
 * facts (else the peer would silently time the records path). `close` drops it.
 */
export async function unpackedFactsDatabase<Models>(options: {
  mongoUri: string;
  dbName: string;
  prepare: (conn: Connection) => Promise<Models>;
  /** The statistic's `MonthFacts` (@portal/db, which cannot be imported here: its tests use this library). */
  store: MonthFactsStore<Models>;
  from: Models;
}): Promise<{ conn: Connection; models: Models; close: () => Promise<void> }> {
  const conn = await mongoose
    .createConnection(options.mongoUri, { dbName: `${options.dbName}_unpacked` })
    .asPromise();
  const models = await options.prepare(conn);
  const facts = await options.store(options.from).readAll();
  const byMonth = new Map<string, Record<string, string>>();
  for (const { id, month, fact } of facts)
    byMonth.set(month, Object.assign(byMonth.get(month) ?? {}, { [id]: fact }));
  const copy = options.store(models);
  await conn
    .db!.collection<{ _id: string; f?: object; builtAt?: Date }>(copy.model.collection.name)
    .insertMany([
      ...[...byMonth].map(([month, f]) => ({ _id: month, f })),
      { _id: 'built', builtAt: new Date() },
    ]);
  const read = await copy.readWhenBuilt();
  if (read?.length !== facts.length)
    throw new Error(
      `the one-field copy reads back ${read === null ? 'as not built' : `${read.length} facts`}, not ${facts.length}`,
    );
  return {
    conn,
    models,
    close: async () => {
      await conn.dropDatabase().catch(() => {});
      await conn.close();
    },
  };
}

/** What a statistic's `MonthFacts` offers `unpackedFactsDatabase` and `benchMonthFacts`. */
export type MonthFactsStore<Models> = (models: Models) => {
  readAll(): Promise<{ id: string; month: string; fact: string }[]>;
  readWhenBuilt(): Promise<unknown[] | null>;
  model: { collection: { name: string } };
};

/** A benchmark's services with a fresh database of its own on them. */
export interface BenchDatabase {
  services: BenchServices;
  dbName: string;
  conn: Connection;
  /** Drops the database, closes the connection and stops the services. */
  close(): Promise<void>;
}

/** `benchServices(name)` and a fresh database `<dbPrefix>_<now>` on them. */
export async function benchDatabase(name: string, dbPrefix: string): Promise<BenchDatabase> {
  const services = await benchServices(name);
  const dbName = `${dbPrefix}_${Date.now()}`;
  const conn = await mongoose.createConnection(services.mongoUri, { dbName }).asPromise();
  return {
    services,
    dbName,
    conn,
    async close() {
      await conn.dropDatabase().catch(() => {});
      await conn.close();
      await services.stop();
    },
  };
}

/**
 * Inserts generated documents `batch` at a time and says how many went in and how long it
 * took: `<what>, inserted in <s> s`.
 */
export async function insertTimed(
  what: string,
  batches: readonly { model: Model<any>; docs: readonly object[]; batch: number }[],
): Promise<void> {
  const started = performance.now();
  for (const { model, docs, batch } of batches)
    for (let i = 0; i < docs.length; i += batch) await model.insertMany(docs.slice(i, i + batch));
  process.stdout.write(
    `${what}, inserted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

/**
 * The measurement every month-facts statistic's bench shares: builds the facts (timed), copies
 * them one field per subject (`unpackedFactsDatabase`), warms up, then times the packed facts,
 * that copy and the reference path (every record) interleaved in each run, checking they agree,
 * and reports each case's facts against the reference and the copy
 * (`reportAgainstReference`). Figure names: `<statistic>, rolling year<case> (p50)`, and
 * `<statistic><case>: <reference> ÷ month facts …`.
 */
export async function benchMonthFacts<Models, Stats, Case extends string>(options: {
  database: BenchDatabase;
  models: Models;
  prepare: (conn: Connection) => Promise<Models>;
  store: MonthFactsStore<Models>;
  /** Builds the facts as the daily sync does; returns how many subjects it read. */
  build: (models: Models) => Promise<number>;
  /** What one fact is about ('thread'), for the copy's name: one field per thread. */
  subject: string;
  statistic: string;
  cases: readonly Case[];
  /** A case's part of the figure names (' by month'; '' for a single case). */
  caseName: (c: Case) => string;
  /**
   * The statistic's service on a database: the bench's own (key prefix: its name), then the
   * copy's (its models, connection and a counter key prefix of its own).
   */
  service: (on: { models: Models; conn: Connection; keyPrefix: string }) => Stats;
  /** The path measured, from the month facts; it runs on both services. */
  facts: (stats: Stats, c: Case) => Promise<unknown>;
  /** The reference path (every record), on the bench's own service. */
  records: (stats: Stats, c: Case) => Promise<unknown>;
  /** The reference path's name in the ratio figure ('every record') and in its detail ('records'). */
  reference: { name: string; label: string };
  runs: number;
  detail: string;
  /** A line about the warm-up's answer, if worth saying. */
  describe?: (first: any) => string;
}): Promise<void> {
  const { database, subject } = options;
  const buildStart = performance.now();
  const built = await options.build(options.models);
  process.stdout.write(
    `facts built: ${built} ${subject}s in ${((performance.now() - buildStart) / 1000).toFixed(1)} s\n`,
  );
  const stats = options.service({
    models: options.models,
    conn: database.conn,
    keyPrefix: database.dbName,
  });
  const unpacked = await unpackedFactsDatabase({
    mongoUri: database.services.mongoUri,
    dbName: database.dbName,
    prepare: options.prepare,
    store: options.store,
    from: options.models,
  });
  try {
    // The peer: the same facts kept one field per subject, as before months were packed.
    const unpackedStats = options.service({
      models: unpacked.models,
      conn: unpacked.conn,
      keyPrefix: `${database.dbName}_unpacked`,
    });
    const paths = {
      facts: (c: Case) => options.facts(stats, c),
      unpacked: (c: Case) => options.facts(unpackedStats, c),
      records: (c: Case) => options.records(stats, c),
    };
    // Warm-up, then every path and every case interleaved in each run.
    const first = await paths.facts(options.cases[0]!);
    if (options.describe) process.stdout.write(`${options.describe(first)}\n`);
    const times = await timeInterleaved({ runs: options.runs, cases: options.cases, paths });
    for (const c of options.cases) {
      const figure = `${options.statistic}${options.caseName(c)}`;
      reportAgainstReference({
        name: `${options.statistic}, rolling year${options.caseName(c)} (p50)`,
        ratioName: `${figure}: ${options.reference.name} ÷ month facts (p50, interleaved)`,
        times: times('facts', c),
        reference: times('records', c),
        referenceLabel: options.reference.label,
        target: 100,
        detail: options.detail,
        peers: [
          {
            ratioName: `${figure}: facts one field per ${subject} ÷ packed months (p50, interleaved)`,
            times: times('unpacked', c),
            label: `one field per ${subject}`,
          },
        ],
      });
    }
  } finally {
    await unpacked.close();
  }
}

/** A statistics bench's cases when it asks by month, week and day, and each one's part of the figure names (' by month'). */
export const BY_GRANULARITY = {
  cases: ['MONTH', 'WEEK', 'DAY'] as const,
  caseName: (granularity: string) => ` by ${granularity.toLowerCase()}`,
};

const DAY_MS = 86_400_000;

/** The year up to `now` (ms): the period the statistics benches ask about. */
export function rollingYear(now: number): { from: Date; to: Date } {
  return { from: new Date(now - 365 * DAY_MS), to: new Date(now) };
}

/** The `i`-th of `n` moments spread evenly over a span, from its start on: generated records' dates. */
export function spreadEvenly(span: { from: Date; to: Date }, i: number, n: number): Date {
  const from = span.from.getTime();
  return new Date(from + ((span.to.getTime() - from) * i) / n);
}

/**
 * The scale data of the federation read path's benchmark (issue 15): what a city portal holds
 * after a few years. Each app's `bench/scale-seed.ts` brings its part to a fraction of it.
 */
export const SCALE_DATA = {
  articles: 10_000,
  threads: 5_000,
  replies: 50_000,
  votes: 100_000,
  libraryItems: 2_000,
  bulletinIssues: 24,
  referrals: 5_000,
} as const;

/** SCALE_FRACTION from the environment (0 < f ≤ 1, default 1): how much of SCALE_DATA to hold. */
export function scaleFraction(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SCALE_FRACTION ?? '1';
  const f = Number(raw);
  if (!(f > 0 && f <= 1)) throw new Error(`SCALE_FRACTION must be in (0, 1], got ${raw}`);
  return f;
}

/** How many of `kind` a fraction of the scale data holds (at least one). */
export function scaleCount(kind: keyof typeof SCALE_DATA, fraction: number): number {
  return Math.max(1, Math.round(SCALE_DATA[kind] * fraction));
}

/**
 * The id of the `index`-th generated document of `kind` (24 hex digits, an ObjectId's form),
 * the same in every database: seeds refer to each other's documents by it (a bulletin issue
 * to an article, a referral to a thread) and run again without duplicating anything.
 */
export function scaleId(kind: string, index: number): string {
  return createHash('sha1').update(`scale:${kind}:${index}`).digest('hex').slice(0, 24);
}

const BENCH_WORDS =
  'chuyển đổi số thành phố hồ chí minh dữ liệu mở dịch vụ công trực tuyến người dân doanh nghiệp hạ tầng số chính quyền điện tử đô thị thông minh kinh tế số xã hội số an toàn thông tin nền tảng ứng dụng'.split(
    ' ',
  );

/** `n` Vietnamese words, the same for the same seed (generated bench text). */
export function benchText(seed: number, n: number): string {
  let x = seed * 2654435761;
  return Array.from(
    { length: n },
    () => BENCH_WORDS[(x = (x * 1103515245 + 12345) >>> 0) % BENCH_WORDS.length],
  ).join(' ');
}

/**
 * The body of an app's `bench/scale-seed.ts`: seeds SCALE_FRACTION of its scale data with
 * `seed`, prints one line of JSON (`{"app", "fraction", …what seed returned, "ms"}`), and on
 * failure prints the error and sets exit code 1; `close` runs either way.
 */
export async function runScaleSeed(
  app: string,
  seed: (fraction: number) => Promise<object>,
  close: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  try {
    const fraction = scaleFraction();
    const result = await seed(fraction);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`${JSON.stringify({ app, fraction, ...result, ms })}\n`);
  } catch (err) {
    process.stderr.write(`${app} scale data not written: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  } finally {
    await close();
  }
}

/**
 * Deterministic choices for generated data: a number in [0, 1) fixed by the kind of
 * document, its index and what is drawn for it, so every database looks alike.
 */
export function scaleDraw(kind: string, index: number, what: string): number {
  return createHash('sha1').update(`${kind}:${index}:${what}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

/** One of `list`, drawn as `scaleDraw` does. */
export function scalePick<T>(list: readonly T[], kind: string, index: number, what: string): T {
  return list[Math.floor(scaleDraw(kind, index, what) * list.length)]!;
}

/** One of `choices`, each as likely as its weight, drawn as `scaleDraw` does. */
export function scalePickWeighted<T>(
  choices: readonly [T, number][],
  kind: string,
  index: number,
  what: string,
): T {
  let x = scaleDraw(kind, index, what) * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [choice, weight] of choices) if ((x -= weight) < 0) return choice;
  return choices[choices.length - 1]![0];
}

/**
 * `scaleDraw`, `scalePick` and `scalePickWeighted` for one kind of document, as a generator
 * calls them: `draw(i, 'views')`, `pick(TOPICS, i, 'topic')`, `pickWeighted(FORMATS, i, 'format')`.
 */
export function scaleRandom(kind: string) {
  return {
    draw: (index: number, what: string) => scaleDraw(kind, index, what),
    pick: <T>(list: readonly T[], index: number, what: string) =>
      scalePick(list, kind, index, what),
    pickWeighted: <T>(choices: readonly [T, number][], index: number, what: string) =>
      scalePickWeighted(choices, kind, index, what),
  };
}

/**
 * The ids among `ids` that `model` holds, as strings (one `_id: {$in}` query per 500). On the
 * embedded FerretDB each such query reads the whole collection, so a seed that inserts in
 * index order checks a batch's last id alone first where it can.
 */
export async function storedIds(
  model: Model<any>,
  ids: readonly (string | Types.ObjectId)[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let k = 0; k < ids.length; k += 500) {
    const rows = await model
      .find({ _id: { $in: ids.slice(k, k + 500) } }, { _id: 1 })
      .lean<{ _id: unknown }[]>();
    for (const row of rows) found.add(String(row._id));
  }
  return found;
}

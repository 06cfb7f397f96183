// Benchmark helpers live apart from the vitest helpers so standalone scripts can import them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseAndRedis, type DatabaseAndRedis } from '@portal/local-services';
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
  /** PATH and HOME, for the processes a benchmark starts. */
  baseEnv: NodeJS.ProcessEnv;
}

export function benchSettings(): BenchSettings {
  const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
  return {
    smoke: process.env.BENCH_SMOKE === '1',
    seconds: num(process.env.BENCH_SECONDS),
    rounds: num(process.env.BENCH_ROUNDS),
    get: (name) => process.env[`BENCH_${name}`],
    baseEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
  };
}

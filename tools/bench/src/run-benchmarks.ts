// `npm run bench`: runs every benchmark (apps/*/bench/*.bench.ts, tools/bench/src/*.bench.ts)
// one at a time, each on a real FerretDB and Redis of its own (unless MONGODB_URI / REDIS_URL are set),
// collects their BENCH lines, prints a summary with targets, and writes tmp/bench-results.json.
// Speed and memory targets live here, never in tests. `npm run bench -- content` runs only
// benchmarks whose path contains "content"; `--strict` exits 1 when a target is missed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { workspaceRoot } from '@portal/local-services';
import { BENCH_LINE_PREFIX, meetsTarget, type BenchResult } from '@portal/testing/bench';

const root = workspaceRoot();
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const filters = args.filter((a) => !a.startsWith('--'));

function discover(): string[] {
  const files: string[] = [];
  const appsDir = join(root, 'apps');
  for (const app of existsSync(appsDir) ? readdirSync(appsDir).sort() : []) {
    const dir = join(appsDir, app, 'bench');
    if (existsSync(dir))
      for (const f of readdirSync(dir).sort())
        if (f.endsWith('.bench.ts')) files.push(join(dir, f));
  }
  const toolDir = join(root, 'tools', 'bench', 'src');
  for (const f of readdirSync(toolDir).sort())
    if (f.endsWith('.bench.ts')) files.push(join(toolDir, f));
  return files.filter(
    (f) => filters.length === 0 || filters.some((x) => relative(root, f).includes(x)),
  );
}

let interrupted: NodeJS.Signals | null = null;

async function runOne(
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<{ results: BenchResult[]; code: number }> {
  const results: BenchResult[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A signal to the runner goes on to the benchmark, which stops what it started and exits;
  // then the runner stops too.
  const forward = (signal: NodeJS.Signals) => {
    interrupted = signal;
    child.kill(signal);
  };
  process.on('SIGINT', forward).on('SIGTERM', forward);
  child.once('exit', () => process.off('SIGINT', forward).off('SIGTERM', forward));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith(BENCH_LINE_PREFIX))
      results.push(JSON.parse(line.slice(BENCH_LINE_PREFIX.length)) as BenchResult);
    else process.stdout.write(`  ${line}\n`);
  });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  return { results, code };
}

async function main(): Promise<number> {
  const files = discover();
  if (files.length === 0) {
    process.stdout.write('no benchmarks found\n');
    return 0;
  }
  // Each benchmark starts its own FerretDB and Redis (benchServices in @portal/testing/bench),
  // unless MONGODB_URI / REDIS_URL point at servers to measure instead.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn' };
  const all: (BenchResult & { file: string; ok: boolean | null })[] = [];
  let crashed = 0;
  for (const file of files) {
    process.stdout.write(`\n▶ ${relative(root, file)}\n`);
    const { results, code } = await runOne(file, env);
    if (code !== 0) {
      crashed++;
      process.stdout.write(`  exited with ${code}\n`);
    }
    for (const r of results) all.push({ ...r, file: relative(root, file), ok: meetsTarget(r) });
    if (interrupted) {
      process.stdout.write(`stopped by ${interrupted}\n`);
      return 128 + osConstants.signals[interrupted];
    }
  }
  const width = Math.max('benchmark'.length, ...all.map((r) => r.name.length));
  process.stdout.write(
    `\n${'benchmark'.padEnd(width)}  ${'value'.padEnd(20)} ${'target'.padEnd(12)} verdict\n`,
  );
  for (const r of all) {
    const value = `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`;
    const target =
      r.target === undefined ? '—' : `${r.better === 'lower' ? '≤' : '≥'} ${r.target} ${r.unit}`;
    const verdict = r.ok === null ? '' : r.ok ? 'meets target' : 'MISSES TARGET';
    process.stdout.write(
      `${r.name.padEnd(width)}  ${value.padEnd(20)} ${target.padEnd(12)} ${verdict.padEnd(13)} ${r.detail ?? ''}\n`,
    );
  }
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(
    join(root, 'tmp', 'bench-results.json'),
    JSON.stringify({ at: new Date().toISOString(), results: all }, null, 2),
  );
  const missed = all.filter((r) => r.ok === false).length;
  process.stdout.write(
    `\n${all.length} figures, ${missed} missed targets, ${crashed} benchmarks crashed (tmp/bench-results.json)\n`,
  );
  return crashed > 0 || (strict && missed > 0) ? 1 : 0;
}

main().then((code) => process.exit(code));

// `npm test`: starts one real FerretDB and one Redis for the whole run (unless
// MONGODB_URI / REDIS_URL point at servers already), runs every Nx project's tests
// through Nx, and ends with one line: `N passed, M failed, K skipped`, summed over every
// project from the summaries the vitest preset's reporter writes (summary-reporter.ts).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  databaseAndRedis,
  ensureDebianPackage,
  workspaceRoot,
  type DatabaseAndRedis,
} from '@portal/local-services';
import type { ProjectSummary } from './summary-reporter';

const root = workspaceRoot();
const resultsDir = join(root, 'tmp', 'test-results');
const affected = process.argv.includes('--affected');
const log = (line: string) => process.stdout.write(`[test] ${line}\n`);
/** Nx projects whose tests run by themselves, after the others. */
const ALONE = 'tag:test:alone';

/** The `test:alone` projects this run covers (with --affected, those affected). */
function projectsTaggedAlone(): string[] {
  const args = ['nx', 'show', 'projects', `--projects=${ALONE}`, '--json'];
  if (affected) args.push('--affected');
  const out = execFileSync('npx', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return JSON.parse(out) as string[];
}

function projectsWithTests(): string[] {
  const names: string[] = [];
  for (const group of ['apps', 'libs', 'tools']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const file = join(dir, entry, 'project.json');
      if (!existsSync(file)) continue;
      const project = JSON.parse(readFileSync(file, 'utf8')) as {
        name: string;
        targets?: Record<string, unknown>;
      };
      if (project.targets?.test) names.push(project.name);
    }
  }
  return names;
}

async function main(): Promise<number> {
  let services: DatabaseAndRedis | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_TUI: 'false',
    NX_NO_CLOUD: 'true',
    FORCE_COLOR: '0',
  };
  try {
    // The bulletin's read-aloud audio (its tests and the end-to-end suite render real speech);
    // startRedis installs redis-server the same way.
    ensureDebianPackage('espeak-ng', 'espeak-ng', log);
    services = await databaseAndRedis({
      dir: scratch,
      mongoUri: env.MONGODB_URI,
      redisUrl: env.REDIS_URL,
      log,
    });
    env.MONGODB_URI = services.mongoUri;
    env.REDIS_URL = services.redisUrl;
    log(`database at ${services.mongoUri}, Redis at ${services.redisUrl}`);

    rmSync(resultsDir, { recursive: true, force: true });
    mkdirSync(resultsDir, { recursive: true });
    // Sized to the machine: as many test files at once as there are cores, spread over
    // Nx's parallel projects (each file may also start apps, so no more than that).
    const cores = availableParallelism();
    const parallel = Number(env.TEST_PARALLEL ?? cores);
    env.TEST_WORKERS ??= String(Math.max(1, Math.floor(cores / parallel)));
    log(`${cores} cores: ${parallel} projects at once, ${env.TEST_WORKERS} test file(s) each`);
    // Projects tagged `test:alone` (the resilience suite, whose pass criteria compare latencies
    // with the same stack's own baseline) run after the others, by themselves, so no other
    // project's load lands in the middle of a measurement.
    const nx = (args: string[]) =>
      new Promise<number>((resolve) => {
        const child = spawn('npx', ['nx', ...args, '--outputStyle=stream'], {
          cwd: root,
          env,
          stdio: 'inherit',
        });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    const selection = affected ? ['affected'] : ['run-many'];
    const together = await nx([
      ...selection,
      '-t',
      'test',
      `--exclude=${ALONE}`,
      `--parallel=${parallel}`,
    ]);
    const alone = projectsTaggedAlone();
    let aloneCode = 0;
    if (alone.length > 0) {
      log(`then by themselves: ${alone.join(', ')}`);
      aloneCode = await nx([
        'run-many',
        '-t',
        'test',
        `--projects=${alone.join(',')}`,
        '--parallel=1',
      ]);
    }
    const nxCode = together || aloneCode;

    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const expected = affected
      ? readdirSync(resultsDir).map((f) => f.replace(/\.json$/, ''))
      : projectsWithTests();
    const failures: string[] = [];
    const skips: string[] = [];
    for (const project of expected) {
      const file = join(resultsDir, `${project}.json`);
      if (!existsSync(file)) {
        failures.push(`${project}: no test report (the run crashed before reporting)`);
        failed += 1;
        continue;
      }
      const summary = JSON.parse(readFileSync(file, 'utf8')) as ProjectSummary;
      passed += summary.passed;
      failed += summary.failed;
      skipped += summary.skipped;
      failures.push(...summary.failures.map((line) => `${project}: ${line}`));
      skips.push(...summary.skips.map((line) => `${project}: ${line}`));
    }
    if (skips.length > 0) log(`skipped:\n  ${skips.join('\n  ')}`);
    if (failures.length > 0) log(`failed:\n  ${failures.join('\n  ')}`);
    if (nxCode !== 0 && failed === 0) {
      log(`nx exited with ${nxCode}`);
      failed += 1;
    }
    process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    return failed === 0 ? 0 : 1;
  } finally {
    await services?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.stdout.write('0 passed, 1 failed, 0 skipped\n');
    process.exit(1);
  },
);

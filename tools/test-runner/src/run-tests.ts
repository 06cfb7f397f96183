// `npm test`: starts one real FerretDB and one Redis for the whole run (unless
// MONGODB_URI / REDIS_URL point at servers already), runs every project's tests (the
// command of Nx's `test` target) on as many lanes as the machine has cores, longest first,
// and ends with one line: `N passed, M failed, K skipped`, summed over every project from
// the summaries the vitest preset's reporter writes (summary-reporter.ts).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import {
  APP_BUNDLES_ENV,
  bundleApps,
  databaseAndRedis,
  ensureDebianPackage,
  workspaceRoot,
  type DatabaseAndRedis,
} from '@portal/local-services';
import { OWN_LANE_TAG, longestFirst, onLanes, testProjects, type TestProject } from './schedule';
import type { ProjectSummary } from './summary-reporter';

const root = workspaceRoot();
const resultsDir = join(root, 'tmp', 'test-results');
const affected = process.argv.includes('--affected');
const log = (line: string) => process.stdout.write(`[test] ${line}\n`);

/** The projects this run covers: every one with a test target, or (--affected) those Nx says the change touches. */
function projectsToRun(): TestProject[] {
  const all = testProjects(root);
  if (!affected) return all;
  const out = execFileSync(
    'npx',
    ['nx', 'show', 'projects', '--affected', '--withTarget=test', '--json'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const names = new Set(JSON.parse(out) as string[]);
  return all.filter((p) => names.has(p.name));
}

/** The command of the `test` target every project inherits (nx.json), `{projectRoot}` to fill. */
const TEST_COMMAND = (
  JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as {
    targetDefaults: { test: { options: { command: string } } };
  }
).targetDefaults.test.options.command;

/**
 * How much lower the shared lanes' priority is (`nice`) than the own-lane projects': the
 * resilience suite's criteria are latencies under faults (an answer within 2 s while Redis
 * is down, 3× the baseline), and with three lanes of other suites taking the CPU (load 20 on
 * two cores) a feedback answer took 3.4 s in a run here; the lanes' tests only need their
 * work done. Every process a lane starts (vitest, its apps, Chromium) inherits it.
 */
const SHARED_LANE_NICENESS = 5;

/** Runs one project's tests, its output prefixed with its name as Nx does; resolves with the exit code. */
function runProject(project: TestProject, env: NodeJS.ProcessEnv, niceness = 0): Promise<number> {
  const command = TEST_COMMAND.replaceAll('{projectRoot}', project.root);
  process.stdout.write(`> ${project.name}: ${command}\n`);
  const child = spawn('nice', ['-n', String(niceness), 'sh', '-c', command], {
    cwd: root,
    env: { ...env, PATH: `${join(root, 'node_modules', '.bin')}:${env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`${project.name}: ${line}\n`),
    );
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  let services: DatabaseAndRedis | undefined;
  let bundles: string | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
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
    // The apps the tests start run from bundles built now from the sources, as the images run
    // them (`entryArgs`): a process loads one bundle instead of compiling hundreds of modules
    // through tsx's loader hooks, which took half the CPU of each of the suite's two hundred or
    // so app starts. PORTAL_APP_BUNDLES= (empty) runs them from the sources instead.
    if (env[APP_BUNDLES_ENV] === undefined) {
      bundles = mkdtempSync(join(root, 'tmp', 'app-bundles-'));
      const apps = await bundleApps(root, bundles);
      env[APP_BUNDLES_ENV] = bundles;
      log(`${apps.length} apps bundled into ${relative(root, bundles)}`);
    }
    // Sized to the machine: one project more than there are cores, since a project's lane
    // often waits (on a process it starts, a browser, a timer) with no core busy: on this
    // 2-core machine, 2 lanes kept the cores 72 % busy and took 15.5 min, 3 lanes 84 % and
    // 13.8 min (docs/benchmarks.md). Each project runs one test file at a time, as each file
    // may start apps of its own.
    const cores = availableParallelism();
    const parallel = Number(env.TEST_PARALLEL ?? cores + 1);
    env.TEST_WORKERS ??= String(Math.max(1, Math.floor(cores / parallel)));
    log(`${cores} cores: ${parallel} projects at once, ${env.TEST_WORKERS} test file(s) each`);
    // Longest first on the lanes, so that no lane idles at the end beside a whole stack.
    // Projects tagged `test:own-lane` (the resilience suite: 5–10 minutes of timed faults and
    // waits for about half a core) start at once on lanes of their own beside them, at the
    // runner's own priority; the shared lanes run at a lower one (SHARED_LANE_NICENESS).
    const projects = projectsToRun();
    const ownLane = projects.filter((p) => p.tags.includes(OWN_LANE_TAG));
    const together = longestFirst(projects.filter((p) => !p.tags.includes(OWN_LANE_TAG)));
    log(`in this order: ${together.map((p) => p.name).join(', ')}`);
    if (ownLane.length > 0)
      log(`beside them, each on a lane of its own: ${ownLane.map((p) => p.name).join(', ')}`);
    const [shared, own] = await Promise.all([
      onLanes(together, parallel, (p) => runProject(p, env, SHARED_LANE_NICENESS)),
      Promise.all(ownLane.map((p) => runProject(p, env))),
    ]);
    const codes = [...shared, ...own];
    const exitCode = codes.find((code) => code !== 0) ?? 0;

    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const expected = projects.map((p) => p.name);
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
    if (exitCode !== 0 && failed === 0) {
      log(`a project's tests exited with ${exitCode}`);
      failed += 1;
    }
    process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    return failed === 0 ? 0 : 1;
  } finally {
    await services?.stop();
    rmSync(scratch, { recursive: true, force: true });
    if (bundles) rmSync(bundles, { recursive: true, force: true });
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

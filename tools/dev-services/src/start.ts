// `npm start`: the whole portal on embedded defaults. Starts FerretDB, Redis and a
// mail sink (unless MONGODB_URI / REDIS_URL / SMTP_URL point elsewhere), an S3 server
// when LIBRARY_STORAGE=s3 comes without an S3_ENDPOINT, composes the
// supergraph, bundles the apps as the images run them, starts every app and worker, seeds
// demo data once, and prints where the graph is. Ctrl-C (SIGINT) or SIGTERM stops everything
// it started. With MONGODB_DB_PREFIX each app's database is `<prefix>_<app>`, so a stack can
// share a server (the e2e suite).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureDevKeyPair } from '@portal/auth';
import { DEFAULT_PORTS, portOffsetProblem, positiveInt } from '@portal/config';
import {
  APP_BUNDLES_ENV,
  ProcessGroup,
  bundleApps,
  entryArgs,
  dataDir as defaultDataDir,
  ensureDebianPackage,
  startFerretdb,
  startRedis,
  startS3,
  tryEnsureDebianPackage,
  waitForHttp,
  workspaceRoot,
  type ManagedProcess,
} from '@portal/local-services';
import { databaseOf, discoverApps, discoverSeeds, type SeedScript } from './apps';
import { ensureDotEnv } from './dot-env';
import { stackEnv } from './stack-env';

const root = workspaceRoot();
const offset = Number(process.env.PORT_OFFSET ?? 0);
/**
 * How long each app may take to answer /healthz (START_TIMEOUT_MS, default 90 s): the test
 * suite and the benchmarks raise it, since they start stacks beside other work.
 */
const startTimeoutMs = positiveInt().default(90_000).parse(process.env.START_TIMEOUT_MS);
const dataDir = defaultDataDir();
const group = new ProcessGroup();
const say = (line: string) => process.stdout.write(`[start]          ${line}\n`);
/** The bundles this start built (removed when it stops); none when PORTAL_APP_BUNDLES was given. */
let ownBundles: string | undefined;

/** The stop under way, once a signal or a failure started it. */
let stopped: Promise<never> | undefined;

/**
 * Stops every process, then exits with `code`; once. A signal that comes while it stops (npm
 * passes a SIGTERM on and the sender's own arrives too, or Ctrl-C is pressed again) waits for
 * the same stop: exiting at once left every app running without its supervisor.
 */
function stop(code: number): Promise<never> {
  stopped ??= (async () => {
    say('stopping every process…');
    await group.stopAll(8000);
    if (ownBundles) rmSync(ownBundles, { recursive: true, force: true });
    say('stopped');
    process.exit(code);
  })();
  return stopped;
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main(): Promise<void> {
  const offsetProblem = portOffsetProblem(process.env.PORT_OFFSET);
  if (offsetProblem) throw new Error(offsetProblem);
  mkdirSync(dataDir, { recursive: true });
  const dotEnv = ensureDotEnv(root);
  await ensureDevKeyPair(join(dataDir, 'keys'));

  // Optional tools: text-to-speech for the bulletin's read-aloud audio.
  tryEnsureDebianPackage('espeak-ng', 'espeak-ng', say);
  tryEnsureDebianPackage('lame', 'lame', say);

  let mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) {
    const port = DEFAULT_PORTS.ferretdb + offset;
    const db = await startFerretdb({
      port,
      dir: join(dataDir, 'ferretdb'),
      log: say,
      output: 'prefix',
    });
    adopt(db.process);
    mongoUri = db.uri;
    say(`FerretDB (MongoDB wire protocol) on ${mongoUri}`);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    ensureDebianPackage('redis-server', 'redis-server', say);
    const redis = await startRedis({
      port: DEFAULT_PORTS.redis + offset,
      dir: join(dataDir, 'redis'),
      persistent: true,
      log: say,
      output: 'prefix',
    });
    adopt(redis.process);
    redisUrl = redis.url;
    say(`Redis on ${redisUrl}`);
  }
  let smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    const sink = group.start(
      {
        name: 'mail-sink',
        command: process.execPath,
        args: [
          ...entryArgs(join(root, 'tools/dev-services/src/smtp-sink-main.ts')),
          String(DEFAULT_PORTS.smtp + offset),
          String(DEFAULT_PORTS.smtpHttp + offset),
        ],
        cwd: root,
      },
      'infrastructure',
    );
    await waitForHttp(`http://127.0.0.1:${DEFAULT_PORTS.smtpHttp + offset}/messages`, {
      isAlive: () => sink.running,
    });
    smtpUrl = `smtp://127.0.0.1:${DEFAULT_PORTS.smtp + offset}`;
  }

  const s3Env = await embeddedS3({ ...dotEnv, ...process.env });

  await Promise.all([
    runToEnd(
      'compose',
      join(root, 'tools/compose-supergraph/src/compose.ts'),
      'supergraph composition',
    ),
    useBundles(),
  ]);

  const env = {
    ...stackEnv({
      root,
      dataDir,
      offset,
      mongoUri,
      redisUrl,
      smtpUrl,
      pretty: Boolean(process.stdout.isTTY),
      dotEnv,
    }),
    ...s3Env,
  };
  const apps = discoverApps(root, offset);
  const gateway = apps.filter((a) => a.app === 'gateway');
  const others = apps.filter((a) => a.app !== 'gateway');

  const launch = async (list: typeof apps) => {
    const started = list.map((a) => {
      const name = a.entry === 'main' ? a.app : `${a.app}-worker`;
      const proc = group.start({
        name,
        command: process.execPath,
        args: entryArgs(a.file),
        cwd: root,
        env: {
          ...env,
          ...databaseOf(a.app),
          ...(a.entry === 'main' ? { PORT: String(a.port) } : { OPS_PORT: String(a.port) }),
          ...(a.app === 'gateway' ? { OPS_PORT: String(DEFAULT_PORTS.gatewayOps + offset) } : {}),
          ...(a.app === 'portal-web'
            ? { OPS_PORT: String(DEFAULT_PORTS.portalWebOps + offset) }
            : {}),
        },
      });
      watchCrash(name, proc);
      return { a, proc };
    });
    await Promise.all(
      started.map(({ a, proc }) =>
        waitForHttp(`http://127.0.0.1:${a.port}/healthz`, {
          timeoutMs: startTimeoutMs,
          isAlive: () => proc.running,
        }).catch((err: Error) => {
          throw new Error(`${a.app} ${a.entry} did not start: ${err.message}`);
        }),
      ),
    );
  };

  await launch(others);
  // Each app seeds its own database, so a phase's seeds run side by side (discoverSeeds).
  const seed = ({ app, file }: SeedScript) =>
    runToEnd(`${app}-seed`, file, `seeding ${app}`, {
      ...env,
      ...databaseOf(app),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
    });
  for (const phase of discoverSeeds(root)) await Promise.all(phase.map(seed));
  await launch(gateway);

  const gatewayPort = DEFAULT_PORTS.gateway + offset;
  say('');
  say(`Portal graph ready at http://localhost:${gatewayPort}/graphql`);
  if (apps.some((a) => a.app === 'portal-web'))
    say(`Web portal:          http://localhost:${DEFAULT_PORTS['portal-web'] + offset}/`);
  if (!process.env.SMTP_URL)
    say(`Outgoing mail:       http://localhost:${DEFAULT_PORTS.smtpHttp + offset}/`);
  say('A token for any role: npm run -s token -- --role editor --sub u1 --name "Biên tập viên"');
  say('Ctrl-C stops everything.');
}

/**
 * Runs a TypeScript entry point (`entryArgs`) as a process of the group, so that Ctrl-C stops
 * it too, and waits for its end; fails with `what` unless it exits 0 or the stack is stopping.
 */
async function runToEnd(
  name: string,
  file: string,
  what: string,
  env?: NodeJS.ProcessEnv,
): Promise<void> {
  const proc = group.start({
    name,
    command: process.execPath,
    args: entryArgs(file),
    cwd: root,
    env,
  });
  if ((await proc.exited) !== 0 && !stopped)
    throw new Error(`${what} failed (${relative(root, file)}; see its output above)`);
}

/**
 * The apps run from bundles built now from their sources with the images' esbuild settings
 * (`bundleApps`, about 3 s): a process then loads one file instead of compiling hundreds of
 * modules through tsx's loader hooks and an esbuild service of its own (a whole stack's start
 * took 175 CPU-s from the sources, 126 from bundles). `PORTAL_APP_BUNDLES=<dir>` runs the
 * bundles there; `PORTAL_APP_BUNDLES=` (empty) runs the sources through tsx.
 */
async function useBundles(): Promise<void> {
  if (process.env[APP_BUNDLES_ENV] !== undefined) return;
  mkdirSync(join(root, 'tmp'), { recursive: true });
  // Inside the workspace: the bundles find their npm packages in its node_modules.
  ownBundles = mkdtempSync(join(root, 'tmp', 'app-bundles-start-'));
  const bundled = await bundleApps(root, ownBundles);
  process.env[APP_BUNDLES_ENV] = ownBundles;
  say(`${bundled.length} apps bundled into ${relative(root, ownBundles)}`);
}

/**
 * LIBRARY_STORAGE=s3 without an S3_ENDPOINT: the embedded S3 server (infra/s3) stands in
 * for the object store, with its objects under `.data/s3`, so the S3 driver can be tried
 * locally. Returns the S3_* variables the library then gets; none otherwise.
 */
async function embeddedS3(wanted: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  if (wanted.LIBRARY_STORAGE !== 's3' || wanted.S3_ENDPOINT) return {};
  const bucket = wanted.S3_BUCKET || 'portal-library';
  const s3 = await startS3({
    port: DEFAULT_PORTS.s3 + offset,
    dir: join(dataDir, 's3'),
    buckets: [bucket],
    log: say,
    output: 'prefix',
  });
  adopt(s3.process);
  say(`S3 server (embedded, local runs only) on ${s3.endpoint}, bucket ${bucket}`);
  return {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: bucket,
    // The embedded server accepts any credentials.
    S3_ACCESS_KEY_ID: wanted.S3_ACCESS_KEY_ID || 'portal-local',
    S3_SECRET_ACCESS_KEY: wanted.S3_SECRET_ACCESS_KEY || 'portal-local-secret',
  };
}

function adopt(proc: ManagedProcess): void {
  group.add(proc, 'infrastructure');
  watchCrash(proc.name, proc);
}

function watchCrash(name: string, proc: ManagedProcess): void {
  void proc.exited.then((code) => {
    if (!stopped) say(`${name} exited unexpectedly (code ${code}); other processes keep running`);
  });
}

main().catch(async (err: unknown) => {
  process.stderr.write(`[start] ${(err as Error).message}\n`);
  await stop(1);
});

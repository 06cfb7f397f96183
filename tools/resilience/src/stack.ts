// The whole portal (gateway, subgraphs, workers, notifier, hotline simulator) on FerretDB and
// a persistent Redis, each process owned here so a scenario can kill, freeze, restart or
// replace exactly one of them. Ports are the defaults shifted by a PORT_OFFSET, as in
// `npm start` (tools/dev-services), whose conventions this follows: apps/<app>/src/main.ts
// serves, apps/<app>/src/worker.ts runs queues, apps/<app>/src/seed.ts seeds demo data.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDevKeyPair } from '@portal/auth';
import { DEFAULT_PORTS, DEFAULT_WORKER_OPS_PORTS } from '@portal/config';
import {
  ManagedProcess,
  entryArgs,
  startFerretdb,
  stackUrlsEnv,
  startRedis,
  waitForHttp,
  workspaceRoot,
} from '@portal/local-services';

const root = workspaceRoot();
/** Not part of the scenarios (the web portal is a client of the gateway like the load). */
const SKIPPED_APPS = new Set(['portal-web']);
// As npm start orders them: the bulletin quotes articles, the assistant indexes everything.
const SEED_LAST = ['bulletin', 'assistant'];
const START_PARALLEL = 3;
/** How long one process may take to answer /healthz (a busy shared machine: minutes). */
const START_TIMEOUT_MS = 600_000;

export interface StackApp {
  /** `forum`, `forum-worker`, `notifier`, `hotline-sim`, `gateway`. */
  name: string;
  app: string;
  file: string;
  /** Where its /healthz and /readyz answer (the ops port for workers and the gateway). */
  healthPort: number;
  env: NodeJS.ProcessEnv;
}

export interface StackOptions {
  offset: number;
  dataDir: string;
  /** Extra variables for every app (limits, timeouts of the scenario). */
  env?: NodeJS.ProcessEnv;
  /** Where the notifier sends mail (a sink the caller runs). */
  smtpUrl: string;
  log?: (line: string) => void;
  /** Lines of every app's output, for failures. */
  onOutput?: (name: string, line: string) => void;
}

export class Stack {
  readonly offset: number;
  readonly mongoUri: string;
  readonly redisUrl: string;
  readonly queuePrefix = 'portal';
  readonly apps: StackApp[] = [];
  private readonly processes = new Map<string, ManagedProcess>();
  private ferretdb: ManagedProcess | undefined;
  private redis: ManagedProcess | undefined;
  private readonly log: (line: string) => void;

  constructor(private readonly options: StackOptions) {
    this.offset = options.offset;
    this.mongoUri = `mongodb://127.0.0.1:${DEFAULT_PORTS.ferretdb + this.offset}/`;
    this.redisUrl = `redis://127.0.0.1:${DEFAULT_PORTS.redis + this.offset}`;
    this.log = options.log ?? (() => {});
  }

  port(name: keyof typeof DEFAULT_PORTS): number {
    return DEFAULT_PORTS[name] + this.offset;
  }

  get graphUrl(): string {
    return `http://127.0.0.1:${this.port('gateway')}/graphql`;
  }

  get gatewayOpsUrl(): string {
    return `http://127.0.0.1:${this.port('gatewayOps')}`;
  }

  get hotlineUrl(): string {
    return `http://127.0.0.1:${this.port('hotline-sim')}`;
  }

  get keysDir(): string {
    return join(this.options.dataDir, 'keys');
  }

  opsUrl(name: string): string {
    return `http://127.0.0.1:${this.app(name).healthPort}`;
  }

  app(name: string): StackApp {
    const found = this.apps.find((a) => a.name === name);
    if (!found) throw new Error(`no app ${name} in the stack`);
    return found;
  }

  process(name: string): ManagedProcess {
    const proc = this.processes.get(name);
    if (!proc) throw new Error(`${name} is not running`);
    return proc;
  }

  pid(name: string): number {
    return this.process(name).child.pid!;
  }

  /** FerretDB, Redis (AOF on), the supergraph, every app and worker, demo data, then the gateway. */
  async start(): Promise<void> {
    const { dataDir } = this.options;
    mkdirSync(dataDir, { recursive: true });
    await ensureDevKeyPair(this.keysDir);
    await this.startFerretdb();
    await this.startRedis();
    const compose = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'tools/compose-supergraph/src/compose.ts')],
      { cwd: root, encoding: 'utf8', timeout: 300_000 },
    );
    if (compose.status !== 0)
      throw new Error(`composing the supergraph failed:\n${compose.stderr}`);

    const env = this.sharedEnv();
    for (const app of readdirSync(join(root, 'apps')).sort()) {
      if (SKIPPED_APPS.has(app)) continue;
      for (const entry of ['main', 'worker'] as const) {
        const file = join(root, 'apps', app, 'src', `${entry}.ts`);
        if (!existsSync(file)) continue;
        const base =
          entry === 'main'
            ? (DEFAULT_PORTS as Record<string, number>)[app]
            : (DEFAULT_WORKER_OPS_PORTS as Record<string, number>)[app];
        if (base === undefined) throw new Error(`no default port for ${app} ${entry}`);
        const port = base + this.offset;
        const own: NodeJS.ProcessEnv = {
          ...env,
          MONGODB_DB: `portal_${app}`,
          ...(entry === 'main' ? { PORT: String(port) } : { OPS_PORT: String(port) }),
        };
        if (app === 'gateway') own.OPS_PORT = String(this.port('gatewayOps'));
        // The driver's view of the database (heartbeats, description changes) goes into the
        // stack's output, so a service that does not find the database back shows why.
        if (app !== 'gateway')
          Object.assign(own, { MONGODB_LOG_TOPOLOGY: 'debug', MONGODB_LOG_PATH: 'stderr' });
        this.apps.push({
          name: entry === 'main' ? app : `${app}-worker`,
          app,
          file,
          healthPort: app === 'gateway' ? this.port('gatewayOps') : port,
          env: own,
        });
      }
    }
    // A few at a time: on a busy machine fifteen processes compiling at once all miss their start-up time.
    const others = this.apps.filter((a) => a.app !== 'gateway').map((a) => a.name);
    await Promise.all(
      Array.from({ length: START_PARALLEL }, async () => {
        for (let name = others.shift(); name; name = others.shift()) await this.startApp(name);
      }),
    );
    const seeds = readdirSync(join(root, 'apps'))
      .sort()
      .filter((app) => existsSync(join(root, 'apps', app, 'src', 'seed.ts')))
      .sort((a, b) => Number(SEED_LAST.includes(a)) - Number(SEED_LAST.includes(b)));
    for (const app of seeds) {
      const run = spawnSync(
        process.execPath,
        entryArgs(join(root, 'apps', app, 'src', 'seed.ts')),
        {
          cwd: root,
          env: { ...env, MONGODB_DB: `portal_${app}`, LOG_LEVEL: 'warn' },
          encoding: 'utf8',
          timeout: 300_000,
        },
      );
      if (run.status !== 0) throw new Error(`seeding ${app} failed:\n${run.stderr}`);
    }
    await this.startApp('gateway');
    this.log(`stack ready at ${this.graphUrl} (PORT_OFFSET ${this.offset})`);
  }

  /** Starts one app (again) and waits until its /healthz answers. */
  async startApp(name: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ManagedProcess> {
    const app = this.app(name);
    const proc = new ManagedProcess({
      name,
      command: process.execPath,
      args: entryArgs(app.file),
      cwd: root,
      env: { ...app.env, ...extraEnv },
      output: 'ignore',
    });
    this.processes.set(name, proc);
    this.capture(name, proc);
    await waitForHttp(`http://127.0.0.1:${app.healthPort}/healthz`, {
      timeoutMs: START_TIMEOUT_MS,
      isAlive: () => proc.running,
    }).catch((err: Error) => {
      throw new Error(`${name} did not start: ${err.message}`);
    });
    return proc;
  }

  /** Sends `signal` to one app; SIGKILL/SIGTERM wait for it to be gone. */
  async signal(name: string, signal: NodeJS.Signals): Promise<void> {
    const proc = this.process(name);
    proc.child.kill(signal);
    if (signal === 'SIGKILL' || signal === 'SIGTERM') await proc.exited;
  }

  async stopRedis(): Promise<void> {
    await this.redis?.stop();
  }

  /** Redis on its port with its AOF directory: what it had queued comes back. */
  async startRedis(): Promise<void> {
    const redis = await startRedis({
      port: this.port('redis'),
      dir: join(this.options.dataDir, 'redis'),
      persistent: true,
      log: this.log,
    });
    this.redis = redis.process;
  }

  async stopFerretdb(): Promise<void> {
    await this.ferretdb?.stop();
  }

  async startFerretdb(): Promise<void> {
    const db = await startFerretdb({
      port: this.port('ferretdb'),
      dir: join(this.options.dataDir, 'ferretdb'),
      log: this.log,
    });
    this.ferretdb = db.process;
  }

  /** Every app first, then FerretDB and Redis. */
  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map((p) => {
        // A frozen process cannot act on SIGTERM.
        if (p.running) p.child.kill('SIGCONT');
        return p.stop(8000);
      }),
    );
    await this.redis?.stop();
    await this.ferretdb?.stop();
  }

  private sharedEnv(): NodeJS.ProcessEnv {
    const p = (name: keyof typeof DEFAULT_PORTS) => this.port(name);
    const secret = () => randomBytes(32).toString('hex');
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      DATA_DIR: this.options.dataDir,
      MONGODB_URI: this.mongoUri,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      SMTP_URL: this.options.smtpUrl,
      INTERNAL_TOKEN_SECRET: secret(),
      HOTLINE_API_KEY: secret(),
      HOTLINE_CALLBACK_SECRET: secret(),
      CLIENT_KEY_SECRET: secret(),
      SUBSCRIPTION_TOKEN_SECRET: secret(),
      PUBLIC_BASE_URL: `http://localhost:${p('gateway')}`,
      WEB_BASE_URL: `http://localhost:${p('portal-web')}`,
      ...stackUrlsEnv(p),
      JWT_PUBLIC_KEY_FILE: join(this.keysDir, 'dev-idp-public.pem'),
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost',
      // The hotline simulator answers within a second instead of half a minute.
      SIM_ACK_DELAY_MS: '300',
      SIM_PROGRESS_DELAY_MS: '300',
      SIM_CLOSE_DELAY_MS: '300',
      ...this.options.env,
    };
  }

  private capture(name: string, proc: ManagedProcess): void {
    const onOutput = this.options.onOutput;
    if (!onOutput) return;
    for (const stream of [proc.child.stdout, proc.child.stderr])
      stream?.on('data', (chunk: Buffer) => {
        for (const line of String(chunk).split('\n')) if (line) onOutput(name, line);
      });
  }
}

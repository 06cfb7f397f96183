// The artefacts the images contain: `npm run build` bundles (dist/apps/<app>), started as the
// images start them (Node on main.js/worker.js, in the bundle's folder, NODE_ENV=production,
// production settings such as an identity provider key) against a real FerretDB and Redis,
// each answering its health and readiness checks (and /metrics where the chart has Prometheus
// scrape it); the gateway serves a query over the supergraph inside its bundle.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagedProcess, SmtpSink, freeStablePort, workspaceRoot } from '@portal/local-services';
import { CHART_DIR, ensureHelmCheckInChild, renderChart } from '../src/helm-check';
import { byKind, podSpec, type Container } from '../src/k8s';
import { discoverProcesses, type PortalProcess } from '../src/processes';

const root = workspaceRoot();
const processes = discoverProcesses(root);
const apps = [...new Set(processes.map((p) => p.app))];
const ISSUER = 'https://sso.example.test/realms/citizens';
const AUDIENCE = 'hcmc-dx-portal';
const logs = process.env.PORTAL_TEST_LOGS === '1';
/**
 * Development-only packages a bundle may import lazily (`import("…")`) on a path production
 * never takes: the web portal starts Vite only when it has no build, and its main.ts exits in
 * production without one.
 */
const DEV_ONLY_DYNAMIC_IMPORTS: Record<string, string[]> = { 'portal-web': ['vite'] };

interface Running {
  proc: PortalProcess;
  child: ManagedProcess;
  /** Ports it may serve its ops endpoints on (PORT and OPS_PORT). */
  ports: number[];
  /** The port each variable was given. */
  assigned: Record<'PORT' | 'OPS_PORT', number>;
  readyPort?: number;
}

/** How the chart probes a process: the variable its probe port comes from, and the paths. */
interface ChartProbes {
  variable: string;
  liveness: string;
  readiness: string;
  /** Prometheus scrapes its /metrics (the hotline simulator serves none). */
  scraped: boolean;
}
const chartProbes = new Map<string, ChartProbes>();

function probesOf(container: Container, annotations: Record<string, string>): ChartProbes {
  const port = container.livenessProbe?.httpGet?.port;
  const number =
    typeof port === 'number' ? port : container.ports?.find((p) => p.name === port)?.containerPort;
  // The chart's probe port is the port one of the process's variables sets.
  const variable = container.env?.find((e) => e.value === String(number))?.name ?? '(none)';
  return {
    variable,
    liveness: container.livenessProbe?.httpGet?.path ?? '(none)',
    readiness: container.readinessProbe?.httpGet?.path ?? '(none)',
    scraped: annotations['prometheus.io/scrape'] === 'true',
  };
}

/**
 * The port the chart probes the process on (the one its probe variable was given): asking
 * another port could reach some other program that took that number, since a worker leaves
 * its PORT unbound.
 */
function probedPorts(r: Running): number[] {
  const variable = chartProbes.get(r.proc.name)?.variable as 'PORT' | 'OPS_PORT' | undefined;
  const port = variable && r.assigned[variable];
  return port ? [port] : r.ports;
}

/** /readyz, unless the chart neither scrapes the process nor probes its /readyz. */
function readyPathOf(name: string): string {
  const probes = chartProbes.get(name);
  return !probes || probes.scraped || probes.readiness === '/readyz' ? '/readyz' : probes.readiness;
}

let dir: string;
const running: Running[] = [];
const smtp = new SmtpSink();

function bundleDir(app: string): string {
  return join(root, 'dist', 'apps', app);
}

/**
 * Polls the process's readiness path (/readyz; the chart's readiness path for a process that
 * serves no ops endpoints beyond its probes) on the port the chart probes until it answers 2xx;
 * the process must stay up.
 */
async function waitUntilReady(r: Running, timeoutMs: number): Promise<number> {
  const path = readyPathOf(r.proc.name);
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!r.child.running)
      throw new Error(`${r.proc.name} exited during start: ${r.child.describe()}`);
    for (const port of probedPorts(r)) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          signal: AbortSignal.timeout(3000),
        });
        if (res.ok) return port;
        last = `:${port} HTTP ${res.status} ${await res.text()}`;
      } catch (err) {
        last = `:${port} ${(err as Error).message}`;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${r.proc.name} was not ready within ${timeoutMs} ms (${last})`);
}

beforeAll(async () => {
  // What `npm run build` runs for each app: its Nx build target, tools/build (called directly:
  // this test may itself run under `nx run-many`).
  for (const app of apps)
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(root, 'tools', 'build', 'src', 'build-app.ts'), app],
      { cwd: root, env: { ...process.env, NODE_ENV: '' }, maxBuffer: 16 * 1024 * 1024 },
    ).catch((err: { stdout?: string; stderr?: string }) => {
      throw new Error(`building ${app} failed:\n${err.stdout}\n${err.stderr}`);
    });

  // How the chart (dev values: every process) probes each process.
  const chart = await renderChart(await ensureHelmCheckInChild(), [
    join(CHART_DIR, 'values-dev.yaml'),
  ]);
  for (const [name, deployment] of byKind(chart.objects, 'Deployment'))
    chartProbes.set(
      name.replace(/^portal-/, ''),
      probesOf(
        podSpec(deployment).containers[0]!,
        (deployment.spec?.template as { metadata?: { annotations?: Record<string, string> } })
          ?.metadata?.annotations ?? {},
      ),
    );

  dir = mkdtempSync(join(tmpdir(), 'portal-bundles-'));
  // The identity provider's key: production refuses to start without one.
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeyFile = join(dir, 'idp-public.pem');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  // Ports below the ephemeral range: the gateway binds minutes after its port is chosen, and
  // an outgoing connection of another test on this machine could take an ephemeral one by then.
  await smtp.start({ smtpPort: await freeStablePort(), httpPort: await freeStablePort() });

  const ports = new Map<string, { port: number; opsPort: number }>();
  for (const proc of processes)
    ports.set(proc.name, { port: await freeStablePort(), opsPort: await freeStablePort() });
  const urlOf = (name: string) => `http://127.0.0.1:${ports.get(name)!.port}`;
  const suffix = randomBytes(4).toString('hex');
  const secret = () => randomBytes(32).toString('hex');
  const shared: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: logs ? 'info' : 'warn',
    LOG_FORMAT: 'json',
    HOST: '127.0.0.1',
    MONGODB_URI: process.env.MONGODB_URI!,
    REDIS_URL: process.env.REDIS_URL!,
    QUEUE_PREFIX: `bundles-${suffix}`,
    PUBLIC_BASE_URL: 'https://api.cds.example.test',
    WEB_BASE_URL: 'https://cds.example.test',
    SMTP_URL: `smtp://127.0.0.1:${smtp.smtpPort}`,
    INTERNAL_TOKEN_SECRET: secret(),
    CLIENT_KEY_SECRET: secret(),
    SUBSCRIPTION_TOKEN_SECRET: secret(),
    HOTLINE_API_KEY: secret(),
    HOTLINE_CALLBACK_SECRET: secret(),
    OPENDATA_SIM_CONTROL_KEY: secret(),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    JWT_PUBLIC_KEY_FILE: publicKeyFile,
    JWT_ALGORITHMS: 'ES256',
    // Production names its proxies (the gateway refuses to start without it).
    TRUST_PROXY: 'loopback',
    LIBRARY_STORAGE: 'local',
    SUPERGRAPH_PATH: 'supergraph.graphql',
    CONTRACT_PATH: 'operations.graphql',
    // The web portal signs people in at the city's identity provider in production (AUTH_MODE
    // oidc by default) and signs its session cookie.
    SESSION_SECRET: secret(),
    OIDC_ISSUER: ISSUER,
    OIDC_CLIENT_ID: 'hcmc-dx-portal-web',
  };
  for (const proc of processes) {
    if (proc.entry === 'main' && ports.has(proc.app))
      shared[`${proc.app.toUpperCase().replaceAll('-', '_')}_URL`] = urlOf(proc.app);
  }
  if (ports.has('hotline-sim')) shared.HOTLINE_URL = urlOf('hotline-sim');
  if (ports.has('opendata-sim')) shared.OPENDATA_URL = urlOf('opendata-sim');

  // The gateway last: it fronts the subgraphs.
  const ordered = [
    ...processes.filter((p) => p.app !== 'gateway'),
    ...processes.filter((p) => p.app === 'gateway'),
  ];
  for (const proc of ordered) {
    const { port, opsPort } = ports.get(proc.name)!;
    const dataDir = join(dir, proc.app);
    mkdirSync(dataDir, { recursive: true });
    const child = new ManagedProcess({
      name: proc.name,
      command: process.execPath,
      args: ['--enable-source-maps', `${proc.entry}.js`],
      cwd: bundleDir(proc.app),
      env: {
        ...shared,
        MONGODB_DB: `bundles_${suffix}_${proc.app.replaceAll('-', '_')}`,
        DATA_DIR: dataDir,
        PORT: String(port),
        OPS_PORT: String(opsPort),
      },
      output: logs ? 'prefix' : 'ignore',
    });
    const r: Running = {
      proc,
      child,
      ports: [port, opsPort],
      assigned: { PORT: port, OPS_PORT: opsPort },
    };
    running.push(r);
    // Subgraphs start together; the gateway waits for them.
    if (proc.app === 'gateway')
      await Promise.all(running.map(async (x) => (x.readyPort = await waitUntilReady(x, 180_000))));
  }
  await Promise.all(running.map(async (x) => (x.readyPort ??= await waitUntilReady(x, 180_000))));
}, 20 * 60_000);

afterAll(async () => {
  await Promise.all(running.map((r) => r.child.stop(15_000)));
  await smtp.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('production bundles (npm run build)', () => {
  it('builds every app with the tools/build command this test ran (the build target’s default)', () => {
    const nx = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as {
      targetDefaults: { build: { options: { command: string } } };
    };
    expect(nx.targetDefaults.build.options.command).toBe(
      'tsx tools/build/src/build-app.ts {projectName}',
    );
    for (const app of apps) {
      const project = JSON.parse(readFileSync(join(root, 'apps', app, 'project.json'), 'utf8')) as {
        targets: { build?: { options?: unknown; executor?: string } };
      };
      expect(project.targets.build, `${app} build target`).toBeDefined();
      expect(project.targets.build?.options ?? project.targets.build?.executor).toBeUndefined();
    }
  });

  it('has a bundle for every process of apps/, and the gateway’s carries the supergraph', () => {
    for (const proc of processes)
      expect(existsSync(join(bundleDir(proc.app), `${proc.entry}.js`)), proc.name).toBe(true);
    expect(readFileSync(join(bundleDir('gateway'), 'supergraph.graphql'), 'utf8')).toMatch(
      /@join__graph/,
    );
  });

  it('imports only production dependencies (the image installs no devDependencies)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const app of apps) {
      // A React Router app's client/ holds the browser's assets: served as files, never run by Node.
      const browserAssets = existsSync(join(root, 'apps', app, 'react-router.config.ts'));
      const files = readdirSync(bundleDir(app), { recursive: true, encoding: 'utf8' }).filter(
        (f) => f.endsWith('.js') && !(browserAssets && f.startsWith('client/')),
      );
      for (const file of files) {
        const text = readFileSync(join(bundleDir(app), file), 'utf8');
        const imports = [
          ...text.matchAll(
            /(?:^|\n)\s*import\s[^;]*?from\s*"([^"]+)"|import\(\s*"([^"]+)"\s*\)|(?:^|\n)\s*import\s*"([^"]+)"/g,
          ),
        ];
        const specifiers = imports.map((m) => m[1] ?? m[2] ?? m[3]!);
        expect(specifiers.length, `${app}/${file} imports`).toBeGreaterThan(0);
        const devOnly = new Set(
          imports
            .filter((m) => m[2] && DEV_ONLY_DYNAMIC_IMPORTS[app]?.includes(m[2]))
            .map((m) => m[2]!),
        );
        for (const spec of specifiers) {
          if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec))
            continue;
          if (devOnly.has(spec)) {
            expect(manifest.devDependencies, `${app}/${file} imports ${spec}`).toHaveProperty([
              spec,
            ]);
            continue;
          }
          const pkg = spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : spec.split('/')[0]!;
          expect(manifest.dependencies, `${app}/${file} imports ${spec}`).toHaveProperty([pkg]);
        }
      }
    }
  });

  it.each(processes.map((p) => [p.name]))(
    '%s starts with NODE_ENV=production and answers /healthz, its readiness path and (when scraped) /metrics',
    async (name) => {
      const r = running.find((x) => x.proc.name === name)!;
      expect(r.child.running).toBe(true);
      const base = `http://127.0.0.1:${r.readyPort}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      // Ready at start; readiness may dip while a worker is busy (an index build, event-loop
      // lag on a loaded machine), so it must answer 200 again within a minute.
      const readyUrl = `${base}${readyPathOf(name)}`;
      const deadline = Date.now() + 60_000;
      let ready = await fetch(readyUrl);
      while (ready.status !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        ready = await fetch(readyUrl);
      }
      expect(ready.status, await ready.text()).toBe(200);
      if (chartProbes.get(name)?.scraped) {
        const metrics = await fetch(`${base}/metrics`);
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toMatch(/process_cpu_user_seconds_total/);
      }
    },
  );

  it.each(processes.map((p) => [p.name]))(
    '%s answers the Helm chart’s probes on the port the chart gives it',
    async (name) => {
      const r = running.find((x) => x.proc.name === name)!;
      const probes = chartProbes.get(name);
      expect(probes, `${name} in the chart`).toBeDefined();
      const port = r.assigned[probes!.variable as 'PORT' | 'OPS_PORT'];
      expect(port, `${name}: the chart probes the port of ${probes!.variable}`).toBeDefined();
      for (const path of [probes!.liveness, probes!.readiness])
        expect((await fetch(`http://127.0.0.1:${port}${path}`)).status, `${name} ${path}`).toBe(
          200,
        );
    },
  );

  it('the gateway answers a query through the supergraph in its bundle, and refuses introspection', async () => {
    const gateway = running.find((x) => x.proc.name === 'gateway')!;
    const port = gateway.ports[0]!;
    const post = (query: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    const res = await post('{ __typename }');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { __typename: 'Query' } });
    const introspection = (await (await post('{ __schema { types { name } } }')).json()) as {
      errors?: unknown[];
    };
    expect(introspection.errors?.length).toBeGreaterThan(0);
  });
});

// The Helm chart, linted and rendered by Helm's own code (infra/helm-check) for the dev and
// prod value sets, every object strictly decoded into the Kubernetes API types; then what the
// portal needs of it: each process of apps/ deployed with its probes, autoscaling and
// disruption budget, and every variable the apps read wired in.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { QUEUE_NAMES } from '@portal/queue';
import { workspaceRoot } from '@portal/local-services';
import { CHART_DIR, ensureHelmCheckInChild, renderChart, type HelmReport } from '../src/helm-check';
import { byKind, containerVariables, podLabels, podSpec, schemaProblem, selects } from '../src/k8s';
import { discoverProcesses } from '../src/processes';
import { envExampleVariables, envVariablesByApp } from '../src/env-variables';

const root = workspaceRoot();
const processes = discoverProcesses(root);
const RELEASE = 'portal';
/** Custom resources the chart may render (their operators validate them; helm-check cannot). */
const CUSTOM_RESOURCES = ['keda.sh/v1alpha1', 'monitoring.coreos.com/v1'];
/** Variables holding secrets or credentials (URLs may carry a password). */
const SECRET = /SECRET|PASSWORD|_API_KEY$|ACCESS_KEY_ID$|^(MONGODB_URI|REDIS_URL|SMTP_URL)$/;
/** Variables in .env.example that only local runs (npm start) read. */
const LOCAL_ONLY = new Set(['PORT_OFFSET']);

interface ProcessValues {
  app: string;
  role?: string;
  enabled?: boolean;
  entry?: string;
  queues?: string[];
  allowFrom?: string[];
  metrics?: boolean;
}
const chartValues = parse(readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8')) as {
  processes: Record<string, ProcessValues>;
};

let binary: string;
const reports: Record<'dev' | 'prod' | 'keda', HelmReport> = {} as never;
let scratch: string;

let appVariables: Map<string, Set<string>>;

beforeAll(async () => {
  // The first build of Helm takes minutes; later runs reuse .data/bin.
  binary = await ensureHelmCheckInChild();
  scratch = mkdtempSync(join(tmpdir(), 'helm-check-'));
  const kedaValues = join(scratch, 'keda.yaml');
  writeFileSync(kedaValues, 'keda:\n  enabled: true\n');
  reports.dev = await renderChart(binary, [join(CHART_DIR, 'values-dev.yaml')]);
  reports.prod = await renderChart(binary, [join(CHART_DIR, 'values-prod.yaml')]);
  reports.keda = await renderChart(binary, [join(CHART_DIR, 'values-prod.yaml'), kedaValues]);
  appVariables = envVariablesByApp(root);
}, 30 * 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The processes each value set must deploy: all in dev; all but development stand-ins in prod. */
function expectedProcesses(set: 'dev' | 'prod') {
  return processes.filter(
    (p) => set === 'dev' || chartValues.processes[p.name]?.role !== 'support',
  );
}

describe('helm-check', () => {
  it('reports a misspelt field as a failure (the strict decoding works)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helm-bad-'));
    try {
      writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: bad\nversion: 0.1.0\n');
      const templates = join(dir, 'templates');
      writeFileSync(join(dir, 'values.yaml'), '{}\n');
      mkdirSync(templates);
      writeFileSync(
        join(templates, 'svc.yaml'),
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  prots:\n    - port: 80\n',
      );
      const report = await renderChart(binary, [], dir);
      const svc = report.objects.find((o) => o.kind === 'Service');
      expect(svc?.validated).toBe(false);
      expect(svc?.error).toMatch(/unknown field "spec.prots"/);
      // What strict decoding cannot see, the OpenAPI schema does: a missing required field.
      expect(
        await schemaProblem({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'a' },
          spec: { selector: {}, template: { spec: { containers: [{ image: 'x' }] } } },
        }),
      ).toMatch(/required property 'name'|required property name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(['dev', 'prod', 'keda'] as const)('chart with %s values', (set) => {
  it('lints without errors or warnings', () => {
    const report = reports[set];
    expect(report.error).toBeUndefined();
    expect(report.lint.filter((m) => m.severity !== 'INFO')).toEqual([]);
  });

  it('renders only objects that decode strictly into Kubernetes types (custom resources: KEDA, Prometheus Operator)', () => {
    const report = reports[set];
    const failures = report.objects.filter(
      (o) => !o.validated && !CUSTOM_RESOURCES.includes(o.apiVersion),
    );
    expect(failures.map((o) => `${o.kind}/${o.name}: ${o.error}`)).toEqual([]);
    expect(report.objects.length).toBeGreaterThan(40);
  });
});

describe.each(['dev', 'prod', 'keda'] as const)('chart objects with %s values', (set) => {
  it('validate against the Kubernetes OpenAPI schemas (kubernetes-models: required fields, types)', async () => {
    const problems: string[] = [];
    for (const o of reports[set].objects.filter((x) => x.validated)) {
      const problem = await schemaProblem(o.object);
      if (problem) problems.push(`${o.kind}/${o.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});

describe.each(['dev', 'prod'] as const)('every process of apps/ in the %s chart', (set) => {
  const expected = expectedProcesses(set);

  it('has a chart entry for every process of apps/ (and none for a process that does not exist)', () => {
    const names = processes.map((p) => p.name);
    for (const name of names) expect(chartValues.processes, name).toHaveProperty([name]);
    for (const [name, entry] of Object.entries(chartValues.processes)) {
      if (entry.enabled === false && !names.includes(name)) continue;
      expect(names, `chart process ${name}`).toContain(name);
    }
  });

  it('has a Deployment running its entry point, with probes on a declared port', () => {
    const deployments = byKind(reports[set].objects, 'Deployment');
    for (const proc of expected) {
      const deployment = deployments.get(`${RELEASE}-${proc.name}`);
      expect(deployment, `Deployment for ${proc.name}`).toBeDefined();
      const [container] = podSpec(deployment!).containers;
      expect(container!.image).toContain(`portal-${proc.app}:`);
      expect(container!.args?.at(-1)).toBe(`${proc.entry}.js`);
      const ports = new Set((container!.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
      expect(container!.livenessProbe?.httpGet?.path).toBe('/healthz');
      // Every process but the public entry is ready when its dependencies are.
      const readiness = container!.readinessProbe?.httpGet?.path;
      if (chartValues.processes[proc.name]?.role === 'edge') expect(readiness).toBe('/healthz');
      else expect(readiness).toBe('/readyz');
      expect(container!.startupProbe?.httpGet?.path).toBe('/healthz');
      for (const probe of [container!.livenessProbe, container!.readinessProbe])
        expect(ports.has(probe!.httpGet!.port), `${proc.name} probe port`).toBe(true);
      expect(container!.resources?.requests?.cpu).toBeDefined();
      expect(container!.resources?.limits?.memory).toBeDefined();
    }
    expect(deployments.size).toBe(expected.length);
  });

  it('has Prometheus scrape /metrics on the port of its probes (the gateway’s ops port), and only where served', () => {
    const deployments = byKind(reports[set].objects, 'Deployment');
    for (const proc of expected) {
      const deployment = deployments.get(`${RELEASE}-${proc.name}`)!;
      const template = deployment.spec!.template as {
        metadata: { annotations?: Record<string, string>; labels?: Record<string, string> };
      };
      const [container] = podSpec(deployment).containers;
      const probePort = container!.livenessProbe!.httpGet!.port;
      const port = container!.ports!.find((p) => p.name === probePort)!;
      const annotations = template.metadata.annotations ?? {};
      const scraped = chartValues.processes[proc.name]?.metrics !== false;
      expect(annotations['prometheus.io/scrape'], proc.name).toBe(String(scraped));
      if (scraped) {
        expect(annotations['prometheus.io/port'], proc.name).toBe(String(port.containerPort));
        // The PodMonitor keeps each pod's endpoint named by this label.
        expect(template.metadata.labels?.['portal.city/metrics-port'], proc.name).toBe(port.name);
      } else expect(template.metadata.labels).not.toHaveProperty(['portal.city/metrics-port']);
    }
    // The gateway serves /graphql on http and its ops endpoints on ops only.
    const gateway = podSpec(deployments.get(`${RELEASE}-gateway`)!).containers[0]!;
    expect(gateway.ports?.map((p) => [p.name, p.containerPort])).toEqual([
      ['http', 4000],
      ['ops', 4100],
    ]);
    expect(gateway.livenessProbe?.httpGet?.port).toBe('ops');
    expect(gateway.readinessProbe?.httpGet?.port).toBe('ops');
  });

  it('has a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget that select it', () => {
    const { objects } = reports[set];
    const deployments = byKind(objects, 'Deployment');
    const services = byKind(objects, 'Service');
    const hpas = byKind(objects, 'HorizontalPodAutoscaler');
    const pdbs = byKind(objects, 'PodDisruptionBudget');
    for (const proc of expected) {
      const name = `${RELEASE}-${proc.name}`;
      const labels = podLabels(deployments.get(name)!);
      const service = services.get(name);
      expect(service, `Service for ${proc.name}`).toBeDefined();
      expect(selects({ matchLabels: service!.spec!.selector }, labels)).toBe(true);
      const hpa = hpas.get(name);
      expect(hpa, `HPA for ${proc.name}`).toBeDefined();
      expect(hpa!.spec!.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name,
      });
      expect(hpa!.spec!.maxReplicas).toBeGreaterThanOrEqual(hpa!.spec!.minReplicas as number);
      const pdb = pdbs.get(name);
      expect(pdb, `PDB for ${proc.name}`).toBeDefined();
      expect(selects(pdb!.spec!.selector, labels)).toBe(true);
      // Other processes' pods are not selected (every selector names the component).
      for (const other of expected.filter((o) => o.name !== proc.name))
        expect(
          selects(pdb!.spec!.selector, podLabels(deployments.get(`${RELEASE}-${other.name}`)!)),
        ).toBe(false);
    }
  });

  it('wires every variable the apps read (apps/*/src/env.ts) into their containers', () => {
    const { objects } = reports[set];
    const deployments = byKind(objects, 'Deployment');
    const configMaps = byKind(objects, 'ConfigMap');
    const byApp = appVariables;
    const wired = new Set<string>();
    for (const [app, variables] of byApp) {
      const procs = expected.filter((p) => p.app === app);
      if (procs.length === 0) continue;
      const available = new Set<string>();
      for (const proc of procs)
        for (const container of podSpec(deployments.get(`${RELEASE}-${proc.name}`)!).containers)
          for (const name of containerVariables(container, configMaps)) available.add(name);
      const missing = [...variables].filter((v) => !available.has(v));
      expect(missing, `variables of ${app} missing from its containers`).toEqual([]);
      for (const name of available) wired.add(name);
    }
    if (set === 'dev') {
      const undocumented = [...envExampleVariables(root)].filter(
        (v) => !wired.has(v) && !LOCAL_ONLY.has(v),
      );
      expect(undocumented, '.env.example variables the chart does not set').toEqual([]);
    }
  });

  it('reads secrets key by key from the one Secret, never as literal values', () => {
    const deployments = byKind(reports[set].objects, 'Deployment');
    for (const deployment of deployments.values())
      for (const container of podSpec(deployment).containers)
        for (const entry of container.env ?? []) {
          if (SECRET.test(entry.name))
            expect(
              entry.valueFrom?.secretKeyRef?.key,
              `${deployment.metadata.name} ${entry.name}`,
            ).toBe(entry.name);
        }
    const configMaps = byKind(reports[set].objects, 'ConfigMap');
    for (const map of configMaps.values())
      for (const key of Object.keys(map.data ?? {}))
        expect(SECRET.test(key), `${map.metadata.name} holds ${key}`).toBe(false);
  });

  it('gives workers a termination grace longer than their longest job lock', () => {
    const deployments = byKind(reports[set].objects, 'Deployment');
    for (const proc of expected.filter((p) => chartValues.processes[p.name]?.role === 'worker')) {
      const grace =
        podSpec(deployments.get(`${RELEASE}-${proc.name}`)!).terminationGracePeriodSeconds ?? 30;
      const lockMs = longestJobLockMs(proc.app);
      expect(grace * 1000, `${proc.name}: grace ${grace}s, lock ${lockMs} ms`).toBeGreaterThan(
        lockMs,
      );
    }
  });

  it('lets only the gateway (and declared callers) reach a subgraph; nothing reaches a worker but scrapes', () => {
    const policies = byKind(reports[set].objects, 'NetworkPolicy');
    for (const proc of expected) {
      const values = chartValues.processes[proc.name]!;
      const policy = policies.get(`${RELEASE}-${proc.name}`);
      expect(policy, `NetworkPolicy for ${proc.name}`).toBeDefined();
      const rules = (policy!.spec!.ingress ?? []) as {
        from?: { podSelector?: { matchLabels: Record<string, string> } }[];
        ports?: { port: string | number }[];
      }[];
      const components = rules.flatMap((r) =>
        (r.from ?? []).flatMap((f) =>
          f.podSelector ? [f.podSelector.matchLabels['app.kubernetes.io/component']] : [],
        ),
      );
      const openRules = rules.filter((r) => !r.from);
      if (values.role === 'subgraph') {
        expect(components).toContain('gateway');
        const allowed = ['gateway', ...(values.allowFrom ?? [])];
        if (set === 'dev') allowed.push('hotline-sim');
        for (const c of components) expect(allowed, `${proc.name} admits ${c}`).toContain(c);
        expect(openRules).toEqual([]);
      }
      if (values.role === 'worker') {
        expect(components).toEqual([]);
        expect(openRules).toEqual([]);
      }
    }
  });
});

describe('queues and autoscaling on queue depth', () => {
  it('has every queue consumed by exactly one worker process of the chart', () => {
    // Entries prepared for an app not in this tree (enabled: false) do not count.
    const apps = new Set(processes.map((p) => p.app));
    const consumers = Object.values(chartValues.processes)
      .filter((p) => apps.has(p.app))
      .flatMap((p) => p.queues ?? []);
    expect([...consumers].sort()).toEqual([...QUEUE_NAMES].sort());
  });

  it('with keda.enabled, scales each worker on its queues’ wait lists instead of an HPA', () => {
    const { objects } = reports.keda;
    const scaled = byKind(objects, 'ScaledObject');
    const hpas = byKind(objects, 'HorizontalPodAutoscaler');
    for (const [name, values] of Object.entries(chartValues.processes)) {
      if (values.role !== 'worker' || values.enabled === false) continue;
      const object = scaled.get(`${RELEASE}-${name}`);
      expect(object, `ScaledObject for ${name}`).toBeDefined();
      expect(hpas.has(`${RELEASE}-${name}`)).toBe(false);
      const lists = (object!.spec!.triggers as { type: string; metadata: { listName?: string } }[])
        .filter((t) => t.type === 'redis')
        .map((t) => t.metadata.listName);
      expect(lists).toEqual((values.queues ?? []).map((q) => `portal:${q}:wait`));
    }
    expect(hpas.has(`${RELEASE}-gateway`)).toBe(true);
  });
});

describe('public entry', () => {
  it('routes the gateway host to the gateway only', () => {
    const ingress = byKind(reports.prod.objects, 'Ingress').get(RELEASE);
    const rules = ingress!.spec!.rules as {
      host: string;
      http: { paths: { backend: { service: { name: string } } }[] };
    }[];
    const backends = rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name));
    expect(backends).toContain(`${RELEASE}-gateway`);
    for (const backend of backends)
      expect(['gateway', 'portal-web'].map((n) => `${RELEASE}-${n}`)).toContain(backend);
  });
});

/** The longest BullMQ lock an app's workers take (`lockDurationMs: ...` in its sources; BullMQ's default 30 s). */
function longestJobLockMs(app: string): number {
  let longest = 30_000;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
        for (const match of readFileSync(path, 'utf8').matchAll(
          /lockDuration(?:Ms)?:\s*([\d_]+(?:\s*\*\s*[\d_]+)*)\s*[,\n}]/g,
        )) {
          const ms = match[1]!
            .split('*')
            .reduce((acc, n) => acc * Number(n.trim().replaceAll('_', '')), 1);
          longest = Math.max(longest, ms);
        }
    }
  };
  visit(join(root, 'apps', app, 'src'));
  return longest;
}

// The Helm chart, linted and rendered by Helm's own code (infra/helm-check) for the dev and
// prod value sets, every object strictly decoded into the Kubernetes API types; then what the
// portal needs of it: each process of apps/ deployed with its probes, autoscaling and
// disruption budget, and every variable the apps read wired in.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  createPersonTokenVerifier,
  ensureDevKeyPair,
  signPersonToken,
} from '@portal/auth';
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
      // Every process but the gateway is ready when its dependencies answer (the web
      // portal's: the gateway); the gateway stays ready while one subgraph is down (partial
      // answers beat none).
      const readiness = container!.readinessProbe?.httpGet?.path;
      if (proc.name === 'gateway') expect(readiness).toBe('/healthz');
      else expect(readiness, proc.name).toBe('/readyz');
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

describe('alert rules (PrometheusRule) in the chart', () => {
  interface RenderedRule {
    alert: string;
    expr: string;
    for?: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  }
  const fileRules = (
    parse(readFileSync(join(CHART_DIR, 'files', 'prometheus-rules.yml'), 'utf8')) as {
      groups: { rules: RenderedRule[] }[];
    }
  ).groups.flatMap((g) => g.rules);
  const rulesOf = (report: HelmReport): RenderedRule[] | undefined => {
    const rule = report.objects.find((o) => o.kind === 'PrometheusRule');
    return (
      rule?.object.spec as { groups: { rules: RenderedRule[] }[] } | undefined
    )?.groups.flatMap((g) => g.rules);
  };
  const renders: Record<'tuned' | 'off' | 'typo', HelmReport> = {} as never;
  const withValues = async (name: string, yaml: string) => {
    const file = join(scratch, `${name}.yaml`);
    writeFileSync(file, yaml);
    return renderChart(binary, [join(CHART_DIR, 'values-prod.yaml'), file]);
  };

  beforeAll(async () => {
    renders.tuned = await withValues(
      'alerts-tuned',
      [
        'monitoring:',
        '  alerts:',
        '    labels: { team: portal-ops }',
        '    rules:',
        '      PortalQueueBacklog: { threshold: 2000, for: 30m }',
        '      PortalReferralSlaBreached: { severity: critical }',
        '      PortalFailedJobsPiling: { enabled: false }',
      ].join('\n'),
    );
    renders.off = await withValues('alerts-off', 'monitoring:\n  alerts:\n    enabled: false\n');
    renders.typo = await withValues(
      'alerts-typo',
      'monitoring:\n  alerts:\n    rules:\n      PortalQueueBaclog: { threshold: 1 }\n',
    );
  }, 10 * 60_000);

  it('renders every rule of files/prometheus-rules.yml unchanged with prod values, queue and SLA alerts included', () => {
    const rendered = rulesOf(reports.prod);
    expect(rendered).toEqual(fileRules);
    const exprOf = (alert: string) => rendered!.find((r) => r.alert === alert)?.expr ?? '';
    expect(exprOf('PortalQueueBacklog')).toMatch(
      /bullmq_queue_jobs\{state=~"waiting\|paused\|prioritized"\}/,
    );
    expect(exprOf('PortalQueueNotMoving')).toContain('bullmq_queue_oldest_waiting_seconds');
    expect(exprOf('PortalJobsStalled')).toContain('bullmq_jobs_stalled_total');
    expect(exprOf('PortalJobsFailing')).toContain('bullmq_jobs_failed_total{outcome="failed"}');
    expect(exprOf('PortalReferralSlaBreached')).toMatch(
      /by \(agency, category\) \(referral_sla_overdue\)/,
    );
    expect(exprOf('PortalReferralSlaBreachedLong')).toContain('referral_sla_overdue_max_seconds');
    // dev values leave monitoring off.
    expect(rulesOf(reports.dev)).toBeUndefined();
  });

  it('applies per-alert values: threshold, for, severity, enabled: false, and common labels', () => {
    expect(renders.tuned.error).toBeUndefined();
    const rendered = rulesOf(renders.tuned)!;
    const byName = new Map(rendered.map((r) => [r.alert, r]));
    expect(byName.get('PortalQueueBacklog')!.expr.trim()).toBe(
      'max by (queue) (bullmq_queue_jobs{state=~"waiting|paused|prioritized"}) > 2000',
    );
    expect(byName.get('PortalQueueBacklog')!.for).toBe('30m');
    expect(byName.get('PortalReferralSlaBreached')!.labels.severity).toBe('critical');
    expect(byName.has('PortalFailedJobsPiling')).toBe(false);
    expect(rendered).toHaveLength(fileRules.length - 1);
    for (const rule of rendered) expect(rule.labels.team, rule.alert).toBe('portal-ops');
    // The others keep their own settings.
    const stalled = fileRules.find((r) => r.alert === 'PortalJobsStalled')!;
    expect(byName.get('PortalJobsStalled')).toEqual({
      ...stalled,
      labels: { ...stalled.labels, team: 'portal-ops' },
    });
  });

  it('leaves the rules out with monitoring.alerts.enabled: false, keeping the scrape and the dashboard', () => {
    expect(renders.off.error).toBeUndefined();
    const kinds = renders.off.objects.map((o) => o.kind);
    expect(kinds).not.toContain('PrometheusRule');
    expect(kinds).toContain('PodMonitor');
    expect(renders.off.objects.some((o) => o.name === `${RELEASE}-grafana-dashboard`)).toBe(true);
  });

  it('refuses a setting for an alert that does not exist (a misspelt name would silently do nothing)', () => {
    expect(renders.typo.error).toMatch(
      /monitoring\.alerts\.rules\.PortalQueueBaclog: no such alert/,
    );
  });
});

describe('development identity (devIdentity)', () => {
  interface PodWithVolumes {
    spec: {
      volumes?: {
        name: string;
        secret?: { secretName: string; items?: { key: string; path: string }[] };
      }[];
      containers: { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }[];
    };
  }
  const devIdentityOf = (report: HelmReport, name: string) => {
    const deployment = byKind(report.objects, 'Deployment').get(`${RELEASE}-${name}`)!;
    const pod = deployment.spec!.template as PodWithVolumes;
    return {
      volume: pod.spec.volumes?.find((v) => v.name === 'dev-identity'),
      mount: pod.spec.containers[0]!.volumeMounts?.find((m) => m.name === 'dev-identity'),
    };
  };

  it('gives the web portal (which signs) and the gateway (which verifies) the same key in dev', async () => {
    const secret = byKind(reports.dev.objects, 'Secret').get(`${RELEASE}-secrets`)!;
    const encoded = secret.data?.DEV_IDP_PRIVATE_KEY;
    expect(encoded, 'the generated key').toBeTruthy();
    const dirs: string[] = [];
    for (const name of ['gateway', 'portal-web']) {
      const { volume, mount } = devIdentityOf(reports.dev, name);
      expect(volume?.secret, name).toEqual({
        secretName: `${RELEASE}-secrets`,
        defaultMode: 0o440,
        items: [{ key: 'DEV_IDP_PRIVATE_KEY', path: 'dev-idp-private.pem' }],
      });
      // Where both apps look for the development key pair: <DATA_DIR>/keys.
      expect(mount, name).toEqual({
        name: 'dev-identity',
        mountPath: '/data/keys',
        readOnly: true,
      });
      // As the kubelet would project it.
      const dir = mkdtempSync(join(scratch, `${name}-keys-`));
      writeFileSync(join(dir, volume!.secret!.items![0]!.path), Buffer.from(encoded!, 'base64'));
      dirs.push(dir);
    }
    // The helm-generated key works with the apps' own code: signed by one, accepted by the other.
    const [gateway, portal] = await Promise.all(dirs.map((d) => ensureDevKeyPair(d)));
    const verify = await createPersonTokenVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      publicKeyPem: gateway!.publicKeyPem,
    });
    const token = await signPersonToken(portal!.privateKeyPem, {
      sub: 'dev-citizen-1',
      name: 'Người dân',
      role: 'citizen',
    });
    expect((await verify(token)).id).toBe('dev-citizen-1');
    // No other process gets it.
    for (const proc of expectedProcesses('dev'))
      if (!['gateway', 'portal-web'].includes(proc.name))
        expect(devIdentityOf(reports.dev, proc.name).volume, proc.name).toBeUndefined();
  });

  it('is absent in prod, and refused there', async () => {
    expect(devIdentityOf(reports.prod, 'gateway').volume).toBeUndefined();
    expect(devIdentityOf(reports.prod, 'portal-web').volume).toBeUndefined();
    const file = join(scratch, 'dev-identity-in-prod.yaml');
    writeFileSync(file, 'devIdentity:\n  enabled: true\n');
    const refused = await renderChart(binary, [join(CHART_DIR, 'values-prod.yaml'), file]);
    expect(refused.error).toMatch(
      /devIdentity\.enabled: a development identity provider is refused/,
    );
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

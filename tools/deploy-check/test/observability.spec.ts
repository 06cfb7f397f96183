// The alert rules and the Grafana dashboard: every PromQL expression parses (Prometheus's own
// grammar, @prometheus-io/lezer-promql) and uses only metrics the processes really serve (or
// that the standard exporters the rules name provide); every alert has a runbook that exists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceRoot } from '@portal/local-services';
import { exposedMetricNames } from '../src/metric-names';

const root = workspaceRoot();
const files = join(root, 'infra', 'helm', 'portal', 'files');
/** Metrics of the exporters docs/operations.md asks for: Prometheus itself, kube-state-metrics, redis_exporter. */
const EXTERNAL = [/^up$/, /^kube_/, /^redis_/];

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; runbook: string };
}
const rules = (
  parse(readFileSync(join(files, 'prometheus-rules.yml'), 'utf8')) as {
    groups: { name: string; rules: Rule[] }[];
  }
).groups.flatMap((g) => g.rules);
const dashboard = JSON.parse(readFileSync(join(files, 'grafana-dashboard.json'), 'utf8')) as {
  uid: string;
  panels: {
    id: number;
    type: string;
    title: string;
    datasource?: { uid: string };
    targets?: { expr: string }[];
  }[];
};

let exposed: Set<string>;
beforeAll(async () => {
  exposed = await exposedMetricNames(root);
});

/** Parses one expression; returns its syntax errors and the metric names it selects. */
function analyse(expr: string): { errors: string[]; metrics: string[] } {
  // Grafana's variables, as Grafana substitutes them.
  const query = expr.replaceAll('$__rate_interval', '5m').replaceAll('$service', '.*');
  const errors: string[] = [];
  const metrics: string[] = [];
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError)
        errors.push(`syntax error at ${node.from}: ${query.slice(node.from, node.from + 30)}`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        metrics.push(query.slice(node.from, node.to));
    },
  });
  return { errors, metrics };
}

function unknownMetrics(metrics: string[]): string[] {
  return metrics.filter((m) => !exposed.has(m) && !EXTERNAL.some((re) => re.test(m)));
}

/** GitHub's heading anchors in docs/operations.md. */
function anchors(): Set<string> {
  const text = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
  return new Set(
    [...text.matchAll(/^#+\s+(.+)$/gm)].map((m) =>
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

describe('the analysis (it can fail)', () => {
  it('finds a syntax error and a metric no process serves', () => {
    expect(analyse('sum(rate(graphql_operations_total[5m])').errors.length).toBeGreaterThan(0);
    expect(unknownMetrics(analyse('rate(graphql_operation_total[5m])').metrics)).toEqual([
      'graphql_operation_total',
    ]);
    expect(unknownMetrics(analyse('rate(graphql_operations_total[5m])').metrics)).toEqual([]);
  });
});

describe('Prometheus alert rules (files/prometheus-rules.yml)', () => {
  it('has alerts for the gateway, subgraphs, queues, Redis and deliveries', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it('alerts on every queue-health and referral-SLA metric the workers serve', () => {
    const used = new Set(rules.flatMap((r) => analyse(r.expr).metrics));
    for (const metric of [
      'bullmq_queue_jobs',
      'bullmq_queue_oldest_waiting_seconds',
      'bullmq_jobs_stalled_total',
      'bullmq_jobs_failed_total',
      'referral_sla_overdue',
      'referral_sla_overdue_max_seconds',
    ]) {
      expect(exposed.has(metric), `${metric} is served`).toBe(true);
      expect(used.has(metric), `${metric} is alerted on`).toBe(true);
    }
  });

  it.each(rules.map((r) => [r.alert, r] as const))(
    '%s parses and uses only served metrics',
    (_name, rule) => {
      const { errors, metrics } = analyse(rule.expr);
      expect(errors).toEqual([]);
      expect(metrics.length).toBeGreaterThan(0);
      expect(unknownMetrics(metrics)).toEqual([]);
      expect(['critical', 'warning', 'info']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
      const [doc, anchor] = rule.annotations.runbook.split('#');
      expect(doc).toBe('docs/operations.md');
      expect(anchors(), `runbook #${anchor}`).toContain(anchor);
    },
  );
});

describe('Grafana dashboard (files/grafana-dashboard.json)', () => {
  const graphs = dashboard.panels.filter((p) => p.type !== 'row');

  it('has unique panel ids and reads the chosen Prometheus data source', () => {
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    for (const panel of graphs) expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
  });

  it.each(graphs.map((p) => [p.title, p] as const))(
    'panel "%s" queries served metrics',
    (_title, panel) => {
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) {
        const { errors, metrics } = analyse(target.expr);
        expect(errors, target.expr).toEqual([]);
        expect(unknownMetrics(metrics), target.expr).toEqual([]);
      }
    },
  );
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every metric name the portal's processes serve at /metrics: those its code registers
 * (prom-client Counter/Gauge/Histogram/Summary `name: '...'` under apps/ and libs/, with a
 * histogram's _bucket/_sum/_count series) and prom-client's default process metrics.
 */
export async function exposedMetricNames(root: string): Promise<Set<string>> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '__generated__') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(
          /new (Counter|Gauge|Histogram|Summary)\(\{\s*name:\s*'([a-z_:][a-z0-9_:]*)'/g,
        )) {
          const name = match[2]!;
          names.add(name);
          if (match[1] === 'Histogram' || match[1] === 'Summary')
            for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
        }
      }
    }
  };
  for (const top of ['apps', 'libs']) visit(join(root, top));
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(metric.name + suffix);
  }
  return names;
}

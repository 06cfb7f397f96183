import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PORTS, DEFAULT_WORKER_OPS_PORTS } from '@portal/config';

export interface AppProcess {
  app: string;
  entry: 'main' | 'worker';
  file: string;
  /** The port its /healthz answers on. */
  port: number;
}

const START_LAST = 'gateway';
// Bulletin's issues point at articles; the assistant indexes what the others published.
const SEED_LAST = ['bulletin', 'assistant'];

/** Every app entry point by convention: apps/<app>/src/main.ts and apps/<app>/src/worker.ts. */
export function discoverApps(root: string, offset: number): AppProcess[] {
  const dir = join(root, 'apps');
  if (!existsSync(dir)) return [];
  const found: AppProcess[] = [];
  for (const app of readdirSync(dir).sort()) {
    for (const entry of ['main', 'worker'] as const) {
      const file = join(dir, app, 'src', `${entry}.ts`);
      if (!existsSync(file)) continue;
      const base =
        entry === 'main'
          ? (DEFAULT_PORTS as Record<string, number>)[app]
          : (DEFAULT_WORKER_OPS_PORTS as Record<string, number>)[app];
      if (base === undefined)
        throw new Error(`no default port for ${app} ${entry}: add it to libs/config/src/ports.ts`);
      found.push({ app, entry, file, port: base + offset });
    }
  }
  // The gateway goes last: it fronts everything else.
  return [
    ...found.filter((a) => a.app !== START_LAST),
    ...found.filter((a) => a.app === START_LAST),
  ];
}

export interface SeedScript {
  app: string;
  file: string;
}

/**
 * Seed scripts in two phases: the demo data (apps/<app>/src/seed.ts), or the benchmarks'
 * scale data (apps/<app>/bench/scale-seed.ts, which brings each app's generated documents to
 * SCALE_FRACTION of the scale data). Each app seeds its own database, so the seeds of a phase
 * may run side by side; bulletin and the assistant (SEED_LAST) read what the others published
 * and form the second phase.
 */
export function discoverSeeds(
  root: string,
  kind: 'demo' | 'scale' = 'demo',
): [first: SeedScript[], last: SeedScript[]] {
  const dir = join(root, 'apps');
  if (!existsSync(dir)) return [[], []];
  const path = kind === 'demo' ? ['src', 'seed.ts'] : ['bench', 'scale-seed.ts'];
  const seeds = readdirSync(dir)
    .sort()
    .map((app) => ({ app, file: join(dir, app, ...path) }))
    .filter((s) => existsSync(s.file));
  return [
    seeds.filter((s) => !SEED_LAST.includes(s.app)),
    seeds.filter((s) => SEED_LAST.includes(s.app)),
  ];
}

/**
 * The app's own database: `<prefix>_<app>` under MONGODB_DB_PREFIX (stacks that share a
 * server, like the e2e suite's), else its default name.
 */
export function databaseOf(app: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const prefix = env.MONGODB_DB_PREFIX;
  return prefix ? { MONGODB_DB: `${prefix}_${app}` } : {};
}

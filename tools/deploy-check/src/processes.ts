import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One process the portal runs: an app's `main.ts` or `worker.ts`. */
export interface PortalProcess {
  app: string;
  entry: 'main' | 'worker';
  /** Its name in the chart and the compose file: `<app>` or `<app>-worker`. */
  name: string;
}

/** Every process by convention (as tools/dev-services finds them): apps/<app>/src/{main,worker}.ts. */
export function discoverProcesses(root: string): PortalProcess[] {
  const dir = join(root, 'apps');
  const found: PortalProcess[] = [];
  for (const app of readdirSync(dir).sort())
    for (const entry of ['main', 'worker'] as const)
      if (existsSync(join(dir, app, 'src', `${entry}.ts`)))
        found.push({ app, entry, name: entry === 'main' ? app : `${app}-worker` });
  return found;
}

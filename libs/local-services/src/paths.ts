import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The workspace root: the nearest folder upwards with nx.json. */
export function workspaceRoot(from = import.meta.dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('nx.json not found above ' + from);
    dir = parent;
  }
  return dir;
}

/** Where local services keep their state (`.data/` in the workspace unless DATA_DIR says otherwise). */
export function dataDir(...parts: string[]): string {
  const base = process.env.DATA_DIR
    ? resolve(process.env.DATA_DIR)
    : join(workspaceRoot(), '.data');
  return join(base, ...parts);
}

// Which projects `npm test` runs, and in what order on its lanes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A project with a `test` target, as its project.json declares it. */
export interface TestProject {
  name: string;
  /** Its folder, relative to the workspace root (`apps/content`). */
  root: string;
  tags: string[];
  /** How many spec files it has: the measure of its work when nothing better is known. */
  specFiles: number;
}

/**
 * Started at once on a lane of their own, beside the shared lanes: suites that mostly wait out a
 * timeline (the resilience suite's faults, backoffs and expiring claims) take minutes of wall
 * time for about half a core, and on a shared lane would be the run's tail.
 */
export const OWN_LANE_TAG = 'test:own-lane';
/** Started first: they take longest (whole stacks, a browser), so they must not be the tail. */
export const SLOW_TAG = 'test:slow';

function countSpecFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory()) count += countSpecFiles(join(dir, entry.name));
    else if (entry.name.endsWith('.spec.ts')) count += 1;
  }
  return count;
}

/** Every project under apps/, libs/ and tools/ with a `test` target. */
export function testProjects(workspace: string): TestProject[] {
  const projects: TestProject[] = [];
  for (const group of ['apps', 'libs', 'tools']) {
    const dir = join(workspace, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir).sort()) {
      const file = join(dir, entry, 'project.json');
      if (!existsSync(file)) continue;
      const project = JSON.parse(readFileSync(file, 'utf8')) as {
        name: string;
        tags?: string[];
        targets?: Record<string, unknown>;
      };
      if (!project.targets?.test) continue;
      const root = `${group}/${entry}`;
      projects.push({
        name: project.name,
        root,
        tags: project.tags ?? [],
        specFiles: countSpecFiles(join(workspace, root)),
      });
    }
  }
  return projects;
}

/**
 * The order projects start in: longest first, so that the last to finish is a short one and no
 * lane idles at the end while another runs a whole stack: `test:slow` projects lead, then the
 * rest; within each, the most spec files first (ties by name).
 */
export function longestFirst(projects: readonly TestProject[]): TestProject[] {
  const slow = (p: TestProject) => (p.tags.includes(SLOW_TAG) ? 1 : 0);
  return [...projects].sort(
    (a, b) => slow(b) - slow(a) || b.specFiles - a.specFiles || a.name.localeCompare(b.name),
  );
}

/**
 * Runs `run` for each item on `lanes` lanes, each lane taking the next item in order when its
 * last one ends. Resolves with every result, in the items' order.
 */
export async function onLanes<T, R>(
  items: readonly T[],
  lanes: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  return results;
}

import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@portal/local-services';
import {
  OWN_LANE_TAG,
  SLOW_TAG,
  longestFirst,
  onLanes,
  testProjects,
  type TestProject,
} from '../src/schedule';

const project = (name: string, specFiles: number, tags: string[] = []): TestProject => ({
  name,
  root: `libs/${name}`,
  tags,
  specFiles,
});

describe('the order projects start in', () => {
  it('puts test:slow projects first, then the rest, each by spec files, most first', () => {
    const order = longestFirst([
      project('a', 3),
      project('stack', 1, [SLOW_TAG]),
      project('b', 20),
      project('browser', 11, [SLOW_TAG]),
      project('c', 20),
    ]).map((p) => p.name);
    expect(order).toEqual(['browser', 'stack', 'b', 'c', 'a']);
  });

  it('reads every project with a test target from the workspace, with its tags and spec files', () => {
    const projects = testProjects(workspaceRoot());
    const byName = new Map(projects.map((p) => [p.name, p]));
    expect(byName.get('tool-resilience')?.tags).toContain(OWN_LANE_TAG);
    expect(byName.get('tool-e2e')?.tags).toContain(SLOW_TAG);
    expect(byName.get('content')).toMatchObject({ root: 'apps/content' });
    expect(byName.get('content')!.specFiles).toBeGreaterThan(5);
    // The runner's own project counts this very file.
    expect(byName.get('tool-test-runner')!.specFiles).toBeGreaterThanOrEqual(2);
    // The e2e suite is the longest: with two lanes it must start at once.
    expect(longestFirst(projects)[0]!.name).toBe('tool-e2e');
  });
});

describe('lanes', () => {
  it('runs at most that many at once, each lane taking the next when it is free, results in order', async () => {
    // Each item ends when the test says so: no timing involved.
    const release = new Map<number, () => void>();
    const started: number[] = [];
    const done = onLanes([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      await new Promise<void>((resolve) => release.set(i, resolve));
      return i * 10;
    });
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(started).toEqual([0, 1]);
    // The first item holds its lane; the other lane takes each next item as its last ends.
    for (const i of [1, 2, 3]) {
      release.get(i)!();
      await settle();
      expect(started).toEqual([0, 1, ...[2, 3, 4].slice(0, i)]);
    }
    release.get(4)!();
    release.get(0)!();
    expect(await done).toEqual([0, 10, 20, 30, 40]);
  });

  it('runs everything on one lane one after another, and nothing when given nothing', async () => {
    let running = 0;
    let most = 0;
    await onLanes([1, 2, 3], 1, async () => {
      running += 1;
      most = Math.max(most, running);
      await Promise.resolve();
      running -= 1;
    });
    expect(most).toBe(1);
    expect(await onLanes([], 2, async () => 1)).toEqual([]);
  });
});

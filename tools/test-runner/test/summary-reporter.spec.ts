import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { workspaceRoot } from '@portal/local-services';
import type { ProjectSummary } from '../src/summary-reporter';

/** Runs the fixture files through vitest with the summary reporter and returns the summary. */
async function summaryOfFixtures(env: Record<string, string> = {}): Promise<ProjectSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
  const outputFile = join(dir, 'summary.json');
  try {
    const root = workspaceRoot();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          join(root, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--config',
          join(import.meta.dirname, 'fixtures/vitest.config.ts'),
        ],
        { cwd: root, env: { ...process.env, ...env, SUMMARY_FILE: outputFile }, stdio: 'ignore' },
      );
      child.on('error', reject);
      child.on('exit', () => resolve());
    });
    return JSON.parse(readFileSync(outputFile, 'utf8')) as ProjectSummary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('counts tests under failed beforeAll/afterAll hooks and unloadable files as failed, and skips with their reasons', async () => {
  const summary = await summaryOfFixtures();
  expect(summary.failures.sort()).toEqual(
    [
      'broken-import.fixture.ts: failed to run: Cannot find package',
      'hooks.fixture.ts > a beforeAll that fails > first: a beforeAll/afterAll hook failed: setup exploded',
      'hooks.fixture.ts > a beforeAll that fails > second: a beforeAll/afterAll hook failed: setup exploded',
      'hooks.fixture.ts > an afterAll that fails > third: a beforeAll/afterAll hook failed: teardown exploded',
      'hooks.fixture.ts > ordinary tests > fails: assertion failed',
      'module-hook.fixture.ts > under a failed file hook: a beforeAll/afterAll hook failed: file setup exploded',
    ].map((line) => expect.stringContaining(line)),
  );
  expect(summary.skips.sort()).toEqual([
    'hooks.fixture.ts > ordinary tests > skipped by name',
    'hooks.fixture.ts > ordinary tests > skipped with a reason: needs MongoDB',
    'hooks.fixture.ts > ordinary tests > todo',
  ]);
  expect(summary).toMatchObject({ passed: 1, failed: 6, skipped: 3 });
}, 120_000);

it('counts a run that failed before any test (a global setup that threw) as a failure', async () => {
  expect(await summaryOfFixtures({ THROWING_SETUP: '1' })).toMatchObject({
    passed: 0,
    failed: 1,
    failures: ['the run failed (see its output)'],
  });
}, 120_000);

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vitest/config';

const root = import.meta.dirname;

/** tsconfig.base.json path aliases, so tests resolve `@portal/*` like the compiler. */
function aliases(): { find: string | RegExp; replacement: string }[] {
  const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return [
    ...Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => ({
      find: new RegExp(`^${name.replace('/', '\\/')}$`),
      replacement: resolve(root, target!),
    })),
    // One copy of graphql-js, the CommonJS one Node and Apollo load (its ESM twin breaks instanceof checks).
    { find: /^graphql$/, replacement: resolve(root, 'node_modules/graphql/index.js') },
  ];
}

export interface ProjectTestOptions {
  /** Start (or reuse, via MONGODB_URI/REDIS_URL) a real FerretDB and Redis for this project's tests. */
  services?: boolean;
  /** More global setup files (e.g. one that starts the whole stack), relative to the project. */
  globalSetup?: string[];
  /** Run test files one after another (they share something the setup started). */
  sequential?: boolean;
  testTimeout?: number;
}

/**
 * The one vitest configuration every Nx project uses: unit specs beside the code
 * (`src/**\/*.spec.ts`), integration specs under `test/`, and a summary per project
 * (passed, failed, skipped, with reasons) that `npm test` sums into its closing line.
 */
export function defineProjectConfig(
  name: string,
  projectDir: string,
  options: ProjectTestOptions = {},
): UserConfig {
  return defineConfig({
    root: projectDir,
    resolve: { alias: aliases() },
    test: {
      name,
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      environment: 'node',
      pool: 'forks',
      // One worker process runs a project's files one after another, its modules loaded once
      // (a fresh process per file cost 44 % of the forum's CPU time).
      isolate: false,
      // npm test shares the cores among the projects it runs at once (TEST_WORKERS);
      // a project run alone uses them all.
      maxWorkers: Number(process.env.TEST_WORKERS) || availableParallelism(),
      minWorkers: 1,
      testTimeout: options.testTimeout ?? 30_000,
      fileParallelism: !options.sequential,
      hookTimeout: 180_000,
      teardownTimeout: 30_000,
      globalSetup: [
        ...(options.services ? [resolve(root, 'libs/testing/src/global-setup.ts')] : []),
        ...(options.globalSetup ?? []).map((file) => resolve(projectDir, file)),
      ],
      env: { NODE_ENV: 'test' },
      reporters: [
        'default',
        [
          resolve(root, 'tools/test-runner/src/summary-reporter.ts'),
          { outputFile: resolve(root, 'tmp/test-results', `${name}.json`) },
        ],
      ],
      passWithNoTests: false,
    },
  }) as UserConfig;
}

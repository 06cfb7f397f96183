import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase, TestModule, TestRunEndReason, TestSuite } from 'vitest/node';

/** One project's tally, written by {@link SummaryReporter} and summed by `npm test`. */
export interface ProjectSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** What failed, one line each: `file > suite > test: first line of the error`. */
  failures: string[];
  /** What was skipped and why: `file > suite > test: reason`. */
  skips: string[];
}

interface SerializedErrorLike {
  message?: string;
}

function firstLine(errors: readonly SerializedErrorLike[] | undefined): string {
  return (errors?.[0]?.message ?? 'failed').split('\n')[0]!;
}

/** The errors of the hooks (beforeAll/afterAll) of this test's suites and module, innermost first. */
function hookErrors(test: TestCase): SerializedErrorLike[] {
  const errors: SerializedErrorLike[] = [];
  for (let scope: TestSuite | TestModule = test.parent; ; scope = scope.parent) {
    errors.push(...scope.errors());
    if (scope.type === 'module') return errors;
  }
}

/**
 * Counts one project's tests honestly: a test under a suite or file whose beforeAll/afterAll
 * failed is failed (vitest reports such tests as skipped or passed), a file that failed to
 * load counts as one failed test, and so does each unhandled error, and a run that failed
 * with nothing else to show for it (a global setup that threw). Skips keep their reason
 * (`ctx.skip(reason)`, or the test's name for `it.skip`/`it.skipIf`).
 */
export function summarize(
  modules: readonly TestModule[],
  unhandledErrors: readonly SerializedErrorLike[],
  reason: TestRunEndReason,
  relative: (file: string) => string = (file) => file,
): ProjectSummary {
  const summary: ProjectSummary = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
  for (const module of modules) {
    const file = relative(module.moduleId);
    let tests = 0;
    for (const test of module.children.allTests()) {
      tests += 1;
      const name = `${file} > ${test.fullName}`;
      const result = test.result();
      const declaredSkip = test.options.mode === 'skip' || test.options.mode === 'todo';
      const hooks = declaredSkip ? [] : hookErrors(test);
      if (result.state === 'failed') {
        summary.failed += 1;
        summary.failures.push(`${name}: ${firstLine(result.errors)}`);
      } else if (hooks.length > 0) {
        summary.failed += 1;
        summary.failures.push(`${name}: a beforeAll/afterAll hook failed: ${firstLine(hooks)}`);
      } else if (result.state === 'skipped') {
        summary.skipped += 1;
        summary.skips.push(`${name}${result.note ? `: ${result.note}` : ''}`);
      } else if (result.state === 'passed') {
        summary.passed += 1;
      } else {
        summary.failed += 1;
        summary.failures.push(`${name}: did not finish`);
      }
    }
    if (tests === 0 && module.errors().length > 0) {
      summary.failed += 1;
      summary.failures.push(`${file}: failed to run: ${firstLine(module.errors())}`);
    }
  }
  for (const error of unhandledErrors) {
    summary.failed += 1;
    summary.failures.push(`unhandled error: ${firstLine([error])}`);
  }
  // A run that failed before any test could (a global setup that threw, no test files).
  if (reason !== 'passed' && summary.failed === 0) {
    summary.failed += 1;
    summary.failures.push(
      `the run ${reason === 'interrupted' ? 'was interrupted' : 'failed'} (see its output)`,
    );
  }
  return summary;
}

/** Vitest reporter that writes {@link ProjectSummary} as JSON to `outputFile`. */
export default class SummaryReporter implements Reporter {
  private root = process.cwd();
  constructor(private readonly options: { outputFile: string }) {}

  onInit(vitest: { config: { root: string } }): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(
    modules: readonly TestModule[],
    unhandledErrors: readonly SerializedErrorLike[],
    reason: TestRunEndReason,
  ): void {
    const summary = summarize(modules, unhandledErrors, reason, (file) =>
      file.startsWith(`${this.root}/`) ? file.slice(this.root.length + 1) : file,
    );
    mkdirSync(dirname(this.options.outputFile), { recursive: true });
    writeFileSync(this.options.outputFile, JSON.stringify(summary, null, 2));
  }
}

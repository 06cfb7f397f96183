import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureGoProgram, workspaceRoot } from '@portal/local-services';

/** One rendered object, as infra/helm-check reports it. */
export interface RenderedObject {
  source: string;
  apiVersion: string;
  kind: string;
  name: string;
  /** Decoded strictly into the Kubernetes API type (false for custom resources and failures). */
  validated: boolean;
  error?: string;
  object: K8sObject;
}

/** Just what the tests read of a Kubernetes object. */
export interface K8sObject {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [key: string]: unknown;
}

export interface HelmReport {
  lint: { severity: string; path: string; message: string }[];
  error?: string;
  objects: RenderedObject[];
}

export const CHART_DIR = join(workspaceRoot(), 'infra', 'helm', 'portal');

const run = promisify(execFile);

/** Builds infra/helm-check with Go on first use (cached under .data/bin) and returns its path. */
export function ensureHelmCheck(log?: (line: string) => void): string {
  return ensureGoProgram(
    {
      name: 'helm-check',
      title: 'Helm chart checker',
      withoutGo: 'install Go (https://go.dev/dl) to check the Helm chart',
    },
    log,
  );
}

/**
 * The same, without blocking this process for the minutes the first build takes (a test
 * worker must keep answering its runner): the build runs in a child process.
 */
export async function ensureHelmCheckInChild(): Promise<string> {
  const script = join(workspaceRoot(), 'tools', 'deploy-check', 'src', 'ensure-helm-check.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
    cwd: workspaceRoot(),
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim().split('\n').at(-1)!;
}

/**
 * Lints and renders the chart with Helm's code for these values files (chart defaults first).
 * helm-check exits 1 when it finds problems; the report says which.
 */
export async function renderChart(
  binary: string,
  valueFiles: string[],
  chartDir = CHART_DIR,
): Promise<HelmReport> {
  const args = ['-chart', chartDir, '-namespace', 'portal', '-release', 'portal'];
  for (const file of valueFiles) args.push('-f', file);
  const stdout = await run(binary, args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (err: { stdout?: string; stderr?: string }) => {
      if (!err.stdout)
        throw new Error(`helm-check printed no report: ${err.stderr ?? String(err)}`);
      return err.stdout;
    },
  );
  return JSON.parse(stdout) as HelmReport;
}

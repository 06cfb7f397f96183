import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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

/** Lints and renders the chart with Helm's code for these values files (chart defaults first). */
export function renderChart(binary: string, valueFiles: string[]): HelmReport {
  const args = ['-chart', CHART_DIR, '-namespace', 'portal', '-release', 'portal'];
  for (const file of valueFiles) args.push('-f', file);
  const result = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (!result.stdout) throw new Error(`helm-check printed no report: ${result.stderr}`);
  return JSON.parse(result.stdout) as HelmReport;
}

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { entryArgs } from './app-bundles';

export interface ProcessResult {
  /** The exit code, or null when a signal ended the process. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed with SIGKILL after this long (the result then has `signal: 'SIGKILL'`). */
  timeoutMs?: number;
}

/**
 * Runs a command to its end and returns its exit status and output. Unlike `spawnSync` it
 * leaves the event loop free, so a test's timeout fires on time and the servers of the
 * calling process keep answering while the child runs.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/**
 * Runs a TypeScript entry point as the project's scripts do (`node --import tsx <file>`), or
 * an app's entry point from the run's bundles when there are some (`entryArgs`).
 */
export function runTsx(
  file: string,
  args: readonly string[] = [],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  return runProcess(
    process.execPath,
    [...entryArgs(resolve(options.cwd ?? process.cwd(), file)), ...args],
    options,
  );
}

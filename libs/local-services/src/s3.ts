import { ensureGoProgram, startGoServer } from './go-program';
import type { ManagedProcess } from './process-group';

/**
 * Builds the embedded S3-compatible server (infra/s3, gofakes3) with the Go toolchain on
 * first use and returns the binary's path. It is for tests and local runs only: it
 * accepts any credentials and serves plain HTTP.
 */
export function ensureS3Binary(log: (line: string) => void = () => {}): string {
  return ensureGoProgram(
    {
      name: 's3',
      title: 'S3 server',
      withoutGo: 'set S3_ENDPOINT to an S3-compatible server',
    },
    log,
  );
}

export interface StartedS3 {
  /** `http://127.0.0.1:<port>`: use it with path-style addressing and any credentials. */
  endpoint: string;
  process: ManagedProcess;
}

/**
 * Starts the S3 server on 127.0.0.1:`port`. With the `fs` backend (the default) objects
 * are files under `dir` and survive a restart; `memory` keeps nothing (and paginates
 * listings, which the `fs` backend answers in one page). `buckets` are created at start.
 */
export async function startS3(options: {
  port: number;
  dir: string;
  buckets?: string[];
  backend?: 'fs' | 'memory';
  log?: (line: string) => void;
  output?: 'prefix' | 'ignore' | 'file';
  logFile?: string;
}): Promise<StartedS3> {
  const proc = await startGoServer({
    name: 's3',
    binary: ensureS3Binary(options.log),
    port: options.port,
    dir: options.dir,
    args: ['-backend', options.backend ?? 'fs', '-bucket', (options.buckets ?? []).join(',')],
    output: options.output,
    logFile: options.logFile,
  });
  return { endpoint: `http://127.0.0.1:${options.port}`, process: proc };
}

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { waitForPort } from './net';
import { dataDir, workspaceRoot } from './paths';
import { ManagedProcess } from './process-group';
import { findExecutable } from './system-packages';

function sourceHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the embedded FerretDB (infra/ferretdb) with the Go toolchain on first use and
 * returns the binary's path. Rebuilt only when its sources change; parallel callers
 * wait for one build.
 */
export function ensureFerretdbBinary(log: (line: string) => void = () => {}): string {
  const src = join(workspaceRoot(), 'infra', 'ferretdb');
  const binDir = dataDir('bin');
  const binary = join(binDir, `ferretdb-${sourceHash(src)}`);
  if (existsSync(binary)) return binary;
  mkdirSync(binDir, { recursive: true });
  const lock = `${binary}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(binary)) return binary;
      // A lock left by a build that died long ago is stale.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 10 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for another FerretDB build (${lock})`);
      sleep(500);
    }
  }
  try {
    if (existsSync(binary)) return binary;
    const go = findExecutable('go');
    if (!go) {
      throw new Error(
        'Go is needed to build the embedded FerretDB: install Go 1.24+ (see README) or set MONGODB_URI to a MongoDB server',
      );
    }
    log('building the embedded FerretDB with Go (first run only, about a minute)');
    const tmp = `${binary}.tmp-${process.pid}`;
    const build = spawnSync(go, ['build', '-trimpath', '-o', tmp, '.'], {
      cwd: src,
      encoding: 'utf8',
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    if (build.status !== 0) throw new Error(`FerretDB build failed:\n${build.stderr}`);
    renameSync(tmp, binary);
    return binary;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface StartedFerretdb {
  uri: string;
  process: ManagedProcess;
}

/** Starts FerretDB on 127.0.0.1:`port` with SQLite files in `dir`. */
export async function startFerretdb(options: {
  port: number;
  dir: string;
  log?: (line: string) => void;
  output?: 'prefix' | 'ignore' | 'file';
  logFile?: string;
}): Promise<StartedFerretdb> {
  const binary = ensureFerretdbBinary(options.log);
  mkdirSync(options.dir, { recursive: true });
  const proc = new ManagedProcess({
    name: 'ferretdb',
    command: binary,
    args: [
      '-listen-addr',
      `127.0.0.1:${options.port}`,
      '-data-dir',
      options.dir,
      '-parent-pid',
      String(process.pid),
    ],
    output: options.output ?? 'ignore',
    logFile: options.logFile,
  });
  await waitForPort(options.port, { timeoutMs: 60_000, isAlive: () => proc.running });
  return { uri: `mongodb://127.0.0.1:${options.port}/`, process: proc };
}

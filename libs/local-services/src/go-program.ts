import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { dataDir, workspaceRoot } from './paths';
import { findExecutable } from './system-packages';

/** A small Go program under `infra/<name>` that local runs and tests build on first use. */
export interface GoProgram {
  /** The folder under `infra/`, and the binary's name. */
  name: string;
  /** What people call it, in messages: `FerretDB`, `S3 server`. */
  title: string;
  /** What to do instead when Go is missing, e.g. `set MONGODB_URI to a MongoDB server`. */
  withoutGo: string;
}

const LOCK_STALE_MS = 10 * 60_000;

/** The program's sources (its Go files, then go.mod and go.sum), hashed: a change means a rebuild. */
function sourceHash(dir: string): string {
  const hash = createHash('sha256');
  const goFiles = readdirSync(dir)
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    .sort();
  for (const file of [...goFiles, 'go.mod', 'go.sum']) hash.update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds `infra/<name>` with the Go toolchain on first use and returns the binary's path
 * (`.data/bin/<name>-<hash of the sources>`). Rebuilt only when its sources change;
 * parallel callers (test workers, several projects) wait for one build.
 */
export function ensureGoProgram(
  program: GoProgram,
  log: (line: string) => void = () => {},
): string {
  const src = join(workspaceRoot(), 'infra', program.name);
  const binDir = dataDir('bin');
  const binary = join(binDir, `${program.name}-${sourceHash(src)}`);
  if (existsSync(binary)) return binary;
  mkdirSync(binDir, { recursive: true });
  const lock = `${binary}.lock`;
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(binary)) return binary;
      // A lock left by a build that died long ago is stale.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for another ${program.title} build (${lock})`);
      sleep(500);
    }
  }
  try {
    if (existsSync(binary)) return binary;
    const go = findExecutable('go');
    if (!go) {
      throw new Error(
        `Go is needed to build the embedded ${program.title}: install Go 1.24+ (see README) or ${program.withoutGo}`,
      );
    }
    log(`building the embedded ${program.title} with Go (first run only, up to a minute)`);
    const tmp = `${binary}.tmp-${process.pid}`;
    const build = spawnSync(go, ['build', '-trimpath', '-o', tmp, '.'], {
      cwd: src,
      encoding: 'utf8',
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    if (build.status !== 0) throw new Error(`${program.title} build failed:\n${build.stderr}`);
    renameSync(tmp, binary);
    return binary;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { waitForPort } from './net';
import { dataDir, workspaceRoot } from './paths';
import { ManagedProcess } from './process-group';
import { findExecutable } from './system-packages';

/** A small Go program under `infra/<name>` that local runs and tests build on first use. */
export interface GoProgram {
  /** The folder under `infra/`, and the binary's name. */
  name: string;
  /** What people call it, in messages: `FerretDB`, `S3 server`. */
  title: string;
  /** What to do instead when Go is missing, e.g. `set MONGODB_URI to a MongoDB server`. */
  withoutGo: string;
  /**
   * Built without the folder's `patches.json`, its dependencies as released: the peer that
   * differential tests compare the patched build with.
   */
  unpatched?: boolean;
}

const LOCK_STALE_MS = 10 * 60_000;

/**
 * A source change to a dependency, applied to its vendored copy before the build:
 * `file` (under `vendor/`) must contain `find` exactly once, or the build stops.
 */
export interface GoPatch {
  file: string;
  find: string;
  replace: string;
  /** Why the dependency is changed, for whoever upgrades it. */
  why: string;
}

const PATCHES_FILE = 'patches.json';

/**
 * The program's sources (its Go files, go.mod, go.sum and, unless left out, its patches),
 * hashed: a change means a rebuild.
 */
export function goSourceHash(dir: string, options: { patches?: boolean } = {}): string {
  const hash = createHash('sha256');
  const goFiles = readdirSync(dir)
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    .sort();
  const patches = options.patches === false ? [] : [PATCHES_FILE];
  for (const file of [...goFiles, 'go.mod', 'go.sum', ...patches])
    if (existsSync(join(dir, file))) hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Applies patches to a vendored copy; a patch whose text is not found exactly once is an error. */
export function applyGoPatches(vendorDir: string, patches: readonly GoPatch[]): void {
  for (const patch of patches) {
    const file = join(vendorDir, patch.file);
    const text = readFileSync(file, 'utf8');
    const count = text.split(patch.find).length - 1;
    if (count !== 1)
      throw new Error(
        `patch for ${patch.file} expects its text once and found it ${count} times (was the dependency upgraded?): ${patch.find}`,
      );
    writeFileSync(
      file,
      text.replace(patch.find, () => patch.replace),
    );
  }
}

function run(go: string, args: string[], cwd: string, title: string): void {
  const result = spawnSync(go, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  if (result.status !== 0)
    throw new Error(`${title} build failed (go ${args.join(' ')}):\n${result.stderr}`);
}

/**
 * Builds `src` into `output`. With a `patches.json` (unless `patched` is false), the program is
 * built from a scratch copy whose dependencies are vendored and patched, so the module cache is
 * never modified.
 */
function build(go: string, src: string, output: string, title: string, patched: boolean): void {
  const patchFile = join(src, PATCHES_FILE);
  if (!patched || !existsSync(patchFile)) {
    run(go, ['build', '-trimpath', '-o', output, '.'], src, title);
    return;
  }
  const patches = JSON.parse(readFileSync(patchFile, 'utf8')) as GoPatch[];
  const scratch = `${output}.src`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    for (const f of readdirSync(src))
      if (f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
        cpSync(join(src, f), join(scratch, f));
    run(go, ['mod', 'vendor'], scratch, title);
    applyGoPatches(join(scratch, 'vendor'), patches);
    run(go, ['build', '-mod=vendor', '-trimpath', '-o', output, '.'], scratch, title);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Where built programs are kept for every checkout on this machine, by source hash, so a fresh
 * clone skips the Go build: PORTAL_BIN_CACHE, else `$XDG_CACHE_HOME/portal/bin`, else
 * `~/.cache/portal/bin`. PORTAL_BIN_CACHE=off turns the cache off.
 */
export function binCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PORTAL_BIN_CACHE === 'off') return null;
  if (env.PORTAL_BIN_CACHE) return resolve(env.PORTAL_BIN_CACHE);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'portal', 'bin');
}

/** Copies an executable so that readers never see a half-written file. */
function copyExecutable(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  copyFileSync(from, tmp);
  chmodSync(tmp, 0o755);
  renameSync(tmp, to);
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds `infra/<name>` with the Go toolchain on first use and returns the binary's path
 * (`.data/bin/<name>-<hash of the sources>`). Rebuilt only when its sources change, and
 * taken from the machine's cache ({@link binCacheDir}) when another checkout built the same
 * sources; parallel callers (test workers, several projects) wait for one build.
 */
export function ensureGoProgram(
  program: GoProgram,
  log: (line: string) => void = () => {},
): string {
  const src = join(workspaceRoot(), 'infra', program.name);
  const binDir = dataDir('bin');
  const patched = !program.unpatched;
  const variant = patched ? program.name : `${program.name}-unpatched`;
  const binary = join(binDir, `${variant}-${goSourceHash(src, { patches: patched })}`);
  if (existsSync(binary)) return binary;
  mkdirSync(binDir, { recursive: true });
  const cacheDir = binCacheDir();
  const cached = cacheDir && join(cacheDir, basename(binary));
  const fromCache = (): boolean => {
    if (!cached || !existsSync(cached)) return false;
    copyExecutable(cached, binary);
    log(`using the ${program.title} built earlier on this machine (${cached})`);
    return true;
  };
  if (fromCache()) return binary;
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
    if (existsSync(binary) || fromCache()) return binary;
    const go = findExecutable('go');
    if (!go) {
      throw new Error(
        `Go is needed to build the embedded ${program.title}: install Go 1.24+ (see README) or ${program.withoutGo}`,
      );
    }
    log(`building the embedded ${program.title} with Go (first run only, up to a minute)`);
    const tmp = `${binary}.tmp-${process.pid}`;
    build(go, src, tmp, program.title, patched);
    renameSync(tmp, binary);
    if (cacheDir && cached) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        copyExecutable(binary, cached);
      } catch (err) {
        log(`could not keep the ${program.title} in ${cacheDir}: ${(err as Error).message}`);
      }
    }
    return binary;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** How a Go server of `infra/` is started ({@link startGoServer}). */
export interface GoServerOptions {
  /** Its name in logs. */
  name: string;
  binary: string;
  port: number;
  /** Where it keeps its data (created if missing). */
  dir: string;
  /** Its own flags, after `-listen-addr` and `-data-dir`. */
  args?: string[];
  output?: 'prefix' | 'ignore' | 'file';
  logFile?: string;
}

/**
 * Starts a Go server built from `infra/` on 127.0.0.1:`port` with its data in `dir`; it exits
 * when this process is gone (`-parent-pid`), so no orphan outlives a crashed test run.
 * Resolves once its port accepts connections.
 */
export async function startGoServer(options: GoServerOptions): Promise<ManagedProcess> {
  mkdirSync(options.dir, { recursive: true });
  const proc = new ManagedProcess({
    name: options.name,
    command: options.binary,
    args: [
      '-listen-addr',
      `127.0.0.1:${options.port}`,
      '-data-dir',
      options.dir,
      ...(options.args ?? []),
      '-parent-pid',
      String(process.pid),
    ],
    output: options.output ?? 'ignore',
    logFile: options.logFile,
  });
  await waitForPort(options.port, { timeoutMs: 60_000, isAlive: () => proc.running });
  return proc;
}

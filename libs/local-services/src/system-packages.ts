import { spawnSync } from 'node:child_process';

/** Finds an executable on PATH (plus Go's usual install folder). */
export function findExecutable(name: string): string | null {
  const extra = name === 'go' ? ':/usr/local/go/bin' : '';
  const found = spawnSync('sh', ['-c', `command -v ${name}`], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${process.env.PATH ?? ''}${extra}` },
  });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

let aptUpdated = false;

/**
 * Makes sure `binary` exists, installing Debian's `pkg` when running as root.
 * Otherwise it throws with the one-line command a person should run.
 */
export function ensureDebianPackage(
  binary: string,
  pkg: string,
  log: (line: string) => void = () => {},
): string {
  const existing = findExecutable(binary);
  if (existing) return existing;
  if (process.getuid?.() !== 0) {
    throw new Error(`${binary} is missing: run \`sudo apt-get install -y ${pkg}\` and try again`);
  }
  log(`installing ${pkg} from Debian's packages (needed for ${binary})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    aptUpdated = true;
  }
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    encoding: 'utf8',
    env,
  });
  const path = findExecutable(binary);
  if (install.status !== 0 || !path) {
    throw new Error(
      `could not install ${pkg}: ${(install.stderr || install.stdout).trim().split('\n').pop() ?? 'unknown error'}`,
    );
  }
  return path;
}

/** Like ensureDebianPackage, but reports instead of throwing: for optional tools (e.g. text-to-speech). */
export function tryEnsureDebianPackage(
  binary: string,
  pkg: string,
  log: (line: string) => void = () => {},
): string | null {
  try {
    return ensureDebianPackage(binary, pkg, log);
  } catch (err) {
    log((err as Error).message);
    return null;
  }
}

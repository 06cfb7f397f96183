import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

const MARKER = '__GENERATE__';

/**
 * Creates `.env` from `.env.example` with every __GENERATE__ replaced by a random
 * secret, and adds secrets that newer versions of the example introduced. Returns
 * the values in `.env`.
 */
export function ensureDotEnv(root: string): Record<string, string> {
  const examplePath = join(root, '.env.example');
  const envPath = join(root, '.env');
  const example = readFileSync(examplePath, 'utf8');
  if (!existsSync(envPath)) {
    writeFileSync(
      envPath,
      // Values only: the marker also stands in the file's comments, which explain it.
      example.replace(
        new RegExp(`^(\\w+)=${MARKER}$`, 'gm'),
        (_line, key: string) => `${key}=${randomBytes(32).toString('hex')}`,
      ),
      { mode: 0o600 },
    );
  } else {
    const current = parseEnv(readFileSync(envPath, 'utf8'));
    const missing = Object.entries(parseEnv(example))
      .filter(([key, value]) => value === MARKER && current[key] === undefined)
      .map(([key]) => `${key}=${randomBytes(32).toString('hex')}`);
    if (missing.length)
      writeFileSync(envPath, `${readFileSync(envPath, 'utf8').trimEnd()}\n${missing.join('\n')}\n`);
  }
  return parseEnv(readFileSync(envPath, 'utf8')) as Record<string, string>;
}

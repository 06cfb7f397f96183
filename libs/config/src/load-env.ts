import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';

let productionMode = false;

/** Production is the default: only an explicit `development` or `test` turns it off. */
export function isProductionEnv(nodeEnv: string | undefined): boolean {
  return nodeEnv !== 'development' && nodeEnv !== 'test';
}

/** True while an env schema is being built for production (NODE_ENV=production or unset). */
export function isProductionSchema(): boolean {
  return productionMode;
}

/**
 * A default that applies only outside production: local runs work with no
 * configuration, while production must set the variable explicitly.
 */
export function devDefault<T extends z.ZodType>(
  schema: T,
  value: z.input<T>,
): z.ZodType<z.output<T>> {
  return (productionMode ? schema : schema.default(value as never)) as unknown as z.ZodType<
    z.output<T>
  >;
}

export type EnvSource = Record<string, string | undefined>;

export type EnvResult<T> = { ok: true; env: T } | { ok: false; message: string };

/**
 * Rules across variables (`S3_BUCKET` is needed when `LIBRARY_STORAGE=s3`): each problem
 * is one phrase naming the variable, reported like the others.
 */
export type EnvCheck<T> = (env: T) => string[];

/**
 * Validates `source` against the shape built by `build` and returns every problem at once.
 * `build` runs with production rules unless source.NODE_ENV is `development` or `test`
 * (unset means production). `check` runs
 * once every variable is valid on its own.
 */
export function parseEnv<S extends z.ZodRawShape>(
  build: () => S,
  source: EnvSource,
  check?: EnvCheck<z.output<z.ZodObject<S>>>,
): EnvResult<z.output<z.ZodObject<S>>> {
  productionMode = isProductionEnv(source.NODE_ENV);
  let shape: S;
  try {
    shape = build();
  } finally {
    productionMode = false;
  }
  const cleaned: EnvSource = {};
  for (const [key, value] of Object.entries(source)) {
    // An empty variable means "not set", as in most twelve-factor tooling.
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) {
    const problems = check?.(result.data) ?? [];
    if (problems.length) return { ok: false, message: problems.join('; ') };
    return { ok: true, env: result.data };
  }
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(root)';
    const got = typeof issue.path[0] === 'string' ? cleaned[issue.path[0]] : undefined;
    const detail =
      got === undefined
        ? 'is required'
        : `${issue.message} (got ${JSON.stringify(redact(name, got))})`;
    return `${name} ${detail}`;
  });
  return { ok: false, message: problems.join('; ') };
}

function redact(name: string, value: string): string {
  return /SECRET|PASSWORD|TOKEN|KEY/i.test(name) ? '***' : value;
}

/**
 * Reads the process environment (plus a local `.env` file, which never overrides
 * real variables) through a zod shape. On any problem it prints one line naming
 * every bad variable and exits with status 1.
 */
export function loadEnv<S extends z.ZodRawShape>(
  service: string,
  build: () => S,
  check?: EnvCheck<z.output<z.ZodObject<S>>>,
): z.output<z.ZodObject<S>> {
  loadDotEnvFile();
  const result = parseEnv(build, process.env, check);
  if (!result.ok) {
    process.stderr.write(`${service}: invalid configuration: ${result.message}\n`);
    process.exit(1);
  }
  return result.env;
}

let dotEnvLoaded = false;

function loadDotEnvFile(): void {
  if (dotEnvLoaded) return;
  dotEnvLoaded = true;
  // Tests configure every process explicitly; a developer's .env must not leak into them.
  if (process.env.NODE_ENV === 'test') return;
  const file = resolve(process.cwd(), '.env');
  if (!existsSync(file)) return;
  const values = parseDotEnv(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(values)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

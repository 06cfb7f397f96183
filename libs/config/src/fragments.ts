import { z } from 'zod';
import { devDefault } from './load-env';
import { DEFAULT_PORTS, DEFAULT_WORKER_OPS_PORTS, type SubgraphName } from './ports';

/** Env schema building blocks. Call them inside the `loadEnv` builder. */

export const port = () => z.coerce.number().int().min(1).max(65535);

/** `on`/`off`, `true`/`false`, `1`/`0`, `yes`/`no`. */
export const flag = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no']))
    .transform((v) => v === 'on' || v === 'true' || v === '1' || v === 'yes');

/** Comma-separated list. */
export const csv = () =>
  z.string().transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const positiveInt = () => z.coerce.number().int().positive();

export function baseEnv() {
  return {
    /**
     * Production unless development (or test) is asked for: a forgotten variable must not
     * turn on introspection, CORS * or the development identity provider.
     */
    NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** `pretty` for people at a terminal; JSON otherwise. */
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  };
}

/**
 * The interface a process listens on: loopback unless told otherwise, so a service is never
 * reachable from the network by accident. Containers set `HOST=0.0.0.0` (or the pod IP).
 */
export function hostEnv(defaultHost = '127.0.0.1') {
  return { HOST: z.string().min(1).default(defaultHost) };
}

export function httpEnv(defaultPort: number, defaultHost = '127.0.0.1') {
  return {
    ...hostEnv(defaultHost),
    PORT: port().default(defaultPort),
  };
}

export function mongoEnv(defaultDbName: string) {
  return {
    MONGODB_URI: devDefault(
      z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URL'),
      `mongodb://127.0.0.1:${DEFAULT_PORTS.ferretdb}/`,
    ),
    MONGODB_DB: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a database name')
      .default(defaultDbName),
    /** Database commands taking this many milliseconds or more are logged (warn); 0: none. */
    DB_SLOW_MS: z.coerce.number().int().min(0).default(500),
  };
}

export function redisEnv() {
  return {
    REDIS_URL: devDefault(
      z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
      `redis://127.0.0.1:${DEFAULT_PORTS.redis}`,
    ),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
      .default('portal'),
  };
}

/** The secret the gateway signs the internal viewer token with; every subgraph verifies it. */
export function internalTokenEnv() {
  return {
    INTERNAL_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  };
}

export function workerEnv(defaultConcurrency = 4) {
  return {
    WORKER_CONCURRENCY: positiveInt().default(defaultConcurrency),
  };
}

/** The port a worker process serves /healthz, /readyz and /metrics on. */
export function opsPortEnv(defaultPort: number) {
  return { OPS_PORT: port().default(defaultPort) };
}

/**
 * The two public addresses: PUBLIC_BASE_URL, where browsers and partners reach the gateway
 * (its files, audio, feeds and the links it answers, such as a subscription's confirmation),
 * and WEB_BASE_URL, where people read the portal's pages (the web front end; `webPages`
 * builds every link to a page from it). In production they are usually two hosts
 * (`api.cds.…` and `cds.…`); both are required there.
 */
export function publicUrlEnv() {
  const withoutSlash = (u: string) => u.replace(/\/+$/, '');
  return {
    PUBLIC_BASE_URL: devDefault(z.url(), `http://localhost:${DEFAULT_PORTS.gateway}`).transform(
      withoutSlash,
    ),
    WEB_BASE_URL: devDefault(z.url(), `http://localhost:${DEFAULT_PORTS['portal-web']}`).transform(
      withoutSlash,
    ),
  };
}

/** Base URL (no path) of another portal service, e.g. `CONTENT_URL=http://content:4001`. */
export function serviceUrl(defaultPort: number) {
  return z
    .url()
    .default(`http://127.0.0.1:${defaultPort}`)
    .transform((u) => u.replace(/\/+$/, ''));
}

export function smtpEnv() {
  return {
    SMTP_URL: devDefault(
      z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
      `smtp://127.0.0.1:${DEFAULT_PORTS.smtp}`,
    ),
    MAIL_FROM: z
      .string()
      .default('Cổng thông tin Chuyển đổi số TP.HCM <no-reply@cds.hochiminhcity.gov.vn>'),
  };
}

/**
 * What every subgraph service's processes (subgraph, worker, seed) read: its own database
 * `portal_<name>`, Redis, the internal token secret, the public URL, its ports and worker
 * concurrency. Services add their own variables beside it.
 */
export function serviceEnv(name: SubgraphName, options: { workerConcurrency?: number } = {}) {
  return {
    ...baseEnv(),
    ...httpEnv(DEFAULT_PORTS[name]),
    ...mongoEnv(`portal_${name}`),
    ...redisEnv(),
    ...internalTokenEnv(),
    ...publicUrlEnv(),
    ...workerEnv(options.workerConcurrency ?? 4),
    ...opsPortEnv(DEFAULT_WORKER_OPS_PORTS[name]),
  };
}

import { describe, expect, it } from 'vitest';
import { serviceEnv } from './fragments';
import { parseEnv } from './load-env';
import { DEFAULT_PORTS, DEFAULT_WORKER_OPS_PORTS, SUBGRAPHS } from './ports';

const SECRET = 'x'.repeat(32);

describe('serviceEnv (what every subgraph service reads)', () => {
  it('gives each service its own ports and database, and the shared defaults, in development', () => {
    for (const name of SUBGRAPHS) {
      const result = parseEnv(() => serviceEnv(name), {
        NODE_ENV: 'development',
        INTERNAL_TOKEN_SECRET: SECRET,
      });
      expect(result.ok, name).toBe(true);
      if (!result.ok) return;
      expect(result.env).toEqual({
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: DEFAULT_PORTS[name],
        MONGODB_URI: `mongodb://127.0.0.1:${DEFAULT_PORTS.ferretdb}/`,
        MONGODB_DB: `portal_${name}`,
        DB_SLOW_MS: 500,
        REDIS_URL: `redis://127.0.0.1:${DEFAULT_PORTS.redis}`,
        QUEUE_PREFIX: 'portal',
        INTERNAL_TOKEN_SECRET: SECRET,
        PUBLIC_BASE_URL: 'http://localhost:4000',
        WEB_BASE_URL: 'http://localhost:4200',
        WORKER_CONCURRENCY: 4,
        OPS_PORT: DEFAULT_WORKER_OPS_PORTS[name],
      });
    }
    const bulletin = parseEnv(() => serviceEnv('bulletin', { workerConcurrency: 2 }), {
      NODE_ENV: 'development',
      INTERNAL_TOKEN_SECRET: SECRET,
    });
    expect(bulletin.ok && bulletin.env.WORKER_CONCURRENCY).toBe(2);
  });

  it('refuses a bad value, naming the variable and why', () => {
    const result = parseEnv(() => serviceEnv('referral'), {
      NODE_ENV: 'development',
      INTERNAL_TOKEN_SECRET: 'short',
      QUEUE_PREFIX: 'a:b',
      OPS_PORT: '70000',
      WORKER_CONCURRENCY: '0',
      DB_SLOW_MS: '-5',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problems = result.message.split('; ');
    expect(problems).toContain('INTERNAL_TOKEN_SECRET must be at least 32 characters (got "***")');
    expect(problems).toContain('QUEUE_PREFIX letters, digits, - and _ only (got "a:b")');
    expect(problems.find((p) => p.startsWith('OPS_PORT '))).toContain('(got "70000")');
    expect(problems.find((p) => p.startsWith('WORKER_CONCURRENCY '))).toContain('(got "0")');
    expect(problems.find((p) => p.startsWith('DB_SLOW_MS '))).toContain('(got "-5")');
    expect(problems).toHaveLength(5);
  });

  it('requires the secret, the connections and both public addresses in production', () => {
    const result = parseEnv(() => serviceEnv('content'), {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.split('; ').sort()).toEqual([
      'INTERNAL_TOKEN_SECRET is required',
      'MONGODB_URI is required',
      'PUBLIC_BASE_URL is required',
      'REDIS_URL is required',
      'WEB_BASE_URL is required',
    ]);
  });
});

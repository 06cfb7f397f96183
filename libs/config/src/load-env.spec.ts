import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseEnv, flag, httpEnv, mongoEnv, publicUrlEnv, redisEnv } from './fragments';
import { parseEnv } from './load-env';

const build = () => ({
  ...baseEnv(),
  ...httpEnv(4001),
  ...mongoEnv('portal_test'),
  ...redisEnv(),
  SAFELIST: flag().default(false),
});

describe('parseEnv', () => {
  it('applies development defaults when development is asked for', () => {
    const result = parseEnv(build, { NODE_ENV: 'development' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.PORT).toBe(4001);
    expect(result.env.MONGODB_URI).toMatch(/^mongodb:\/\//);
    expect(result.env.SAFELIST).toBe(false);
  });

  it('reports every bad variable at once, by name', () => {
    const result = parseEnv(build, { PORT: 'abc', MONGODB_URI: 'postgres://x', SAFELIST: 'maybe' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('PORT');
    expect(result.message).toContain('MONGODB_URI must be a mongodb://');
    expect(result.message).toContain('SAFELIST');
    expect(result.message.split('\n')).toHaveLength(1);
  });

  it('is production when NODE_ENV is unset or empty: no development defaults apply', () => {
    for (const source of [{}, { NODE_ENV: '' }]) {
      const result = parseEnv(build, source);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toContain('MONGODB_URI is required');
    }
    const full = parseEnv(build, { MONGODB_URI: 'mongodb://db/', REDIS_URL: 'redis://r' });
    expect(full.ok && full.env.NODE_ENV).toBe('production');
  });

  it('requires connection URLs in production', () => {
    const result = parseEnv(build, { NODE_ENV: 'production' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('MONGODB_URI is required');
    expect(result.message).toContain('REDIS_URL is required');
  });

  it('keeps the gateway address and the web pages address apart, both required in production', () => {
    const urls = () => ({ ...baseEnv(), ...publicUrlEnv() });
    const dev = parseEnv(urls, { NODE_ENV: 'development' });
    expect(dev.ok && [dev.env.PUBLIC_BASE_URL, dev.env.WEB_BASE_URL]).toEqual([
      'http://localhost:4000',
      'http://localhost:4200',
    ]);
    const prod = parseEnv(urls, { NODE_ENV: 'production' });
    expect(prod.ok).toBe(false);
    if (!prod.ok) {
      expect(prod.message).toContain('PUBLIC_BASE_URL is required');
      expect(prod.message).toContain('WEB_BASE_URL is required');
    }
    const set = parseEnv(urls, {
      PUBLIC_BASE_URL: 'https://api.cds.example.vn/',
      WEB_BASE_URL: 'https://cds.example.vn/',
    });
    expect(set.ok && [set.env.PUBLIC_BASE_URL, set.env.WEB_BASE_URL]).toEqual([
      'https://api.cds.example.vn',
      'https://cds.example.vn',
    ]);
  });

  it('reports rules across variables once each variable is valid on its own', () => {
    const shape = () => ({
      STORE: z.enum(['local', 'remote']).default('local'),
      BUCKET: z.string().optional(),
    });
    const check = (env: { STORE: string; BUCKET?: string }) =>
      env.STORE === 'remote' && !env.BUCKET ? ['BUCKET is required when STORE=remote'] : [];
    expect(parseEnv(shape, {}, check).ok).toBe(true);
    expect(parseEnv(shape, { STORE: 'remote' }, check)).toEqual({
      ok: false,
      message: 'BUCKET is required when STORE=remote',
    });
    // A variable that is wrong on its own is reported first, without the rules across variables.
    const bad = parseEnv(shape, { STORE: 'cloud' }, check);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^STORE /);
  });

  it('treats an empty variable as unset and hides secret values', () => {
    const r = parseEnv(() => ({ API_SECRET: z.string().min(32) }), { API_SECRET: 'short' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).not.toContain('short');
    expect(parseEnv(build, { NODE_ENV: 'development', PORT: '' }).ok).toBe(true);
  });
});

describe('loadEnv in a real process', () => {
  // One process start, sized for a busy machine.
  it('exits 1 with one clear line naming the bad variable', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const script = join(dir, 'main.ts');
    const lib = resolve(import.meta.dirname, 'index.ts');
    writeFileSync(
      script,
      `import { loadEnv, httpEnv } from ${JSON.stringify(lib)};\nloadEnv('demo', () => ({ ...httpEnv(4000) }));\nconsole.log('started');\n`,
    );
    // (Not local-services' runTsx: that library depends on this one.)
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>(
      (done) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', script],
          {
            cwd: resolve(import.meta.dirname, '../../..'),
            env: { PATH: process.env.PATH, PORT: 'not-a-port' },
          },
          (err, stdout, stderr) =>
            done({
              status: err ? (typeof err.code === 'number' ? err.code : null) : 0,
              stdout,
              stderr,
            }),
        ),
    );
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('started');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^demo: invalid configuration: PORT /);
  });
});

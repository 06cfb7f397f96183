import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDotEnv } from './dot-env';

const EXAMPLE = [
  '# `npm start` fills each __GENERATE__ with a random secret.',
  'INTERNAL_TOKEN_SECRET=__GENERATE__',
  'PORT=4000',
  '',
].join('\n');

describe('ensureDotEnv', () => {
  const dirs: string[] = [];
  const root = (example: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'dot-env-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.env.example'), example);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fills each value marked __GENERATE__ with its own secret and leaves the comments as written', () => {
    const dir = root(`${EXAMPLE}HOTLINE_API_KEY=__GENERATE__\n`);
    const env = ensureDotEnv(dir);
    expect(env.INTERNAL_TOKEN_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(env.HOTLINE_API_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(env.HOTLINE_API_KEY).not.toBe(env.INTERNAL_TOKEN_SECRET);
    expect(env.PORT).toBe('4000');
    expect(readFileSync(join(dir, '.env'), 'utf8').split('\n')[0]).toBe(EXAMPLE.split('\n')[0]);
  });

  it('keeps the secrets of an existing .env and adds the ones a newer example introduced', () => {
    const dir = root(EXAMPLE);
    const first = ensureDotEnv(dir);
    writeFileSync(join(dir, '.env.example'), `${EXAMPLE}CLIENT_KEY_SECRET=__GENERATE__\n`);
    const second = ensureDotEnv(dir);
    expect(second.INTERNAL_TOKEN_SECRET).toBe(first.INTERNAL_TOKEN_SECRET);
    expect(second.CLIENT_KEY_SECRET).toMatch(/^[0-9a-f]{64}$/);
  });
});

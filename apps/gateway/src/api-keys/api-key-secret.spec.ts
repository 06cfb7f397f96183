import { describe, expect, it } from 'vitest';
import { displayPrefix, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('are 256-bit random, recognisable, and never repeat', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).toMatch(/^hcmcdx_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isWellFormedApiKey(a)).toBe(true);
    expect(isWellFormedApiKey(`${a}x`)).toBe(false);
    expect(isWellFormedApiKey('hcmcdx_short')).toBe(false);
  });

  it('are stored as a SHA-256 hash and shown by a short prefix', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toContain(key.slice(7, 20));
    expect(displayPrefix(key)).toBe(key.slice(0, 13));
  });
});

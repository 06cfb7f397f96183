import { describe, expect, it } from 'vitest';
import { clientKeyFor } from './client-key';

describe('client key', () => {
  const secret = 's'.repeat(40);
  it('is stable per address and user agent, and differs otherwise', () => {
    const key = clientKeyFor(secret, '203.0.113.1', 'Firefox');
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(clientKeyFor(secret, '203.0.113.1', 'Firefox')).toBe(key);
    expect(clientKeyFor(secret, '203.0.113.2', 'Firefox')).not.toBe(key);
    expect(clientKeyFor(secret, '203.0.113.1', 'Safari')).not.toBe(key);
    expect(clientKeyFor(secret, '203.0.113.1', undefined)).not.toBe(key);
  });

  it('depends on the secret, so it cannot be turned back into an address', () => {
    expect(clientKeyFor('t'.repeat(40), '203.0.113.1', 'Firefox')).not.toBe(
      clientKeyFor(secret, '203.0.113.1', 'Firefox'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { clientKeyOf, clientSubject, deriveClientKey } from './client-key';
import { ANONYMOUS, type Viewer } from './viewer';

const secret = 's'.repeat(40);
const person = (id: string): Viewer => ({ ...ANONYMOUS, id, roles: ['citizen'] });

describe('client key', () => {
  it('is the address alone for anonymous callers, whatever else they send', () => {
    const key = deriveClientKey(secret, clientSubject(ANONYMOUS, '203.0.113.1'));
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(deriveClientKey(secret, clientSubject(ANONYMOUS, '203.0.113.1'))).toBe(key);
    expect(deriveClientKey(secret, clientSubject(ANONYMOUS, '203.0.113.2'))).not.toBe(key);
    expect(deriveClientKey('t'.repeat(40), clientSubject(ANONYMOUS, '203.0.113.1'))).not.toBe(key);
  });

  it('is the person for signed-in callers: two people behind one address are two clients', () => {
    const office = '198.51.100.7';
    const a = deriveClientKey(secret, clientSubject(person('lan'), office));
    const b = deriveClientKey(secret, clientSubject(person('minh'), office));
    expect(a).not.toBe(b);
    expect(deriveClientKey(secret, clientSubject(person('lan'), '192.0.2.9'))).toBe(a);
    expect(a).not.toBe(deriveClientKey(secret, clientSubject(ANONYMOUS, office)));
  });

  it('services use the gateway key, else the same subject', () => {
    expect(clientKeyOf({ viewer: person('lan'), clientKey: 'ck' })).toBe('ck');
    expect(clientKeyOf({ viewer: person('lan'), clientKey: null })).toBe('person:lan');
    expect(clientKeyOf({ viewer: ANONYMOUS, clientKey: null }, '10.1.1.1')).toBe(
      'address:10.1.1.1',
    );
  });
});

import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signSubscriptionToken, verifySubscriptionToken } from './subscription-token';

const SECRET = 's'.repeat(40);
const subscriberId = 'a'.repeat(24);

describe('subscription tokens', () => {
  it('round-trips the subscriber and nonce for its own purpose only', async () => {
    const token = await signSubscriptionToken('confirm', { subscriberId, nonce: 'n1' }, SECRET, {
      ttlSeconds: 60,
    });
    expect(await verifySubscriptionToken('confirm', token, SECRET)).toEqual({
      ok: true,
      claims: { subscriberId, nonce: 'n1' },
    });
    expect((await verifySubscriptionToken('unsubscribe', token, SECRET)).ok).toBe(false);
  });

  it('refuses tampered, forged, expired and malformed tokens', async () => {
    const token = await signSubscriptionToken('unsubscribe', { subscriberId, nonce: null }, SECRET);
    const [h, p, s] = token.split('.');
    const otherSubject = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p!, 'base64url').toString()),
        sub: 'b'.repeat(24),
      }),
    ).toString('base64url');
    expect(
      (await verifySubscriptionToken('unsubscribe', `${h}.${otherSubject}.${s}`, SECRET)).ok,
    ).toBe(false);
    expect((await verifySubscriptionToken('unsubscribe', token, 'x'.repeat(40))).ok).toBe(false);
    const expired = await signSubscriptionToken('confirm', { subscriberId, nonce: 'n' }, SECRET, {
      ttlSeconds: 60,
      now: new Date(Date.now() - 3600_000),
    });
    expect(await verifySubscriptionToken('confirm', expired, SECRET)).toMatchObject({ ok: false });
    expect((await verifySubscriptionToken('confirm', 'not-a-token', SECRET)).ok).toBe(false);
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expect((await verifySubscriptionToken('unsubscribe', noneAlg, SECRET)).ok).toBe(false);
    const badSubject = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('portal-bulletin')
      .setAudience('bulletin-unsubscribe')
      .setSubject('{"$ne":null}')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await verifySubscriptionToken('unsubscribe', badSubject, SECRET)).ok).toBe(false);
  });
});

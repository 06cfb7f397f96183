import { SignJWT, jwtVerify } from 'jose';
import { isObjectIdString } from '@portal/db';

/**
 * Signed links for subscriptions (HS256): `confirm` proves the address owner asked to
 * subscribe (double opt-in) and expires; `unsubscribe` is in every mail and lasts long
 * enough for an old mail to still work. A token is good for its own purpose only.
 */
export type SubscriptionPurpose = 'confirm' | 'unsubscribe';

const ISSUER = 'portal-bulletin';
const ALG = 'HS256';
const UNSUBSCRIBE_TTL_SECONDS = 2 * 365 * 24 * 3600;

export interface SubscriptionClaims {
  subscriberId: string;
  /** The subscriber's nonce when the link was made (confirm links only). */
  nonce: string | null;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signSubscriptionToken(
  purpose: SubscriptionPurpose,
  claims: SubscriptionClaims,
  secret: string,
  options: { ttlSeconds?: number; now?: Date } = {},
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const ttl = options.ttlSeconds ?? UNSUBSCRIBE_TTL_SECONDS;
  return new SignJWT(claims.nonce ? { n: claims.nonce } : {})
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setAudience(`bulletin-${purpose}`)
    .setSubject(claims.subscriberId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .sign(key(secret));
}

export type VerifiedToken =
  { ok: true; claims: SubscriptionClaims } | { ok: false; reason: string };

/** Verifies signature, purpose and expiry; never throws. */
export async function verifySubscriptionToken(
  purpose: SubscriptionPurpose,
  token: string,
  secret: string,
): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: `bulletin-${purpose}`,
      algorithms: [ALG],
      requiredClaims: ['sub', 'exp'],
    });
    if (!isObjectIdString(payload.sub)) return { ok: false, reason: 'bad subject' };
    return {
      ok: true,
      claims: {
        subscriberId: payload.sub!,
        nonce: typeof payload.n === 'string' ? payload.n : null,
      },
    };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

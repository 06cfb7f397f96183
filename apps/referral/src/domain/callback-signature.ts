import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Hotline callbacks are signed like Stripe's and GitHub's webhooks: HMAC-SHA256 with a
 * shared secret over `<timestamp>.<raw body>`, sent as `x-hotline-signature: sha256=<hex>`
 * with the Unix timestamp (seconds) in `x-hotline-timestamp`.
 */
export const SIGNATURE_HEADER = 'x-hotline-signature';
export const TIMESTAMP_HEADER = 'x-hotline-timestamp';

export function signCallback(secret: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `sha256=${mac.digest('hex')}`;
}

export type SignatureCheck =
  { ok: true; signature: string; timestamp: number } | { ok: false; reason: string };

/**
 * Checks the signature (in constant time) and that the timestamp is within
 * `toleranceSeconds` of now, so a captured request cannot be replayed later; replays
 * inside the window are caught by recording each accepted signature once.
 */
export function verifyCallbackSignature(options: {
  secret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  body: Buffer;
  now: Date;
  toleranceSeconds: number;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = options;
  if (!timestampHeader || !/^\d{1,12}$/.test(timestampHeader))
    return { ok: false, reason: 'missing or malformed timestamp' };
  if (!signatureHeader || !/^sha256=[0-9a-f]{64}$/.test(signatureHeader))
    return { ok: false, reason: 'missing or malformed signature' };
  const timestamp = Number(timestampHeader);
  const skew = Math.abs(options.now.getTime() / 1000 - timestamp);
  if (skew > options.toleranceSeconds)
    return { ok: false, reason: 'timestamp outside the accepted window' };
  const expected = Buffer.from(signCallback(options.secret, timestamp, options.body));
  const given = Buffer.from(signatureHeader);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'signature does not match' };
  return { ok: true, signature: signatureHeader, timestamp };
}

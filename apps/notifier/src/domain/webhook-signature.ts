import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Headers of every webhook request (see apps/notifier/README.md, "Webhooks"). */
export const WEBHOOK_HEADERS = {
  signature: 'x-portal-signature',
  timestamp: 'x-portal-timestamp',
  event: 'x-portal-event',
  eventId: 'x-portal-event-id',
  deliveryId: 'x-portal-delivery-id',
  attempt: 'x-portal-attempt',
} as const;

/** How far a receiver should let a request's timestamp stray from its own clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new endpoint secret: 32 random bytes, shown to the partner once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The `X-Portal-Signature` value: `sha256=` and the hex HMAC-SHA256, keyed with the
 * endpoint's secret (its UTF-8 bytes, prefix included), of `<timestamp>.<raw body>`.
 * Signing the timestamp with the body stops a captured request from being replayed later.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `sha256=${mac}`;
}

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

/**
 * What a partner runs on each request (the README shows the same in a standalone snippet):
 * recompute the signature over the raw body, compare in constant time, and refuse
 * timestamps outside the tolerance.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  signature: string | undefined | null;
  timestamp: string | undefined | null;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!input.signature || !input.timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(input.timestamp) || !/^sha256=[a-f0-9]{64}$/.test(input.signature))
    return { ok: false, reason: 'malformed' };
  const timestamp = Number(input.timestamp);
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'mismatch' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS))
    return { ok: false, reason: 'stale' };
  return { ok: true };
}

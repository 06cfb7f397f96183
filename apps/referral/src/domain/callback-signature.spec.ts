import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCallback, verifyCallbackSignature } from './callback-signature';

const secret = 's'.repeat(40);
const body = Buffer.from('{"status":"RESOLVED"}');
const now = new Date('2025-11-01T01:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

function check(timestampHeader: string | undefined, signatureHeader: string | undefined, b = body) {
  return verifyCallbackSignature({
    secret,
    timestampHeader,
    signatureHeader,
    body: b,
    now,
    toleranceSeconds: 300,
  });
}

describe('callback signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body.toString()}`).digest('hex');
    expect(signCallback(secret, ts, body)).toBe(`sha256=${expected}`);
    expect(check(String(ts), `sha256=${expected}`)).toEqual({
      ok: true,
      signature: `sha256=${expected}`,
      timestamp: ts,
    });
  });

  it('refuses a changed body, another secret, or a moved timestamp', () => {
    const signature = signCallback(secret, ts, body);
    expect(check(String(ts), signature, Buffer.from('{"status":"REJECTED"}')).ok).toBe(false);
    expect(check(String(ts), signCallback('x'.repeat(40), ts, body)).ok).toBe(false);
    expect(check(String(ts + 1), signature).ok).toBe(false);
  });

  it('refuses timestamps outside the window, even when correctly signed', () => {
    const old = ts - 301;
    expect(check(String(old), signCallback(secret, old, body))).toEqual({
      ok: false,
      reason: 'timestamp outside the accepted window',
    });
    const future = ts + 301;
    expect(check(String(future), signCallback(secret, future, body)).ok).toBe(false);
    const edge = ts - 300;
    expect(check(String(edge), signCallback(secret, edge, body)).ok).toBe(true);
  });

  it('refuses missing or malformed headers', () => {
    const signature = signCallback(secret, ts, body);
    expect(check(undefined, signature).ok).toBe(false);
    expect(check('soon', signature).ok).toBe(false);
    expect(check(String(ts), undefined).ok).toBe(false);
    expect(check(String(ts), signature.toUpperCase()).ok).toBe(false);
    expect(check(String(ts), signature.slice(0, -2)).ok).toBe(false);
  });
});

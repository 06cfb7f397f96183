import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_test-secret';
const body = '{"id":"evt_1","type":"article.published","data":{"title":"Chuyển đổi số"}}';

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of "<timestamp>.<body>" with the secret, hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1700000000, body)).toBe(`sha256=${expected}`);
  });

  it('verify for the right secret, body and timestamp only', () => {
    const signature = signWebhook(secret, 1700000000, body);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({
        secret,
        body,
        signature,
        timestamp: '1700000000',
        nowSeconds: 1700000100,
        ...over,
      });
    expect(check({})).toEqual({ ok: true });
    expect(check({ secret: 'whsec_other' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ body: body.replace('số', 'so') })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ timestamp: '1700000001' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ nowSeconds: 1700000000 + 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(check({ signature: 'sha1=abc' })).toEqual({ ok: false, reason: 'malformed' });
    expect(check({ timestamp: '17e8' })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('makes distinct, URL-safe secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

import { describe, expect, it } from 'vitest';
import { newEndpointSchema, parseSubscription, shouldDisable } from './webhook-endpoint';

describe('parseSubscription', () => {
  it('accepts events and the API scopes that stand for them', () => {
    expect(parseSubscription('content:read')).toEqual({ ok: true, events: ['article.published'] });
    expect(parseSubscription(' referral.updated, content:read ,article.published')).toEqual({
      ok: true,
      events: ['article.published', 'referral.updated'],
    });
  });

  it('names what it does not know', () => {
    const r = parseSubscription('article.published,forum:write,thread.created');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^unknown event or scope forum:write, thread\.created/);
    expect(parseSubscription(' , ').ok).toBe(false);
  });
});

describe('newEndpointSchema', () => {
  const prod = newEndpointSchema({ requireHttps: true });
  const dev = newEndpointSchema({ requireHttps: false });
  const base = { partner: 'Sở Thông tin và Truyền thông', events: ['article.published'] };

  it('takes https URLs, and http only outside production', () => {
    expect(prod.safeParse({ ...base, url: 'https://hooks.example.vn/cds' }).success).toBe(true);
    expect(prod.safeParse({ ...base, url: 'http://hooks.example.vn/cds' }).success).toBe(false);
    expect(dev.safeParse({ ...base, url: 'http://127.0.0.1:8080/cds' }).success).toBe(true);
  });

  it('refuses other schemes, credentials in the URL, and empty subscriptions', () => {
    for (const url of [
      'ftp://hooks.example.vn/',
      'javascript:alert(1)',
      'https://user:pw@hooks.example.vn/',
      'not a url',
    ])
      expect(dev.safeParse({ ...base, url }).success, url).toBe(false);
    expect(dev.safeParse({ ...base, url: 'https://a.vn/', events: [] }).success).toBe(false);
    expect(dev.safeParse({ ...base, url: 'https://a.vn/', partner: ' ' }).success).toBe(false);
  });
});

describe('shouldDisable', () => {
  it('disables at the threshold, not before', () => {
    expect(shouldDisable(4, 5)).toBe(false);
    expect(shouldDisable(5, 5)).toBe(true);
    expect(shouldDisable(7, 5)).toBe(true);
  });
});

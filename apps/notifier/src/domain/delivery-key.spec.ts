import { describe, expect, it } from 'vitest';
import {
  addressKey,
  canonicalJson,
  deliveryId,
  deliveryJobId,
  eventId,
  messageKey,
} from './delivery-key';

describe('delivery keys', () => {
  it('are deterministic, 32 hex characters, and differ by every part', () => {
    const a = deliveryId('email', 'bulletin.1', 'sub-1');
    expect(a).toMatch(/^[a-f0-9]{32}$/);
    expect(deliveryId('email', 'bulletin.1', 'sub-1')).toBe(a);
    expect(deliveryId('webhook', 'bulletin.1', 'sub-1')).not.toBe(a);
    expect(deliveryId('email', 'bulletin.2', 'sub-1')).not.toBe(a);
    expect(deliveryId('email', 'bulletin.1', 'sub-2')).not.toBe(a);
    // Shifting a character between parts gives another key.
    expect(deliveryId('email', 'bulletin.1s', 'ub-1')).not.toBe(a);
  });

  it('treat addresses case-insensitively and ignore surrounding spaces', () => {
    expect(addressKey('email', 'n1', 'An.Nguyen@Example.VN ')).toBe(
      addressKey('email', 'n1', 'an.nguyen@example.vn'),
    );
    expect(addressKey('email', 'n1', 'a@example.vn')).not.toBe(
      addressKey('email', 'n2', 'a@example.vn'),
    );
  });

  it('give one event id per notification', () => {
    expect(eventId('article.published.abc')).toMatch(/^evt_[a-f0-9]{24}$/);
    expect(eventId('article.published.abc')).toBe(eventId('article.published.abc'));
    expect(eventId('article.published.abd')).not.toBe(eventId('article.published.abc'));
  });

  it('make job ids BullMQ accepts', () => {
    const id = deliveryId('webhook', 'n', 'e');
    expect(deliveryJobId('webhook', id)).toBe(`webhook.${id}`);
    expect(deliveryJobId('webhook', id)).not.toContain(':');
  });

  it('serialize equal data to equal bytes whatever the key order', () => {
    const a = canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(messageKey('n', a)).toBe(messageKey('n', b));
    expect(messageKey('n', a)).not.toBe(messageKey('m', a));
  });
});

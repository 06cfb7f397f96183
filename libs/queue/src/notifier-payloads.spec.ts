import { describe, expect, it } from 'vitest';
import { QUEUE_PAYLOADS, QUEUE_NAMES } from './payloads';

describe("the notifier's internal queues", () => {
  it('are registered with their payloads', () => {
    expect(QUEUE_NAMES).toEqual(
      expect.arrayContaining(['notifier-email', 'notifier-webhook', 'notifier-maintenance']),
    );
    expect(QUEUE_PAYLOADS['notifier-maintenance'].parse({ task: 'sweep' })).toEqual({
      task: 'sweep',
    });
  });

  it('carry a delivery id and nothing personal', () => {
    const id = '0123456789abcdef0123456789abcdef';
    expect(QUEUE_PAYLOADS['notifier-email'].parse({ deliveryId: id })).toEqual({ deliveryId: id });
    expect(
      QUEUE_PAYLOADS['notifier-webhook'].safeParse({ deliveryId: 'someone@example.com' }).success,
    ).toBe(false);
    // Unknown keys (an address smuggled along) are dropped, not passed through.
    expect(
      QUEUE_PAYLOADS['notifier-email'].parse({ deliveryId: id, email: 'a@b.vn' } as never),
    ).toEqual({ deliveryId: id });
  });
});

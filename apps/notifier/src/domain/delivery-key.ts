import { createHash } from 'node:crypto';

/** The two ways the notifier delivers. Each has its own queue, rate limit and retry policy. */
export type Channel = 'email' | 'webhook';

function digest(...parts: string[]): string {
  const hash = createHash('sha256');
  // A separator no part can contain keeps ("ab","c") and ("a","bc") apart.
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/**
 * The delivery-log id of (notification, recipient or endpoint) on a channel: the unique key
 * that makes a notification take effect once per target however often its job runs.
 */
export function deliveryId(channel: Channel, notificationId: string, targetId: string): string {
  return digest('delivery', channel, notificationId, targetId).slice(0, 32);
}

/**
 * A second unique key per delivery: one notification reaches one mailbox once, even when a
 * producer lists the same address under two recipient ids. Addresses compare
 * case-insensitively (the domain is, and in practice every mailbox is).
 */
export function addressKey(channel: Channel, notificationId: string, address: string): string {
  return digest('address', channel, notificationId, address.trim().toLowerCase()).slice(0, 32);
}

/** Stable id partners see for one event on every endpoint and every retry (for de-duplication). */
export function eventId(notificationId: string): string {
  return `evt_${digest('event', notificationId).slice(0, 24)}`;
}

/** Content address of a stored message: the same notification with the same content is stored once. */
export function messageKey(notificationId: string, canonicalContent: string): string {
  return digest('message', notificationId, canonicalContent).slice(0, 32);
}

/** The BullMQ job id of a delivery (deterministic, so enqueueing twice adds one job). */
export function deliveryJobId(channel: Channel, id: string): string {
  return `${channel}.${id}`;
}

/**
 * JSON with object keys sorted at every level, so equal data always serializes to the
 * same bytes (for content addressing, and for webhook bodies that are signed).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

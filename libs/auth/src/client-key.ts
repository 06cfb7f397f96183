import { createHmac } from 'node:crypto';
import type { Viewer } from './viewer';

/**
 * Who a request counts as, for rate limits and "once per client" counting: the signed-in
 * person, the partner's API key, or, for anonymous callers, the client's address alone. Never
 * the User-Agent: a client can rotate it at will, and people behind one office address are
 * told apart by signing in, not by their browsers.
 */
export type ClientSubject =
  | { kind: 'person'; id: string }
  | { kind: 'partner'; keyId: string }
  | { kind: 'address'; ip: string };

/** The subject of a caller as the gateway sees it. */
export function clientSubject(viewer: Viewer, ip: string): ClientSubject {
  if (viewer.id) return { kind: 'person', id: viewer.id };
  if (viewer.apiClient) return { kind: 'partner', keyId: viewer.apiClient.id };
  return { kind: 'address', ip };
}

/**
 * The opaque key the gateway passes to services (in the internal token) for a subject:
 * salted with a server secret so it cannot be turned back into an address or a person.
 */
export function deriveClientKey(secret: string, subject: ClientSubject): string {
  const value =
    subject.kind === 'person'
      ? subject.id
      : subject.kind === 'partner'
        ? subject.keyId
        : subject.ip;
  return createHmac('sha256', secret)
    .update(`${subject.kind}\n${value}`)
    .digest('base64url')
    .slice(0, 32);
}

/**
 * The one key a service counts a request by: the gateway's client key; without one (a call
 * that did not come through the gateway), the same subject the gateway would have used.
 */
export function clientKeyOf(
  request: { viewer: Viewer; clientKey: string | null },
  ip?: string,
): string {
  if (request.clientKey) return request.clientKey;
  const subject = clientSubject(request.viewer, ip ?? 'unknown');
  return subject.kind === 'person'
    ? `person:${subject.id}`
    : subject.kind === 'partner'
      ? `partner:${subject.keyId}`
      : `address:${subject.ip}`;
}

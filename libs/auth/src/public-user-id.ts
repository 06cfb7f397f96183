import { createHmac } from 'node:crypto';

/**
 * The id a person is known by in the graph: an HMAC of the identity provider's subject (which
 * may be a citizen number or an e-mail address, i.e. personal data) keyed with a server secret.
 * Stable for one secret, the same in every service, and not reversible without the secret.
 */
export function publicUserId(subject: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(`portal-public-user-id\0${subject}`);
  return `u_${mac.digest('base64url').slice(0, 27)}`;
}

/** Whether `id` has the shape of a public user id (callers map it back by lookup, never by parsing). */
export function isPublicUserId(id: string): boolean {
  return /^u_[A-Za-z0-9_-]{27}$/.test(id);
}

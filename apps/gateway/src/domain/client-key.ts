import { createHmac } from 'node:crypto';

/**
 * An opaque, stable key per client (address + user agent) for "count once per client"
 * features in subgraphs. Salted with a server secret so it cannot be reversed into an IP.
 */
export function clientKeyFor(secret: string, ip: string, userAgent: string | undefined): string {
  return createHmac('sha256', secret)
    .update(`${ip}\n${userAgent ?? ''}`)
    .digest('base64url')
    .slice(0, 32);
}

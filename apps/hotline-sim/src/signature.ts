import { createHmac } from 'node:crypto';

/**
 * Signs a callback as the hotline does: HMAC-SHA256 over `<unix seconds>.<body>`, sent as
 * `x-hotline-signature: sha256=<hex>` with `x-hotline-timestamp`. (Written here on its own,
 * from the protocol, as the real hotline would be: sharing code with the portal would hide
 * a mismatch.)
 */
export function signedHeaders(
  secret: string,
  body: string,
  now = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    'content-type': 'application/json',
    'x-hotline-timestamp': String(timestamp),
    'x-hotline-signature': `sha256=${signature}`,
  };
}

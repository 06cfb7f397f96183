import { WEBHOOK_EVENTS, type WebhookEvent } from '@portal/queue';
import { z } from 'zod';

/**
 * What a partner may subscribe with: an event name, or the API scope that covers it
 * (`content:read` → `article.published`), so an agency's webhook mirrors its API key.
 */
export const SCOPE_EVENTS: Readonly<Record<string, readonly WebhookEvent[]>> = {
  'content:read': ['article.published'],
  'bulletin:read': ['bulletin.published'],
  'referral:read': ['referral.updated'],
};

/** Expands a comma-separated list of events and scopes into the events, or says what is unknown. */
export function parseSubscription(
  list: string,
): { ok: true; events: WebhookEvent[] } | { ok: false; message: string } {
  const items = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return { ok: false, message: 'name at least one event' };
  const events = new Set<WebhookEvent>();
  const unknown: string[] = [];
  for (const item of items) {
    if ((WEBHOOK_EVENTS as readonly string[]).includes(item)) events.add(item as WebhookEvent);
    else if (SCOPE_EVENTS[item]) for (const e of SCOPE_EVENTS[item]) events.add(e);
    else unknown.push(item);
  }
  if (unknown.length > 0) {
    const known = [...WEBHOOK_EVENTS, ...Object.keys(SCOPE_EVENTS)].join(', ');
    return { ok: false, message: `unknown event or scope ${unknown.join(', ')} (known: ${known})` };
  }
  return { ok: true, events: [...events].sort() };
}

/**
 * A partner's endpoint URL: http(s), no credentials in it (they would be logged and sent
 * on redirects), and https only in production, where bodies and signatures must not travel
 * in clear text.
 */
export function endpointUrlSchema(options: { requireHttps: boolean }) {
  return z
    .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
    .max(2000)
    .refine((u) => !options.requireHttps || u.startsWith('https://'), 'must use https')
    .refine((u) => {
      // Refinements also run after a failed URL check, so parse defensively.
      const parsed = URL.canParse(u) ? new URL(u) : null;
      return !parsed?.username && !parsed?.password;
    }, 'must not contain a user name or password');
}

export function newEndpointSchema(options: { requireHttps: boolean }) {
  return z.object({
    partner: z.string().trim().min(2).max(200),
    url: endpointUrlSchema(options),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
  });
}

export type NewEndpoint = z.infer<ReturnType<typeof newEndpointSchema>>;

/** True once an endpoint has failed `threshold` deliveries in a row: time to stop trying. */
export function shouldDisable(consecutiveFailures: number, threshold: number): boolean {
  return consecutiveFailures >= threshold;
}

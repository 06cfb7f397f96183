import { redactAddresses } from '../domain/redact';

export type WebhookResponse =
  { ok: true; status: number } | { ok: false; status: number | null; reason: string };

const MAX_EXCERPT = 200;

/**
 * POSTs one webhook. Success is a 2xx; redirects are not followed (a partner must register
 * the final URL; following them would send signed bodies wherever a response points).
 * The whole exchange, body included, is bounded by `timeoutMs`.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<WebhookResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal });
  } catch (err) {
    return { ok: false, status: null, reason: describeNetworkError(err) };
  }
  let excerpt = '';
  try {
    excerpt = (await res.text()).slice(0, MAX_EXCERPT);
  } catch {
    // The status is what counts; a body cut short by the timeout changes nothing.
  }
  if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
  const detail = excerpt ? `: ${redactAddresses(excerpt).replace(/\s+/g, ' ').trim()}` : '';
  return { ok: false, status: res.status, reason: `HTTP ${res.status}${detail}` };
}

function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `network error: ${cause ?? e?.message ?? String(err)}`;
}

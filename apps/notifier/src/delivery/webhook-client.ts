import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isAllowListed, refusalByName, type AllowList } from '../domain/webhook-address';
import { guardedLookup, type Resolve } from './webhook-address-guard';

export type WebhookResponse =
  | { ok: true; status: number }
  | { ok: false; status: number | null; reason: string; refused?: boolean };

/**
 * POSTs one webhook. Success is a 2xx; redirects are not followed (a partner must register
 * the final URL; following them would send signed bodies wherever a response points).
 * Only public addresses are reached (the resolved address is checked as the socket connects)
 * unless the host is allow-listed, and the response body is never read: nothing an internal
 * service answers can reach logs or delivery records. The exchange is bounded by `timeoutMs`.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  allow: AllowList,
  resolveName?: Resolve,
): Promise<WebhookResponse> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, status: null, reason: 'invalid URL', refused: true });
  }
  const refusal = refusalByName(target, allow);
  if (refusal) return Promise.resolve({ ok: false, status: null, reason: refusal, refused: true });
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((settle) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
        ...(isAllowListed(target, allow) ? {} : { lookup: guardedLookup(resolveName) }),
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        res.destroy();
        if (status >= 200 && status < 300) return settle({ ok: true, status });
        const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
        settle({ ok: false, status, reason: `HTTP ${status}${redirect}` });
      },
    );
    req.on('error', (err) => {
      const refused = (err as { code?: string }).code === 'EFORBIDDENADDRESS';
      settle({ ok: false, status: null, reason: describeNetworkError(err), refused });
    });
    req.end(body);
  });
}

function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  if (e?.code === 'EFORBIDDENADDRESS') return `refused: ${e.message}`;
  return `network error: ${e?.code ?? e?.message ?? String(err)}`;
}

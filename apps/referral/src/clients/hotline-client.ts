import { INTAKE_PATH, intakeResponse, type IntakeRequest } from '../domain/hotline-protocol';

/**
 * A failed call to the hotline; `retryable` says whether trying again later can help, and
 * `retryAfterMs` how long the hotline asked us to wait first (a 429's or 503's
 * `Retry-After`), which the dispatch queue's backoff honours (see `@portal/queue`).
 */
export class HotlineError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'HotlineError';
  }
}

export interface HotlineClientOptions {
  /** Base URL of the hotline intake API (no path). */
  url: string;
  apiKey: string;
  timeoutMs: number;
}

export interface HotlineClient {
  /** Hands a referral to the hotline and returns its ticket id. */
  submit(request: IntakeRequest, idempotencyKey: string): Promise<{ ticketId: string }>;
}

// Worth retrying: timeouts, throttling and server-side failures. Anything else (bad key,
// refused payload) needs a person: the referral is marked FAILED at once.
const RETRYABLE_STATUS = new Set([408, 425, 429]);

/** A `Retry-After` longer than this is taken as this (a typo or a misconfigured proxy). */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * A `Retry-After` header in ms: delta-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2026
 * 07:28:00 GMT`, counted from `now`, 0 once past), at most MAX_RETRY_AFTER_MS; null when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
    ms = Math.max(at - now, 0);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** The hotline intake API over HTTP JSON, with a timeout on the whole exchange. */
export function createHotlineClient(options: HotlineClientOptions): HotlineClient {
  const endpoint = `${options.url}${INTAKE_PATH}`;
  return {
    async submit(request, idempotencyKey) {
      const signal = AbortSignal.timeout(options.timeoutMs);
      let status: number;
      let text: string;
      let retryAfterMs: number | null;
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${options.apiKey}`,
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify(request),
          signal,
        });
        status = res.status;
        retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        text = await res.text();
      } catch (err) {
        const timedOut = signal.aborted;
        throw new HotlineError(
          timedOut
            ? `hotline did not answer within ${options.timeoutMs} ms`
            : `hotline unreachable: ${(err as Error).message}`,
          true,
        );
      }
      if (status >= 200 && status < 300) {
        const parsed = intakeResponse.safeParse(safeJson(text));
        // The ticket may exist already; asking again with the same key returns it.
        if (!parsed.success)
          throw new HotlineError('hotline answered without a ticket id', true, status);
        return parsed.data;
      }
      const retryable = status >= 500 || RETRYABLE_STATUS.has(status);
      const wait = retryable && retryAfterMs !== null ? retryAfterMs : null;
      throw new HotlineError(
        `hotline answered HTTP ${status}` +
          (wait !== null ? ` (retry after ${Math.ceil(wait / 1000)} s)` : '') +
          (text ? `: ${text.slice(0, 200)}` : ''),
        retryable,
        status,
        wait,
      );
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

import { INTAKE_PATH, intakeResponse, type IntakeRequest } from '../domain/hotline-protocol';

/** A failed call to the hotline; `retryable` says whether trying again later can help. */
export class HotlineError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
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

/** The hotline intake API over HTTP JSON, with a timeout on the whole exchange. */
export function createHotlineClient(options: HotlineClientOptions): HotlineClient {
  const endpoint = `${options.url}${INTAKE_PATH}`;
  return {
    async submit(request, idempotencyKey) {
      const signal = AbortSignal.timeout(options.timeoutMs);
      let status: number;
      let text: string;
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
      throw new HotlineError(
        `hotline answered HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`,
        retryable,
        status,
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

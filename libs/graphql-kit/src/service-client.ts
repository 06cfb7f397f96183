import {
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  createInternalTokenSigner,
  serviceViewer,
} from '@portal/auth';
import { currentRequestContext } from '@portal/logger';

export interface ServiceClientOptions {
  /** The other subgraph's `/graphql` URL. */
  url: string;
  /** The other subgraph's name: the audience of the token it is sent. */
  target: string;
  /** This service's name, as the caller identity. */
  service: string;
  internalTokenSecret: string;
  timeoutMs?: number;
  /**
   * How often a query whose connection failed before any answer (reset, refused, closed by
   * the other side) is sent again; mutations never are. Default 1.
   */
  retries?: number;
}

export class ServiceCallError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
    this.name = 'ServiceCallError';
  }
}

/** Whether `query` is a GraphQL query (safe to send again), not a mutation. */
const isRead = (query: string) => !/^\s*mutation\b/.test(query.replace(/^\s*#.*$/gm, ''));

/** What a failed fetch came to, with the network cause undici hides behind "fetch failed". */
function transportFailure(err: unknown): { message: string; retryable: boolean } {
  const error = err as Error & { cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError')
    return { message: error.message, retryable: false };
  const cause = error.cause?.code ?? error.cause?.message;
  return { message: cause ? `${error.message} (${cause})` : error.message, retryable: true };
}

/**
 * Calls another portal subgraph over HTTP as a trusted service (signed internal
 * token), forwarding the current request id. A query whose connection failed before it was
 * answered (a kept-alive socket the other side closed, a restart) is sent once more. Throws
 * ServiceCallError on transport errors, timeouts or GraphQL errors.
 */
export function createServiceClient(options: ServiceClientOptions) {
  const tokenFor = createInternalTokenSigner(options.internalTokenSecret);
  const caller = serviceViewer(options.service);
  return async function request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const token = await tokenFor(caller, options.target);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [INTERNAL_TOKEN_HEADER]: token,
    };
    const requestId = currentRequestContext()?.requestId;
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    const body = JSON.stringify({ query, variables });
    const tries = 1 + (isRead(query) ? (options.retries ?? 1) : 0);
    let res: globalThis.Response | undefined;
    for (let attempt = 1; !res; attempt++) {
      try {
        res = await fetch(options.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
      } catch (err) {
        const failure = transportFailure(err);
        if (!failure.retryable || attempt >= tries)
          throw new ServiceCallError(`${options.url} unreachable: ${failure.message}`);
      }
    }
    const answer = (await res.json().catch(() => ({}))) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (answer.errors?.length) {
      throw new ServiceCallError(
        answer.errors.map((e) => e.message).join('; '),
        answer.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
      );
    }
    if (!res.ok || !answer.data)
      throw new ServiceCallError(`${options.url} answered HTTP ${res.status}`);
    return answer.data;
  };
}

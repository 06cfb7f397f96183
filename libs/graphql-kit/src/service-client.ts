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

/**
 * Calls another portal subgraph over HTTP as a trusted service (signed internal
 * token), forwarding the current request id. Throws ServiceCallError on transport
 * errors, timeouts or GraphQL errors.
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
    let res: globalThis.Response;
    try {
      res = await fetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw new ServiceCallError(`${options.url} unreachable: ${(err as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length) {
      throw new ServiceCallError(
        body.errors.map((e) => e.message).join('; '),
        body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
      );
    }
    if (!res.ok || !body.data)
      throw new ServiceCallError(`${options.url} answered HTTP ${res.status}`);
    return body.data;
  };
}

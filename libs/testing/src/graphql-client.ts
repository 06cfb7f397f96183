import { ANONYMOUS, INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { internalTokenFor } from './viewers';

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  headers: Headers;
  data: TData | null | undefined;
  errors:
    { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] | undefined;
}

export interface GqlOptions {
  variables?: Record<string, unknown>;
  /** Internal viewer token (talking to a subgraph directly). */
  internalToken?: string;
  /** Person bearer token (talking to the gateway). */
  bearer?: string;
  apiKey?: string;
  headers?: Record<string, string>;
  operationName?: string;
}

/** POSTs a GraphQL operation over real HTTP and returns status, headers, data and errors. */
export async function gql<TData = Record<string, any>>(
  url: string,
  query: string,
  options: GqlOptions = {},
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  if (options.internalToken) headers[INTERNAL_TOKEN_HEADER] = options.internalToken;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query,
      variables: options.variables,
      operationName: options.operationName,
    }),
  });
  const text = await res.text();
  let body: { data?: TData | null; errors?: GraphQLResponse['errors'] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
}

/** The `extensions.code` of each error, for concise assertions. */
export function errorCodes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code ?? 'NONE'));
}

/**
 * `fetch` as the gateway forwards a route to a subgraph: with an internal token (for the
 * anonymous viewer unless the caller set one), which subgraphs require on every request.
 */
export async function fetchAsGateway(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has(INTERNAL_TOKEN_HEADER))
    headers.set(INTERNAL_TOKEN_HEADER, await internalTokenFor(ANONYMOUS));
  return fetch(url, { ...init, headers });
}

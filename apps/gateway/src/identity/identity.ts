import type { IncomingHttpHeaders } from 'node:http';
import { ANONYMOUS, type ApiClient, type PersonTokenVerifier, type Viewer } from '@portal/auth';
import { unauthenticated } from '@portal/errors';

/** Who is calling: nobody in particular, a signed-in person, or a partner agency's API key. */
export type Identity =
  | { kind: 'anonymous'; viewer: Viewer }
  | { kind: 'person'; viewer: Viewer & { id: string } }
  | { kind: 'partner'; viewer: Viewer; apiClient: ApiClient };

export type IdentityResolver = (headers: IncomingHttpHeaders) => Promise<Identity>;

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Reads the caller from `Authorization: Bearer <JWT>` or `x-api-key`. Presented
 * credentials that do not check out are refused (UNAUTHENTICATED), never downgraded to
 * anonymous, so a client with an expired token notices instead of silently seeing less.
 */
export function createIdentityResolver(deps: {
  verifyPersonToken: PersonTokenVerifier;
  authenticateApiKey: (key: string) => Promise<ApiClient | null>;
}): IdentityResolver {
  return async (headers) => {
    const authorization = single(headers.authorization);
    const apiKey = single(headers['x-api-key']);
    if (authorization !== undefined && apiKey !== undefined)
      throw unauthenticated('Send either a bearer token or an API key, not both');
    if (authorization !== undefined) {
      const match = BEARER.exec(authorization.trim());
      if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
      const viewer = await deps.verifyPersonToken(match[1]!);
      if (!viewer.id) throw unauthenticated('Invalid token: no subject');
      return {
        kind: 'person',
        viewer: { ...viewer, apiClient: null, service: null, id: viewer.id },
      };
    }
    if (apiKey !== undefined) {
      const apiClient = await deps.authenticateApiKey(apiKey.trim());
      if (!apiClient) throw unauthenticated('Unknown or revoked API key');
      return { kind: 'partner', apiClient, viewer: { ...ANONYMOUS, apiClient } };
    }
    return { kind: 'anonymous', viewer: ANONYMOUS };
  };
}

function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === '' ? undefined : v;
}

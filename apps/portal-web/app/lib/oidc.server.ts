// Production sign-in: OpenID Connect authorization-code flow with PKCE (RFC 7636) at the
// city's identity provider. Tokens stay on the server, in the HTTP-only session cookie.
import { createHash, randomBytes } from 'node:crypto';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

const discoveries = new Map<string, Promise<Discovery>>();

/** The issuer's endpoints, from its discovery document (fetched once per process). */
export function discover(issuer: string): Promise<Discovery> {
  let found = discoveries.get(issuer);
  if (!found) {
    found = (async () => {
      const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`OIDC discovery at ${url} answered ${res.status}`);
      return (await res.json()) as Discovery;
    })();
    found.catch(() => discoveries.delete(issuer));
    discoveries.set(issuer, found);
  }
  return found;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A fresh PKCE verifier with its S256 challenge, and random state and nonce. */
export function newPkce(): { verifier: string; challenge: string; state: string; nonce: string } {
  const verifier = base64url(randomBytes(32));
  return {
    verifier,
    challenge: base64url(createHash('sha256').update(verifier).digest()),
    state: base64url(randomBytes(16)),
    nonce: base64url(randomBytes(16)),
  };
}

export function authorizationUrl(
  endpoint: string,
  settings: OidcSettings,
  redirectUri: string,
  pkce: { challenge: string; state: string; nonce: string },
): string {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    scope: settings.scopes,
    state: pkce.state,
    nonce: pkce.nonce,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** Trades the authorization code (with the PKCE verifier) for tokens. */
export async function exchangeCode(
  endpoint: string,
  settings: OidcSettings,
  redirectUri: string,
  code: string,
  verifier: string,
): Promise<{ accessToken: string; idToken?: string }> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: settings.clientId,
    code_verifier: verifier,
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (settings.clientSecret)
    headers.authorization = `Basic ${Buffer.from(
      `${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`,
    ).toString('base64')}`;
  const res = await fetch(endpoint, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const json = (await res.json().catch(() => ({}))) as {
    access_token?: string;
    id_token?: string;
    error?: string;
  };
  if (!res.ok || !json.access_token)
    throw new Error(`token endpoint refused the code: ${json.error ?? res.status}`);
  return { accessToken: json.access_token, ...(json.id_token ? { idToken: json.id_token } : {}) };
}

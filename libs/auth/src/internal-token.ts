import { SignJWT, jwtVerify } from 'jose';
import { ANONYMOUS, isApiScope, isRole, type Viewer } from './viewer';

/** The header the gateway (and services calling each other) put the internal token in. */
export const INTERNAL_TOKEN_HEADER = 'x-portal-viewer';
export const REQUEST_ID_HEADER = 'x-request-id';
/** How long (ms) the caller will wait for this request; the callee bounds its own work by it. */
export const REQUEST_TIMEOUT_HEADER = 'x-portal-timeout-ms';

const ISSUER = 'portal-gateway';
const DEFAULT_TTL_SECONDS = 60;

/** The audience of tokens for one subgraph: a token for the library is refused by the forum. */
export function internalAudience(subgraph: string): string {
  return `portal-subgraph:${subgraph}`;
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export interface SignInternalTokenOptions {
  /** The subgraph(s) the token is for (their names); each verifies its own audience. */
  audience: string | readonly string[];
  ttlSeconds?: number;
  clientKey?: string;
}

/** Signs the viewer as a short-lived HS256 token that the named subgraphs trust (and nothing else). */
export async function signInternalToken(
  viewer: Viewer,
  secret: string,
  options: SignInternalTokenOptions,
): Promise<string> {
  const audiences = (
    typeof options.audience === 'string' ? [options.audience] : options.audience
  ).map(internalAudience);
  return new SignJWT({ v: viewer, ck: options.clientKey })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(audiences)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? DEFAULT_TTL_SECONDS}s`)
    .sign(keyOf(secret));
}

/**
 * `clientKey` is an opaque, stable-per-client key the gateway derives (e.g. a salted hash of
 * the client address and user agent), for "once per client" counting; null when unknown.
 */
export type InternalTokenResult =
  | { ok: true; viewer: Viewer; clientKey: string | null }
  | { ok: false; viewer: Viewer; clientKey: null; reason: string };

/**
 * Verifies an internal token for the subgraph named `audience`: signed with the secret,
 * issued by the gateway for this subgraph, with `exp` and `iat`. Missing, expired, forged,
 * misaddressed or malformed tokens are not ok (and carry the anonymous viewer).
 */
export async function verifyInternalToken(
  token: string | undefined,
  secret: string,
  options: { audience: string },
): Promise<InternalTokenResult> {
  if (!token) return { ok: false, viewer: ANONYMOUS, clientKey: null, reason: 'missing' };
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: internalAudience(options.audience),
      algorithms: ['HS256'],
      // A token without an expiry would be valid forever once leaked.
      requiredClaims: ['exp'],
    });
    const viewer = sanitizeViewer(payload.v);
    if (!viewer)
      return { ok: false, viewer: ANONYMOUS, clientKey: null, reason: 'malformed viewer' };
    return { ok: true, viewer, clientKey: str(payload.ck) };
  } catch (err) {
    return { ok: false, viewer: ANONYMOUS, clientKey: null, reason: (err as Error).message };
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function sanitizeViewer(raw: unknown): Viewer | null {
  if (!raw || typeof raw !== 'object') return null;
  const v = raw as Record<string, unknown>;
  const roles = Array.isArray(v.roles)
    ? v.roles.filter((r): r is string => typeof r === 'string').filter(isRole)
    : [];
  let apiClient: Viewer['apiClient'] = null;
  if (v.apiClient && typeof v.apiClient === 'object') {
    const c = v.apiClient as Record<string, unknown>;
    const id = str(c.id);
    const name = str(c.name);
    if (id && name) {
      apiClient = {
        id,
        name,
        tier: str(c.tier) ?? 'default',
        scopes: Array.isArray(c.scopes)
          ? c.scopes.filter((s): s is string => typeof s === 'string').filter(isApiScope)
          : [],
      };
    }
  }
  return {
    id: str(v.id),
    displayName: str(v.displayName),
    email: str(v.email),
    roles,
    department: str(v.department),
    apiClient,
    service: str(v.service),
  };
}

/** A viewer for one portal service calling another. */
export function serviceViewer(service: string): Viewer {
  return { ...ANONYMOUS, roles: [], service };
}

/**
 * Signs internal tokens and reuses each one (per viewer, client key and subgraph) for most
 * of its lifetime, so the gateway does not sign on every request. A token is handed out
 * only while it has at least a third of its lifetime left.
 */
export function createInternalTokenSigner(
  secret: string,
  options: { ttlSeconds?: number; maxEntries?: number } = {},
) {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { token: Promise<string>; reuseUntil: number }>();
  return function tokenFor(
    viewer: Viewer,
    subgraph: string,
    clientKey?: string | null,
  ): Promise<string> {
    const key = `${subgraph}\u0000${clientKey ?? ''}\u0000${JSON.stringify(viewer)}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.reuseUntil > now) return hit.token;
    if (cache.size >= maxEntries) {
      for (const [k, entry] of cache) if (entry.reuseUntil <= now) cache.delete(k);
      if (cache.size >= maxEntries) cache.clear();
    }
    const token = signInternalToken(viewer, secret, {
      audience: subgraph,
      ttlSeconds,
      clientKey: clientKey ?? undefined,
    });
    cache.set(key, { token, reuseUntil: now + (ttlSeconds * 1000 * 2) / 3 });
    token.catch(() => cache.delete(key));
    return token;
  };
}

export type InternalTokenSigner = ReturnType<typeof createInternalTokenSigner>;

import { SignJWT, jwtVerify } from 'jose';
import { ANONYMOUS, isApiScope, isRole, type Viewer } from './viewer';

/** The header the gateway (and services calling each other) put the internal token in. */
export const INTERNAL_TOKEN_HEADER = 'x-portal-viewer';
export const REQUEST_ID_HEADER = 'x-request-id';

const ISSUER = 'portal-gateway';
const AUDIENCE = 'portal-subgraph';
const DEFAULT_TTL_SECONDS = 60;

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs the viewer as a short-lived HS256 token that subgraphs trust (and nothing else). */
export async function signInternalToken(
  viewer: Viewer,
  secret: string,
  options: { ttlSeconds?: number; requestId?: string; clientKey?: string } = {},
): Promise<string> {
  return new SignJWT({ v: viewer, rid: options.requestId, ck: options.clientKey })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
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
 * Verifies an internal token. Missing, expired, forged or malformed tokens yield the
 * anonymous viewer, so calling a subgraph directly can never grant anything.
 */
export async function verifyInternalToken(
  token: string | undefined,
  secret: string,
): Promise<InternalTokenResult> {
  if (!token) return { ok: false, viewer: ANONYMOUS, clientKey: null, reason: 'missing' };
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
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

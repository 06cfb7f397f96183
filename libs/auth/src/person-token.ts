import {
  errors as joseErrors,
  createLocalJWKSet,
  createRemoteJWKSet,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose';
import { unauthenticated } from '@portal/errors';
import { isRole, type Role, type Viewer } from './viewer';

export interface PersonTokenConfig {
  issuer: string;
  audience: string;
  /** The identity provider's JWKS endpoint (production). */
  jwksUrl?: string;
  /** A PEM public key (local development, tests). */
  publicKeyPem?: string;
  /** Accepted signing algorithms. */
  algorithms?: string[];
  clockToleranceSeconds?: number;
  /** The longest a token may live (exp − iat); older tokens and longer-lived ones are refused. Default 24 h. */
  maxLifetimeSeconds?: number;
}

/** The default longest lifetime of a person's token (24 h). */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;

/**
 * What a client is told about a refused token: our own words only. The library's text
 * (which claim failed and how) helps an attacker tune forgeries and is never sent.
 */
function refusal(err: unknown) {
  if (err instanceof joseErrors.JWTExpired) return unauthenticated('Token expired');
  return unauthenticated('Invalid token');
}

export type PersonTokenVerifier = (token: string) => Promise<Viewer>;

/**
 * Verifies a person's JWT from the city's identity provider (signature, issuer,
 * audience, expiry) and maps its claims to a viewer. Any failure throws
 * UNAUTHENTICATED: a bad token is never treated as anonymous.
 */
export async function createPersonTokenVerifier(
  config: PersonTokenConfig,
): Promise<PersonTokenVerifier> {
  const algorithms = config.algorithms ?? ['ES256', 'RS256'];
  let key: JWTVerifyGetKey | KeyObject | Awaited<ReturnType<typeof importSPKI>>;
  if (config.jwksUrl) {
    key = createRemoteJWKSet(new URL(config.jwksUrl), {
      cooldownDuration: 30_000,
      cacheMaxAge: 600_000,
    });
  } else if (config.publicKeyPem) {
    key = await importSPKI(config.publicKeyPem, algorithms[0]!);
  } else {
    throw new Error('Person token verification needs a JWKS URL or a public key');
  }
  const maxLifetime = config.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  return async (token: string) => {
    let payload: JWTPayload;
    try {
      // maxTokenAge makes `iat` required, refuses one in the future beyond the clock
      // tolerance, and refuses tokens issued longer ago than the maximum lifetime.
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        clockTolerance: config.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: maxLifetime,
      }));
    } catch (err) {
      throw refusal(err);
    }
    // A token that claims to live longer than allowed is refused outright, not only once old.
    if (payload.exp! - payload.iat! > maxLifetime) throw unauthenticated('Invalid token');
    return viewerFromClaims(payload);
  };
}

/** Roles come from `roles` (array) or `role` (string); every signed-in person is at least a citizen. */
export function viewerFromClaims(payload: JWTPayload): Viewer {
  const raw = Array.isArray(payload.roles)
    ? payload.roles
    : typeof payload.role === 'string'
      ? [payload.role]
      : [];
  const roles = new Set<Role>(['citizen']);
  for (const r of raw) if (typeof r === 'string' && isRole(r)) roles.add(r);
  const name =
    typeof payload.name === 'string' && payload.name.trim()
      ? payload.name.trim().slice(0, 120)
      : null;
  const department =
    typeof payload.department === 'string' && payload.department ? payload.department : null;
  const email =
    typeof payload.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(payload.email)
      ? payload.email
      : null;
  return {
    id: payload.sub!,
    displayName: name ?? `Người dùng ${payload.sub!.slice(0, 8)}`,
    email,
    roles: [...roles],
    department,
    apiClient: null,
    service: null,
  };
}

export { createLocalJWKSet };

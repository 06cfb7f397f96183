import {
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
  return async (token: string) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        clockTolerance: config.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      throw unauthenticated(`Invalid token: ${(err as Error).message}`);
    }
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

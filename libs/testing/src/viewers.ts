import { SignJWT } from 'jose';
import {
  ANONYMOUS,
  internalAudience,
  signInternalToken,
  type Role,
  type Viewer,
} from '@portal/auth';
import { SUBGRAPHS } from '@portal/config';
import { TEST_INTERNAL_SECRET } from './test-env';

/** A signed-in person with `role` (every person is also a citizen). */
export function testViewer(role: Role, overrides: Partial<Viewer> = {}): Viewer {
  const id = overrides.id ?? `${role}-1`;
  return {
    ...ANONYMOUS,
    id,
    displayName: overrides.displayName ?? `Test ${role}`,
    roles: role === 'citizen' ? ['citizen'] : ['citizen', role],
    department: null,
    ...overrides,
  };
}

/**
 * The internal token a subgraph under test accepts for `viewer`, as the gateway would send
 * it. The gateway addresses each token to one subgraph; for brevity a test token is
 * addressed to every portal subgraph unless `audience` names some.
 */
export function internalTokenFor(
  viewer: Viewer,
  options: { secret?: string; clientKey?: string; audience?: string | string[] } = {},
): Promise<string> {
  return signInternalToken(viewer, options.secret ?? TEST_INTERNAL_SECRET, {
    audience: options.audience ?? SUBGRAPHS,
    clientKey: options.clientKey,
  });
}

/**
 * A token for `viewer` addressed to `subgraph` as the gateway's are, but with no expiry: what a
 * subgraph must refuse (a leaked one would work for ever).
 */
export function internalTokenWithoutExpiry(viewer: Viewer, subgraph: string): Promise<string> {
  return new SignJWT({ v: viewer })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('portal-gateway')
    .setAudience(internalAudience(subgraph))
    .sign(new TextEncoder().encode(TEST_INTERNAL_SECRET));
}

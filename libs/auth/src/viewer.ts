import { forbidden, unauthenticated } from '@portal/errors';

export const ROLES = ['citizen', 'contributor', 'editor', 'moderator', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What partner agencies may be granted on an API key. */
export const API_SCOPES = [
  'content:read',
  'library:read',
  'forum:read',
  'bulletin:read',
  'referral:read',
  'referral:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface ApiClient {
  id: string;
  name: string;
  scopes: ApiScope[];
  tier: string;
}

/** Who is asking. Anonymous viewers have no id, no roles and no API client. */
export interface Viewer {
  id: string | null;
  displayName: string | null;
  /** The person's e-mail from the identity provider, for notifications they asked for. */
  email: string | null;
  roles: Role[];
  /** Unit code from the shared directory, for officers. */
  department: string | null;
  apiClient: ApiClient | null;
  /** Name of the portal service making a service-to-service call. */
  service: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({
  id: null,
  displayName: null,
  email: null,
  roles: [],
  department: null,
  apiClient: null,
  service: null,
}) as Viewer;

export function isSignedIn(viewer: Viewer): viewer is Viewer & { id: string } {
  return viewer.id !== null;
}

/** Admins hold every role. */
export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  if (viewer.roles.includes('admin')) return true;
  return roles.some((r) => viewer.roles.includes(r));
}

export function hasScope(viewer: Viewer, scope: ApiScope): boolean {
  return viewer.apiClient?.scopes.includes(scope) ?? false;
}

/** Throws UNAUTHENTICATED for anonymous viewers (and API clients, which are not people). */
export function requireSignedIn(viewer: Viewer): asserts viewer is Viewer & { id: string } {
  if (!isSignedIn(viewer)) throw unauthenticated();
}

/** UNAUTHENTICATED when nobody is signed in, FORBIDDEN when the person lacks every role given. */
export function requireRole(
  viewer: Viewer,
  ...roles: Role[]
): asserts viewer is Viewer & { id: string } {
  requireSignedIn(viewer);
  if (!hasRole(viewer, ...roles)) throw forbidden(`Requires role ${roles.join(' or ')}`);
}

/** Passes for another portal service (a trusted internal caller), otherwise requires a role. */
export function requireServiceOrRole(viewer: Viewer, ...roles: Role[]): void {
  if (viewer.service) return;
  requireRole(viewer, ...roles);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

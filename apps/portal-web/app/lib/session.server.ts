// The visitor's session: an HTTP-only, same-site cookie holding their token (never readable by
// page scripts), who they are, and the PKCE state of a sign-in in progress.
import { createCookie, createCookieSessionStorage, redirect, type Session } from 'react-router';
import type { PortalLoadContext } from './context';
import { signInPath } from './sign-in-path';

export interface Viewer {
  id: string;
  name: string;
  roles: string[];
  department?: string;
}

interface SessionData {
  token: string;
  viewer: Viewer;
  /** Unix seconds when the token expires. */
  expiresAt: number;
  pkce: { verifier: string; state: string; nonce: string; returnTo: string };
}

interface FlashData {
  notice: string;
}

const storages = new Map<string, ReturnType<typeof makeStorage>>();

function makeStorage(secret: string, secure: boolean) {
  return createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: 'portal_session',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      secrets: [secret],
      maxAge: 12 * 3600,
    },
  });
}

export function sessionStorage(ctx: PortalLoadContext) {
  const key = `${ctx.config.sessionSecret}:${ctx.config.production}`;
  let storage = storages.get(key);
  if (!storage) {
    storage = makeStorage(ctx.config.sessionSecret, ctx.config.production);
    storages.set(key, storage);
  }
  return storage;
}

export type PortalSession = Session<SessionData, FlashData>;

export function getSession(request: Request, ctx: PortalLoadContext): Promise<PortalSession> {
  return sessionStorage(ctx).getSession(request.headers.get('cookie'));
}

export function commitSession(session: PortalSession, ctx: PortalLoadContext): Promise<string> {
  return sessionStorage(ctx).commitSession(session);
}

/** The signed-in visitor and their token, or nulls (an expired token counts as signed out). */
export async function currentViewer(
  request: Request,
  ctx: PortalLoadContext,
): Promise<{ viewer: Viewer | null; token: string | null; session: PortalSession }> {
  const session = await getSession(request, ctx);
  const token = session.get('token');
  const viewer = session.get('viewer');
  const expiresAt = session.get('expiresAt') ?? 0;
  if (!token || !viewer || expiresAt * 1000 < Date.now())
    return { viewer: null, token: null, session };
  return { viewer, token, session };
}

/** For pages that need a signed-in visitor: sends anyone else to sign in and back. */
export async function requireViewer(
  request: Request,
  ctx: PortalLoadContext,
  roles?: string[],
): Promise<{ viewer: Viewer; token: string; session: PortalSession }> {
  const found = await currentViewer(request, ctx);
  if (!found.viewer || !found.token) {
    const url = new URL(request.url);
    throw redirect(signInPath(url.pathname + url.search));
  }
  if (roles && !roles.some((r) => found.viewer!.roles.includes(r)))
    throw new Response('Forbidden', { status: 403 });
  return { viewer: found.viewer, token: found.token, session: found.session };
}

/** Only same-site paths may be returned to after signing in. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  return value;
}

/** The viewer a person token describes (the gateway verifies the token itself on every call). */
export function viewerFromToken(token: string): { viewer: Viewer; expiresAt: number } {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as {
    sub: string;
    name?: string;
    preferred_username?: string;
    roles?: string[];
    department?: string;
    exp?: number;
  };
  return {
    viewer: {
      id: claims.sub,
      name: claims.name ?? claims.preferred_username ?? claims.sub,
      roles: claims.roles ?? ['citizen'],
      ...(claims.department ? { department: claims.department } : {}),
    },
    expiresAt: claims.exp ?? Math.floor(Date.now() / 1000) + 3600,
  };
}

/** The UI language, from its own cookie (Vietnamese unless English was chosen). */
export const languageCookie = createCookie('portal_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

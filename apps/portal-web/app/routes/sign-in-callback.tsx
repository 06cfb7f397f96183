import { redirect } from 'react-router';
import { discover, exchangeCode } from '../lib/oidc.server';
import { commitSession, getSession, viewerFromToken } from '../lib/session.server';
import type { Route } from './+types/sign-in-callback';

/** The identity provider sends people back here with a code; the PKCE verifier proves it is ours. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = context.config.auth;
  if (auth.mode !== 'oidc') throw new Response('not found', { status: 404 });
  const url = new URL(request.url);
  const session = await getSession(request, context);
  const pkce = session.get('pkce');
  session.unset('pkce');
  const code = url.searchParams.get('code');
  if (!pkce || !code || url.searchParams.get('state') !== pkce.state)
    throw new Response('sign-in expired or forged; please sign in again', { status: 400 });
  const endpoints = await discover(auth.issuer);
  const tokens = await exchangeCode(
    endpoints.token_endpoint,
    auth,
    `${context.config.publicUrl}/dang-nhap/callback`,
    code,
    pkce.verifier,
  );
  const { viewer, expiresAt } = viewerFromToken(tokens.idToken ?? tokens.accessToken);
  session.set('token', tokens.accessToken);
  session.set('viewer', viewer);
  session.set('expiresAt', expiresAt);
  return redirect(pkce.returnTo, {
    headers: { 'set-cookie': await commitSession(session, context) },
  });
}

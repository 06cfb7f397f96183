import { Form, redirect } from 'react-router';
import { UNITS } from '@portal/reference-data';
import { SelectField } from '../components/list-filters';
import { DEV_ROLES, mintDevToken } from '../lib/dev-signin.server';
import { authorizationUrl, discover, newPkce } from '../lib/oidc.server';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import { commitSession, getSession, safeReturnPath, viewerFromToken } from '../lib/session.server';
import type { Route } from './+types/sign-in';

export async function loader({ request, context }: Route.LoaderArgs) {
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get('tiep'));
  const auth = context.config.auth;
  return {
    mode: auth.mode,
    returnTo,
    roles: auth.mode === 'dev' ? DEV_ROLES : [],
    units:
      auth.mode === 'dev'
        ? UNITS.filter((u) => u.kind === 'DEPARTMENT' || u.kind === 'AGENCY').map((u) => ({
            code: u.code,
            name: u.name,
          }))
        : [],
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const returnTo = safeReturnPath(String(form.get('returnTo') ?? '/'));
  const session = await getSession(request, context);
  const auth = context.config.auth;
  if (auth.mode === 'oidc') {
    const endpoints = await discover(auth.issuer);
    const pkce = newPkce();
    session.set('pkce', {
      verifier: pkce.verifier,
      state: pkce.state,
      nonce: pkce.nonce,
      returnTo,
    });
    const redirectUri = `${context.config.publicUrl}/dang-nhap/callback`;
    return redirect(authorizationUrl(endpoints.authorization_endpoint, auth, redirectUri, pkce), {
      headers: { 'set-cookie': await commitSession(session, context) },
    });
  }
  const minted = await mintDevToken(auth.keysDir, {
    role: String(form.get('role') ?? ''),
    name: String(form.get('name') ?? ''),
    department: String(form.get('department') ?? ''),
  });
  if ('error' in minted) return minted;
  const { viewer, expiresAt } = viewerFromToken(minted.token);
  session.set('token', minted.token);
  session.set('viewer', viewer);
  session.set('expiresAt', expiresAt);
  return redirect(returnTo, { headers: { 'set-cookie': await commitSession(session, context) } });
}

export const meta = sectionMeta({
  path: '/dang-nhap',
  title: { vi: 'Đăng nhập', en: 'Sign in' },
  noindex: true,
});

export default function SignIn({ loaderData, actionData: result }: Route.ComponentProps) {
  const { mode, returnTo, units, roles } = loaderData;
  const { t } = usePortal();
  return (
    <div className="narrow">
      <h1>{t('signInTitle')}</h1>
      {mode === 'oidc' ? (
        <Form method="post" reloadDocument>
          <input type="hidden" name="returnTo" value={returnTo} />
          <button type="submit">{t('signInWithCity')}</button>
        </Form>
      ) : (
        <Form method="post" className="stack" reloadDocument>
          <p>{t('devSignIn')}</p>
          <input type="hidden" name="returnTo" value={returnTo} />
          <fieldset>
            <legend>{t('role')}</legend>
            {roles.map((role, i) => (
              <div key={role} className="radio">
                <input
                  type="radio"
                  id={`role-${role}`}
                  name="role"
                  value={role}
                  defaultChecked={i === 0}
                />
                <label htmlFor={`role-${role}`}>{role}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="f-name">{t('displayName')}</label>
            <input
              id="f-name"
              name="name"
              required
              defaultValue="Nguyễn Văn An"
              autoComplete="name"
            />
          </div>
          <SelectField
            name="department"
            label={t('department')}
            options={units.map((u) => ({
              value: u.code,
              label: (
                <>
                  {u.name} ({u.code})
                </>
              ),
            }))}
            empty="—"
          />
          {result && 'error' in result && (
            <p role="alert" className="field-error">
              {result.field}: {result.error}
            </p>
          )}
          <button type="submit">{t('signIn')}</button>
        </Form>
      )}
    </div>
  );
}

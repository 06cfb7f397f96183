import { redirect } from 'react-router';
import { isLang } from '../lib/i18n';
import { languageCookie, safeReturnPath } from '../lib/session.server';
import type { Route } from './+types/language';

/** The language toggle: a form post, so it works without JavaScript. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const lang = form.get('lang');
  return redirect(safeReturnPath(String(form.get('back') ?? '/')), {
    headers: { 'set-cookie': await languageCookie.serialize(isLang(lang) ? lang : 'vi') },
  });
}

export function loader() {
  return redirect('/');
}

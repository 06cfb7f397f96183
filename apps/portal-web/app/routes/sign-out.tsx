import { redirect } from 'react-router';
import { sessionStorage, getSession } from '../lib/session.server';
import type { Route } from './+types/sign-out';

export async function action({ request, context }: Route.ActionArgs) {
  const session = await getSession(request, context);
  return redirect('/', {
    headers: { 'set-cookie': await sessionStorage(context).destroySession(session) },
  });
}

export function loader() {
  return redirect('/');
}

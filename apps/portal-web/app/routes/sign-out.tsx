import { redirect, type ActionFunctionArgs } from 'react-router';
import { sessionStorage, getSession } from '../lib/session.server';

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request, context);
  return redirect('/', {
    headers: { 'set-cookie': await sessionStorage(context).destroySession(session) },
  });
}

export function loader() {
  return redirect('/');
}

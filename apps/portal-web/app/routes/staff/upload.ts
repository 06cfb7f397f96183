// A file for the library: the browser's multipart body is streamed unchanged to the gateway's
// /uploads (the library checks type and size while it streams), with the editor's token added
// here, so the token never reaches page scripts. Then back to the library console.
import { redirect } from 'react-router';
import { requireViewer } from '../../lib/session.server';
import { EDITORIAL_ROLES } from '../../lib/staff';
import type { Route } from './+types/upload';

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context, EDITORIAL_ROLES);
  const back = (params: Record<string, string>) =>
    redirect(`/quan-tri/thu-vien?${new URLSearchParams(params).toString()}`);
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'content-type': request.headers.get('content-type') ?? '',
    'x-request-id': context.requestId,
    ...(context.clientIp ? { 'x-forwarded-for': context.clientIp } : {}),
  };
  const length = request.headers.get('content-length');
  if (length) headers['content-length'] = length;
  let res: Response;
  try {
    res = await fetch(`${context.config.graphqlUrl.replace(/\/graphql$/, '')}/uploads`, {
      method: 'POST',
      headers,
      body: request.body,
      duplex: 'half',
      signal: AbortSignal.timeout(10 * 60_000),
    } as RequestInit);
  } catch {
    return back({ loi: 'NETWORK' });
  }
  const json = (await res.json().catch(() => ({}))) as {
    file?: { id: string; originalName: string };
    error?: { code?: string; message?: string };
  };
  if (!res.ok || !json.file) return back({ loi: json.error?.message ?? `HTTP ${res.status}` });
  return back({ tep: json.file.id, ten: json.file.originalName });
}

export function loader() {
  return redirect('/quan-tri/thu-vien');
}

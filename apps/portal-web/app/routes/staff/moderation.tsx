import { Form, Link } from 'react-router';
import {
  ModerateContentDocument,
  ModerationQueueDocument,
  type ModerationAction,
} from '../../__generated__/graphql';
import { DateText, FormOutcome, NextPage } from '../../components/ui';
import { loadOrThrow, outcome, runOperation } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { MODERATOR_ROLES } from '../../lib/staff';
import type { Route } from './+types/moderation';

const ACTIONS: ModerationAction[] = ['HIDE', 'RESTORE', 'REMOVE'];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, MODERATOR_ROLES);
  const { after } = listQuery(request);
  const data = await loadOrThrow(context, ModerationQueueDocument, definedOnly({ after }), token);
  return { queue: data.moderationQueue };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context, MODERATOR_ROLES);
  const form = await request.formData();
  const action = ACTIONS.find((a) => a === form.get('action'));
  if (!action) throw new Response('unknown action', { status: 400 });
  const note = String(form.get('note') ?? '').trim();
  const result = await runOperation(
    context,
    ModerateContentDocument,
    { targetId: String(form.get('targetId')), action, ...(note ? { note } : {}) },
    token,
  );
  return outcome(result, () => action);
}

export default function Moderation({ loaderData, actionData: result }: Route.ComponentProps) {
  const { queue } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Hàng chờ kiểm duyệt', 'Moderation queue')}</h1>
      <FormOutcome
        done={result?.done && `${l('Đã xử lý', 'Done')}: ${result.done}`}
        error={result?.error}
      />
      <p className="meta">
        {queue?.totalCount ?? 0} {l('mục', 'items')} ·{' '}
        <Link to="/quan-tri/dien-dan">{l('Chủ đề diễn đàn', 'Forum threads')}</Link>
      </p>
      <ul className="queue">
        {(queue?.nodes ?? []).map((item) => (
          <li key={item.targetId} className="card" data-testid="queue-item">
            <p lang="vi">{item.excerpt}</p>
            <p className="meta">
              {item.targetKind} · {item.flagCount} {l('lượt báo', 'flags')} ·{' '}
              {item.reasons.join(', ')} · <DateText iso={item.createdAt} />
              {item.targetKind === 'THREAD' && (
                <>
                  {' · '}
                  <Link to={`/dien-dan/${item.targetId}`}>{l('Xem', 'View')}</Link>
                </>
              )}
            </p>
            <Form method="post" className="inline">
              <input type="hidden" name="targetId" value={item.targetId} />
              <label htmlFor={`note-${item.targetId}`}>{l('Ghi chú', 'Note')}</label>
              <input id={`note-${item.targetId}`} name="note" />
              {ACTIONS.map((a) => (
                <button key={a} type="submit" name="action" value={a}>
                  {a === 'HIDE'
                    ? l('Ẩn', 'Hide')
                    : a === 'RESTORE'
                      ? l('Khôi phục', 'Restore')
                      : l('Gỡ bỏ', 'Remove')}
                </button>
              ))}
            </Form>
          </li>
        ))}
      </ul>
      <NextPage page={queue} />
    </div>
  );
}

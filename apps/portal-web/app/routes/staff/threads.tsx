import { Link } from 'react-router';
import {
  AssignThreadDocument,
  HotlineCategoriesDocument,
  PostOfficialAnswerDocument,
  ReferThreadToHotlineDocument,
  StaffThreadsDocument,
  ThreadStatus,
} from '../../__generated__/graphql';
import { FilterFields, FilterForm, SearchField, SelectField } from '../../components/list-filters';
import { DateText, FormOutcome, IntentForm, NextPage } from '../../components/ui';
import { loadOrThrow, outcome, runOperation } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { hasRole, usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { CASEWORK_ROLES, MODERATOR_ROLES, statusFilter } from '../../lib/staff';
import type { Route } from './+types/threads';

const FILTERS = { status: statusFilter(Object.values(ThreadStatus), { id: 'tt' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token, viewer } = await requireViewer(request, context, CASEWORK_ROLES);
  const query = listQuery(request);
  const { params, q, after } = query;
  const moderator = hasRole(viewer, ...MODERATOR_ROLES);
  // Officers see the threads assigned to their unit; moderators choose.
  const department = moderator ? params.get('don-vi') || undefined : viewer.department;
  const { status } = query.filters(FILTERS);
  const [threads, categories] = await Promise.all([
    loadOrThrow(
      context,
      StaffThreadsDocument,
      {
        ...definedOnly({ department: department || undefined, status, q, after }),
        sort: q ? 'NEWEST' : 'UNANSWERED',
      },
      token,
    ),
    moderator ? runOperation(context, HotlineCategoriesDocument, {}, token) : null,
  ]);
  return {
    moderator,
    officer: viewer.roles.includes('officer'),
    department,
    status,
    q,
    threads: threads.threads,
    departments: threads.forumDepartments ?? [],
    categories: categories?.ok ? (categories.data.hotlineCategories ?? []) : [],
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context, CASEWORK_ROLES);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  const threadId = String(form.get('threadId'));
  if (intent === 'assign') {
    const r = await runOperation(
      context,
      AssignThreadDocument,
      { id: threadId, department: String(form.get('department')) },
      token,
    );
    return { threadId, ...outcome(r, (d) => `→ ${d.assignThread.assignedDepartment}`) };
  }
  if (intent === 'refer') {
    const note = String(form.get('note') ?? '').trim();
    const r = await runOperation(
      context,
      ReferThreadToHotlineDocument,
      { threadId, categoryCode: String(form.get('categoryCode')), ...(note ? { note } : {}) },
      token,
    );
    return { threadId, ...outcome(r, (d) => `1022: ${d.referThreadToHotline.trackingCode}`) };
  }
  if (intent === 'answer') {
    const r = await runOperation(
      context,
      PostOfficialAnswerDocument,
      { threadId, body: String(form.get('body') ?? '') },
      token,
    );
    return { threadId, ...outcome(r, (d) => d.postOfficialAnswer.status) };
  }
  throw new Response('unknown action', { status: 400 });
}

export default function StaffThreads({
  loaderData: data,
  actionData: result,
}: Route.ComponentProps) {
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Chủ đề diễn đàn', 'Forum threads')}</h1>
      <FormOutcome done={result?.done} error={result?.error} />
      {data.moderator && (
        <FilterForm search>
          <SearchField id="tq" label={l('Tìm', 'Search')} value={data.q} />
          <SelectField
            id="dv"
            name="don-vi"
            label={l('Đơn vị', 'Department')}
            options={data.departments.map((d) => ({ value: d.code, label: d.name }))}
            value={data.department}
            empty={l('Tất cả', 'All')}
          />
          <FilterFields filters={FILTERS} chosen={{ status: data.status }} />
        </FilterForm>
      )}
      <ul className="queue">
        {(data.threads?.nodes ?? []).map((th) => (
          <li key={th.id} className="card" data-testid="staff-thread">
            <h2>
              <Link to={`/dien-dan/${th.id}`}>{th.title}</Link>
            </h2>
            <p className="meta">
              {th.kind} · {th.status} · {th.voteCount} ↑ · {th.replyCount} ↩ ·{' '}
              {th.assignedDepartment ?? '—'} · <DateText iso={th.createdAt} />
            </p>
            {data.moderator && (
              <>
                <IntentForm intent="assign" hidden={{ threadId: th.id }} className="inline">
                  <label htmlFor={`as-${th.id}`}>{l('Giao cho', 'Assign to')}</label>
                  <select
                    id={`as-${th.id}`}
                    name="department"
                    defaultValue={th.assignedDepartment ?? ''}
                  >
                    {data.departments.map((d) => (
                      <option key={d.code} value={d.code}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                  <button type="submit">{l('Giao', 'Assign')}</button>
                </IntentForm>
                <IntentForm intent="refer" hidden={{ threadId: th.id }} className="inline">
                  <label htmlFor={`rf-${th.id}`}>
                    {l('Chuyển 1022, nhóm', 'Refer to 1022, category')}
                  </label>
                  <select id={`rf-${th.id}`} name="categoryCode">
                    {data.categories.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                  <label htmlFor={`rn-${th.id}`}>{l('Ghi chú', 'Note')}</label>
                  <input id={`rn-${th.id}`} name="note" />
                  <button type="submit">{l('Chuyển 1022', 'Refer')}</button>
                </IntentForm>
              </>
            )}
            {data.officer && th.status !== 'ANSWERED' && (
              <IntentForm intent="answer" hidden={{ threadId: th.id }} className="stack">
                <label htmlFor={`an-${th.id}`}>{l('Trả lời chính thức', 'Official answer')}</label>
                <textarea id={`an-${th.id}`} name="body" rows={4} required />
                <button type="submit">{l('Đăng trả lời', 'Post answer')}</button>
              </IntentForm>
            )}
          </li>
        ))}
      </ul>
      <NextPage page={data.threads} />
    </div>
  );
}

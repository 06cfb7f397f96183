import { Link } from 'react-router';
import {
  AddBulletinItemDocument,
  CreateBulletinIssueDocument,
  PublishBulletinIssueNowDocument,
  ScheduleBulletinIssueDocument,
  StaffBulletinIssuesDocument,
} from '../../__generated__/graphql';
import { DateText, Field, FormAnswer, FormOutcome, IntentForm, Section } from '../../components/ui';
import { loadOrThrow, outcome, runOperation, type ActionOutcome } from '../../lib/graphql.server';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { cityLocalToIso, EDITOR_ROLES } from '../../lib/staff';
import type { Route } from './+types/bulletins';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, EDITOR_ROLES);
  const [drafts, scheduled, published] = await Promise.all(
    (['DRAFT', 'SCHEDULED', 'PUBLISHED'] as const).map((status) =>
      loadOrThrow(context, StaffBulletinIssuesDocument, { status }, token),
    ),
  );
  return {
    issues: [drafts, scheduled, published].flatMap((d) => d!.bulletinIssues?.nodes ?? []),
    stats: drafts!.bulletinSubscriptionStats,
  };
}

export async function action({ request, context }: Route.ActionArgs): Promise<ActionOutcome> {
  const { token } = await requireViewer(request, context, EDITOR_ROLES);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  const id = String(form.get('id') ?? '');
  if (intent === 'create') {
    const editorial = String(form.get('editorial') ?? '').trim();
    const r = await runOperation(
      context,
      CreateBulletinIssueDocument,
      {
        input: {
          year: Number(form.get('year')),
          month: Number(form.get('month')),
          title: String(form.get('title') ?? ''),
          ...(editorial ? { editorial } : {}),
        },
      },
      token,
    );
    return outcome(r, (d) => `#${d.createBulletinIssue.number}`);
  }
  if (intent === 'add') {
    const note = String(form.get('note') ?? '').trim();
    const r = await runOperation(
      context,
      AddBulletinItemDocument,
      {
        issueId: id,
        section: String(form.get('section') ?? ''),
        articleId: String(form.get('articleId') ?? ''),
        ...(note ? { note } : {}),
      },
      token,
    );
    return outcome(r, () => 'added');
  }
  if (intent === 'publish') {
    const r = await runOperation(context, PublishBulletinIssueNowDocument, { id }, token);
    return outcome(r, (d) => d.publishBulletinIssueNow.status);
  }
  if (intent === 'schedule') {
    const at = cityLocalToIso(String(form.get('at') ?? ''));
    if (!at) {
      const fields = { at: 'Invalid date and time' };
      return { done: null, error: { code: 'BAD_USER_INPUT', message: 'at', fields } };
    }
    const r = await runOperation(context, ScheduleBulletinIssueDocument, { id, at }, token);
    return outcome(r, (d) => d.scheduleBulletinIssue.status);
  }
  throw new Response('unknown action', { status: 400 });
}

export default function StaffBulletins({ loaderData, actionData: result }: Route.ComponentProps) {
  const { issues, stats } = loaderData;
  const { l } = usePortal();
  const now = new Date();
  return (
    <div>
      <h1>{l('Bản tin CĐS', 'DX Bulletin')}</h1>
      {stats && (
        <p className="meta">
          {l('Người đăng ký', 'Subscribers')}: {stats.confirmed} {l('đã xác nhận', 'confirmed')},{' '}
          {stats.pending} {l('chờ xác nhận', 'pending')}
        </p>
      )}
      <FormOutcome done={result?.done} error={result?.error} />
      <ul className="queue">
        {issues.map((i) => (
          <li key={i.id} className="card">
            <h2>
              {i.status === 'PUBLISHED' ? (
                <Link to={`/ban-tin/${i.year}/${String(i.month).padStart(2, '0')}`}>{i.title}</Link>
              ) : (
                i.title
              )}
            </h2>
            <p className="meta">
              #{i.number} · {String(i.month).padStart(2, '0')}/{i.year} · {i.status}
              {i.scheduledAt && (
                <>
                  {' · '}
                  <DateText iso={i.scheduledAt} />
                </>
              )}
            </p>
            {i.status !== 'PUBLISHED' && (
              <>
                <IntentForm intent="add" hidden={{ id: i.id }} className="inline">
                  <label htmlFor={`sec-${i.id}`}>{l('Mục', 'Section')}</label>
                  <input id={`sec-${i.id}`} name="section" required defaultValue="Tin nổi bật" />
                  <label htmlFor={`art-${i.id}`}>{l('Mã bài viết', 'Article id')}</label>
                  <input id={`art-${i.id}`} name="articleId" required />
                  <label htmlFor={`note-${i.id}`}>{l('Ghi chú', 'Note')}</label>
                  <input id={`note-${i.id}`} name="note" />
                  <button type="submit">{l('Thêm bài', 'Add article')}</button>
                </IntentForm>
                <IntentForm intent="schedule" hidden={{ id: i.id }} className="inline">
                  <label htmlFor={`at-${i.id}`}>
                    {l('Hẹn giờ (giờ TP.HCM)', 'Schedule (city time)')}
                  </label>
                  <input id={`at-${i.id}`} name="at" type="datetime-local" required />
                  <button type="submit">{l('Hẹn giờ', 'Schedule')}</button>
                </IntentForm>
                <IntentForm intent="publish" hidden={{ id: i.id }}>
                  <button type="submit">{l('Phát hành ngay', 'Publish now')}</button>
                </IntentForm>
              </>
            )}
          </li>
        ))}
      </ul>
      <Section headingId="h-new-issue" title={l('Số mới', 'New issue')} className="panel">
        <IntentForm intent="create" className="stack">
          <FormAnswer error={result?.error}>
            <div className="columns two">
              <Field
                name="year"
                type="number"
                label={l('Năm', 'Year')}
                required
                defaultValue={now.getFullYear()}
              />
              <Field
                name="month"
                type="number"
                label={l('Tháng', 'Month')}
                required
                defaultValue={now.getMonth() + 1}
              />
            </div>
            <Field name="title" label={l('Tiêu đề', 'Title')} required />
            <Field name="editorial" label={l('Lời tòa soạn', 'Editorial')} multiline rows={4} />
          </FormAnswer>
          <button type="submit">{l('Tạo số mới', 'Create issue')}</button>
        </IntentForm>
      </Section>
    </div>
  );
}

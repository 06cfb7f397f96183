import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Link } from 'react-router';
import {
  ArchiveArticleDocument,
  PublishArticleDocument,
  ReturnArticleToDraftDocument,
  StaffArticleDocument,
  SubmitArticleForReviewDocument,
  UpdateArticleDocument,
} from '../../__generated__/graphql';
import { DateText, FormError, IntentForm, Notice, Section } from '../../components/ui';
import { loadOrThrow, runOperation, type GraphError } from '../../lib/graphql.server';
import { hasRole, usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { cityLocalToIso, EDITOR_ROLES, EDITORIAL_ROLES } from '../../lib/staff';
import { ArticleFields, articleInput } from '../../components/article-fields';
import type { Route } from './+types/article-edit';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { token, viewer } = await requireViewer(request, context, EDITORIAL_ROLES);
  const data = await loadOrThrow(context, StaffArticleDocument, { id: params.id }, token);
  if (!data.article) throw new Response('not found', { status: 404 });
  return {
    article: data.article,
    categories: data.categories ?? [],
    canPublish: hasRole(viewer, ...EDITOR_ROLES),
  };
}

/** The transitions that need nothing but the article's id, and what each reports when done. */
const ID_TRANSITIONS = new Map<
  string,
  { document: TypedDocumentNode<unknown, { id: string }>; done: string }
>([
  ['submit', { document: SubmitArticleForReviewDocument, done: 'submitted' }],
  ['draft', { document: ReturnArticleToDraftDocument, done: 'draft' }],
  ['archive', { document: ArchiveArticleDocument, done: 'archived' }],
]);

export async function action({ params, request, context }: Route.ActionArgs) {
  const id = params.id;
  const { token } = await requireViewer(request, context, EDITORIAL_ROLES);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  let error: GraphError | null = null;
  let done: string | null = null;
  switch (intent) {
    case 'save': {
      const input = articleInput(form);
      const expectedVersion = Number(form.get('expectedVersion'));
      const result = await runOperation(
        context,
        UpdateArticleDocument,
        {
          id,
          input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
          expectedVersion,
        },
        token,
      );
      if (!result.ok) {
        // Someone saved first: show their version beside what this editor typed.
        if (result.error.code === 'CONFLICT') {
          const newer = await runOperation(context, StaffArticleDocument, { id }, token);
          return {
            intent,
            error: result.error,
            done,
            mine: input,
            newer: newer.ok ? newer.data.article : null,
          };
        }
        return { intent, error: result.error, done, mine: input, newer: null };
      }
      done = 'saved';
      break;
    }
    case 'publish': {
      const raw = String(form.get('at') ?? '');
      const at = raw ? cityLocalToIso(raw) : null;
      if (raw && !at) {
        error = { code: 'BAD_USER_INPUT', message: 'at', fields: { at: 'Invalid date and time' } };
        break;
      }
      const r = await runOperation(
        context,
        PublishArticleDocument,
        { id, ...(at ? { at } : {}) },
        token,
      );
      if (!r.ok) error = r.error;
      else done = r.data.publishArticle.status === 'SCHEDULED' ? 'scheduled' : 'published';
      break;
    }
    default: {
      const transition = ID_TRANSITIONS.get(intent);
      if (!transition) throw new Response('unknown action', { status: 400 });
      const r = await runOperation(context, transition.document, { id }, token);
      if (!r.ok) error = r.error;
      else done = transition.done;
    }
  }
  return { intent, error, done, mine: null, newer: null };
}

export default function ArticleEdit({ loaderData, actionData: result }: Route.ComponentProps) {
  const { article, categories, canPublish } = loaderData;
  const { l } = usePortal();
  const messages: Record<string, string> = {
    saved: l('Đã lưu.', 'Saved.'),
    submitted: l('Đã gửi duyệt.', 'Sent for review.'),
    published: l('Đã xuất bản.', 'Published.'),
    scheduled: l('Đã hẹn giờ xuất bản.', 'Scheduled.'),
    draft: l('Đã trả về bản nháp.', 'Returned to draft.'),
    archived: l('Đã lưu trữ.', 'Archived.'),
  };
  const conflict = result?.error?.code === 'CONFLICT' ? result.newer : null;
  return (
    <div>
      <h1>{article.title}</h1>
      <p className="meta">
        <span data-testid="article-status">{article.status}</span> · {l('phiên bản', 'version')}{' '}
        {article.version}
        {article.status === 'PUBLISHED' && (
          <>
            {' · '}
            <Link to={`/bai-viet/${article.slug}`}>{l('Xem trên cổng', 'View on the portal')}</Link>
          </>
        )}
        {article.scheduledAt && article.status === 'SCHEDULED' && (
          <>
            {' · '}
            {l('hẹn giờ', 'scheduled for')} <DateText iso={article.scheduledAt} />
          </>
        )}
      </p>
      {result?.done && <Notice>{messages[result.done]}</Notice>}
      {conflict ? (
        <div className="notice error" role="alert">
          <p>
            {l(
              `Bài đã được người khác lưu (phiên bản ${conflict.version}). Nội dung mới nhất ở dưới; bản bạn nhập vẫn còn trong biểu mẫu.`,
              `Someone else saved this article (version ${conflict.version}). Their version is below; what you typed is still in the form.`,
            )}
          </p>
          <details open>
            <summary>{l('Phiên bản mới hơn', 'The newer version')}</summary>
            <p>
              <strong>{conflict.title}</strong>
            </p>
            <p>{conflict.summary}</p>
          </details>
        </div>
      ) : (
        <FormError error={result?.error} />
      )}

      <IntentForm
        intent="save"
        hidden={{ expectedVersion: conflict?.version ?? article.version }}
        className="stack"
      >
        <ArticleFields
          values={
            result?.mine ?? {
              title: article.title,
              summary: article.summary,
              body: article.body,
              kind: article.kind,
              scope: article.scope,
              tags: article.tags,
              categoryId: article.category?.id,
              sourceUnit: article.sourceUnit ?? undefined,
            }
          }
          error={result?.intent === 'save' ? result.error : null}
          categories={categories}
        />
        <button type="submit">{l('Lưu', 'Save')}</button>
      </IntentForm>

      <Section
        headingId="h-workflow"
        title={l('Quy trình biên tập', 'Editorial workflow')}
        className="panel"
      >
        <div className="actions">
          {article.status === 'DRAFT' && (
            <IntentForm intent="submit">
              <button type="submit">{l('Gửi duyệt', 'Send for review')}</button>
            </IntentForm>
          )}
          {canPublish && article.status !== 'PUBLISHED' && article.status !== 'ARCHIVED' && (
            <IntentForm intent="publish" className="inline">
              <label htmlFor="f-at">
                {l('Hẹn giờ (giờ TP.HCM, để trống: ngay)', 'At (city time; empty: now)')}
              </label>
              <input
                id="f-at"
                name="at"
                type="datetime-local"
                aria-describedby={result?.error?.fields?.at ? 'f-at-err' : undefined}
              />
              {result?.error?.fields?.at && (
                <span className="field-error" id="f-at-err">
                  {result.error.fields.at}
                </span>
              )}
              <button type="submit">{l('Xuất bản', 'Publish')}</button>
            </IntentForm>
          )}
          {canPublish && (article.status === 'IN_REVIEW' || article.status === 'SCHEDULED') && (
            <IntentForm intent="draft">
              <button type="submit">{l('Trả về nháp', 'Return to draft')}</button>
            </IntentForm>
          )}
          {canPublish && article.status === 'PUBLISHED' && (
            <IntentForm intent="archive">
              <button type="submit">{l('Lưu trữ', 'Archive')}</button>
            </IntentForm>
          )}
        </div>
      </Section>

      <Section headingId="h-revisions" title={l('Lịch sử sửa đổi', 'Revisions')} className="panel">
        <ol className="history">
          {(article.revisions ?? []).map((r) => (
            <li key={`${r.version}-${r.action}-${r.at}`}>
              v{r.version} · {r.action} · <DateText iso={r.at} /> · {r.by?.displayName}
              {r.changes.length > 0 && (
                <span className="meta"> ({r.changes.map((c) => c.field).join(', ')})</span>
              )}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

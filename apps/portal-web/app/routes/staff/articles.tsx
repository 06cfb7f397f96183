import { Form, Link, redirect } from 'react-router';
import {
  ArticleCategoriesDocument,
  CreateArticleDocument,
  EditorialArticlesDocument,
  ArticleStatus,
} from '../../__generated__/graphql';
import { ArticleFields, articleInput } from '../../components/article-fields';
import { FilterFields, FilterForm } from '../../components/list-filters';
import { DataTable, DateText, FormError, NextPage, Section } from '../../components/ui';
import { loadOrThrow, runOperation } from '../../lib/graphql.server';
import { definedOnly, listQuery } from '../../lib/list-query';
import { usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { EDITORIAL_ROLES, statusFilter } from '../../lib/staff';
import type { Route } from './+types/articles';

const FILTERS = { status: statusFilter(Object.values(ArticleStatus)) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token } = await requireViewer(request, context, EDITORIAL_ROLES);
  const query = listQuery(request);
  const { status } = query.filters(FILTERS);
  const [list, categories] = await Promise.all([
    loadOrThrow(
      context,
      EditorialArticlesDocument,
      definedOnly({ status, after: query.after }),
      token,
    ),
    runOperation(context, ArticleCategoriesDocument, {}, token),
  ]);
  return {
    status,
    list: list.editorialArticles,
    categories: categories.ok ? (categories.data.categories ?? []) : [],
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context, EDITORIAL_ROLES);
  const form = await request.formData();
  const input = articleInput(form);
  const result = await runOperation(
    context,
    CreateArticleDocument,
    { input: definedOnly(input) as typeof input },
    token,
  );
  if (result.ok) return redirect(`/quan-tri/bai-viet/${result.data.createArticle.id}`);
  return { error: result.error, values: input };
}

export default function StaffArticles({ loaderData, actionData: result }: Route.ComponentProps) {
  const { status, list, categories } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Bài viết', 'Articles')}</h1>
      <FilterForm>
        <FilterFields filters={FILTERS} chosen={{ status }} />
      </FilterForm>
      <DataTable
        caption={l('Bài viết', 'Articles')}
        columns={[
          l('Tiêu đề', 'Title'),
          l('Trạng thái', 'Status'),
          l('Tác giả', 'Author'),
          l('Cập nhật', 'Updated'),
        ]}
      >
        {(list?.nodes ?? []).map((a) => (
          <tr key={a.id}>
            <td>
              <Link to={`/quan-tri/bai-viet/${a.id}`}>{a.title}</Link>
            </td>
            <td>
              {a.status}
              {a.scheduledAt && a.status === 'SCHEDULED' && (
                <>
                  {' '}
                  (<DateText iso={a.scheduledAt} />)
                </>
              )}
            </td>
            <td>{a.author?.displayName}</td>
            <td>
              <DateText iso={a.updatedAt} />
            </td>
          </tr>
        ))}
      </DataTable>
      <NextPage page={list} />

      <Section headingId="h-new-article" title={l('Viết bài mới', 'New article')} className="panel">
        <FormError error={result?.error} />
        <Form method="post" className="stack">
          <ArticleFields values={result?.values} error={result?.error} categories={categories} />
          <button type="submit">{l('Tạo bản nháp', 'Create draft')}</button>
        </Form>
      </Section>
    </div>
  );
}

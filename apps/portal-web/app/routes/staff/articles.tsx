import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from 'react-router';
import {
  ArticleCategoriesDocument,
  CreateArticleDocument,
  EditorialArticlesDocument,
  type ArticleStatus,
} from '../../__generated__/graphql';
import { ArticleFields, articleInput } from '../../components/article-fields';
import { DateText, FormError, NextPage } from '../../components/ui';
import { loadOrThrow, runOperation } from '../../lib/graphql.server';
import { useL } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';

const STATUSES: ArticleStatus[] = ['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'];
const EDITORIAL = ['contributor', 'editor', 'admin'];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token } = await requireViewer(request, context, EDITORIAL);
  const params = new URL(request.url).searchParams;
  const status = STATUSES.find((s) => s === params.get('trang-thai'));
  const after = params.get('sau') || undefined;
  const [list, categories] = await Promise.all([
    loadOrThrow(
      context,
      EditorialArticlesDocument,
      { ...(status ? { status } : {}), ...(after ? { after } : {}) },
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

export async function action({ request, context }: ActionFunctionArgs) {
  const { token } = await requireViewer(request, context, EDITORIAL);
  const form = await request.formData();
  const input = articleInput(form);
  const clean = Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as typeof input;
  const result = await runOperation(context, CreateArticleDocument, { input: clean }, token);
  if (result.ok) return redirect(`/quan-tri/bai-viet/${result.data.createArticle.id}`);
  return { error: result.error, values: input };
}

export default function StaffArticles() {
  const { status, list, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const l = useL();
  return (
    <div>
      <h1>{l('Bài viết', 'Articles')}</h1>
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="st">{l('Trạng thái', 'Status')}</label>
          <select id="st" name="trang-thai" defaultValue={status ?? ''}>
            <option value="">{l('Tất cả', 'All')}</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <button type="submit">{l('Lọc', 'Filter')}</button>
      </form>
      <table className="table">
        <caption className="visually-hidden">{l('Bài viết', 'Articles')}</caption>
        <thead>
          <tr>
            <th scope="col">{l('Tiêu đề', 'Title')}</th>
            <th scope="col">{l('Trạng thái', 'Status')}</th>
            <th scope="col">{l('Tác giả', 'Author')}</th>
            <th scope="col">{l('Cập nhật', 'Updated')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      <NextPage cursor={list?.pageInfo.hasNextPage ? list.pageInfo.endCursor : null} />

      <section aria-labelledby="h-new-article" className="panel">
        <h2 id="h-new-article">{l('Viết bài mới', 'New article')}</h2>
        <FormError error={result?.error} />
        <Form method="post" className="stack">
          <ArticleFields values={result?.values} error={result?.error} categories={categories} />
          <button type="submit">{l('Tạo bản nháp', 'Create draft')}</button>
        </Form>
      </section>
    </div>
  );
}

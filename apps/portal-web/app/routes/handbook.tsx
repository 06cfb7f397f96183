import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { NewsListDocument } from '../__generated__/graphql';
import { NextPage } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listQuery } from '../lib/list-query';
import { pageMeta, rootData } from '../lib/meta';
import { usePortal } from '../lib/portal-data';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { after } = listQuery(request);
  const data = await loadOrThrow(context, NewsListDocument, {
    kind: 'HANDBOOK',
    ...definedOnly({ after }),
  });
  return { list: data.articles };
}

export const meta: MetaFunction = ({ matches }) => {
  const root = rootData(matches);
  return pageMeta(root, {
    title: root?.lang === 'en' ? 'DX Handbook' : 'Cẩm nang Chuyển đổi số',
    path: '/cam-nang',
  });
};

export default function Handbook() {
  const { list } = useLoaderData<typeof loader>();
  const { t } = usePortal();
  return (
    <div>
      <h1>{t('handbook')}</h1>
      <ol className="article-list large">
        {(list?.nodes ?? []).map((a) => (
          <li key={a.id}>
            <h2>
              <Link to={`/bai-viet/${a.slug}`}>{a.title}</Link>
            </h2>
            <p>{a.summary}</p>
          </li>
        ))}
      </ol>
      <NextPage page={list} />
    </div>
  );
}

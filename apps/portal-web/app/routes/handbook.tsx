import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { NewsListDocument } from '../__generated__/graphql';
import { ArticleTeaser } from '../components/article-teaser';
import { NextPage } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { after } = listQuery(request);
  const data = await loadOrThrow(context, NewsListDocument, {
    kind: 'HANDBOOK',
    ...definedOnly({ after }),
  });
  return { list: data.articles };
}

export const meta = sectionMeta({
  path: '/cam-nang',
  title: { vi: 'Cẩm nang Chuyển đổi số', en: 'DX Handbook' },
});

export default function Handbook() {
  const { list } = useLoaderData<typeof loader>();
  const { t } = usePortal();
  return (
    <div>
      <h1>{t('handbook')}</h1>
      <ol className="article-list large">
        {(list?.nodes ?? []).map((a) => (
          <ArticleTeaser key={a.id} article={a} />
        ))}
      </ol>
      <NextPage page={list} />
    </div>
  );
}

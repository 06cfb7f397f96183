import { NewsListDocument } from '../__generated__/graphql';
import { ArticleTeaser } from '../components/article-teaser';
import { NextPage } from '../components/ui';
import { loadOrThrow } from '../lib/graphql.server';
import { definedOnly, listQuery } from '../lib/list-query';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import type { Route } from './+types/handbook';

export async function loader({ request, context }: Route.LoaderArgs) {
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

export default function Handbook({ loaderData }: Route.ComponentProps) {
  const { list } = loaderData;
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

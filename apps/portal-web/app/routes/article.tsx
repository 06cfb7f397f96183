import { Link } from 'react-router';
import { sanitizeRichText } from '@portal/html';
import {
  ArticleExtrasDocument,
  ArticlePageDocument,
  ArticlePollDocument,
  RecordArticlePageViewDocument,
  RelatedArticlesDocument,
} from '../__generated__/graphql';
import { PollPanel } from '../components/poll';
import { Breadcrumb, DateText } from '../components/ui';
import { loadOrThrow, orNotFound, runOperation } from '../lib/graphql.server';
import { pageMeta, rootData } from '../lib/meta';
import { recordPageView } from '../lib/page-view.server';
import { usePortal } from '../lib/portal-data';
import { currentViewer } from '../lib/session.server';
import { sendSurveyForm } from '../lib/survey-answer.server';
import type { Route } from './+types/article';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const slug = params.slug;
  const { token } = await currentViewer(request, context);
  const [page, extras, poll] = await Promise.all([
    loadOrThrow(context, ArticlePageDocument, { slug }),
    runOperation(context, ArticleExtrasDocument, { slug }),
    runOperation(context, ArticlePollDocument, { slug }, token),
  ]);
  const article = orNotFound(page.article);
  const related = article.category
    ? await runOperation(context, RelatedArticlesDocument, { categoryId: article.category.id })
    : null;
  await recordPageView(request, context, RecordArticlePageViewDocument, (view) => ({
    id: article.id,
    ...view,
  }));
  return {
    article: { ...article, body: sanitizeRichText(article.body) },
    extras: extras.ok ? extras.data.article : null,
    poll: poll.ok ? (poll.data.article?.poll ?? null) : null,
    related: (related?.ok ? (related.data.articles?.nodes ?? []) : [])
      .filter((a) => a.id !== article.id)
      .slice(0, 5),
  };
}

/** Answers the article's poll (the page's only form). */
export async function action({ params, request, context }: Route.ActionArgs) {
  const { token } = await currentViewer(request, context);
  const [data, form] = await Promise.all([
    loadOrThrow(context, ArticlePollDocument, { slug: params.slug }, token),
    request.formData(),
  ]);
  const poll = orNotFound(data.article?.poll);
  return { poll: await sendSurveyForm(context, poll, form, 'submit', token) };
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const root = rootData(matches);
  if (!loaderData) return [{ title: 'Không tìm thấy' }];
  const { article, extras } = loaderData;
  const path = `/bai-viet/${article.slug}`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    inLanguage: 'vi',
    mainEntityOfPage: `${root?.publicUrl ?? ''}${path}`,
    ...(extras?.coverImageUrl ? { image: [extras.coverImageUrl] } : {}),
    ...(article.category ? { articleSection: article.category.name } : {}),
    keywords: article.tags.join(', '),
    author: {
      '@type': 'Organization',
      name: extras?.sourceUnitName ?? 'Sở Khoa học và Công nghệ TP.HCM',
    },
    publisher: { '@type': 'GovernmentOrganization', name: 'Cổng thông tin Chuyển đổi số TP.HCM' },
  };
  return [
    ...pageMeta(root, {
      title: article.title,
      description: article.summary,
      path,
      type: 'article',
      image: extras?.coverImageUrl ?? null,
    }),
    ...(article.publishedAt
      ? [{ property: 'article:published_time', content: article.publishedAt }]
      : []),
    { property: 'article:modified_time', content: article.updatedAt },
    ...(article.category ? [{ property: 'article:section', content: article.category.name }] : []),
    ...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
    { 'script:ld+json': jsonLd },
  ];
};

export default function ArticlePage({ loaderData, actionData: answered }: Route.ComponentProps) {
  const { article, extras, poll, related } = loaderData;
  const { t, lang } = usePortal();
  return (
    <article className="article" lang="vi">
      <Breadcrumb
        lang={lang}
        trail={[
          { to: '/tin-tuc', label: t('news') },
          ...(article.category ? [{ label: article.category.name }] : []),
        ]}
      />
      <h1>{article.title}</h1>
      <p className="meta" lang={lang}>
        {t('published')} <DateText iso={article.publishedAt} />
        {article.updatedAt !== article.publishedAt && (
          <>
            {' · '}
            {t('updated')} <DateText iso={article.updatedAt} />
          </>
        )}
        {' · '}
        {article.viewCount} {t('views')}
      </p>
      {extras?.coverImageUrl && (
        <img className="cover" src={extras.coverImageUrl} alt="" width="960" height="540" />
      )}
      <p className="lead">{article.summary}</p>
      <div className="prose" dangerouslySetInnerHTML={{ __html: article.body }} />
      {poll && (
        <div lang={lang}>
          <PollPanel poll={poll} outcome={answered?.poll} path={`/bai-viet/${article.slug}`} />
        </div>
      )}
      <dl className="facts" lang={lang}>
        {(extras?.sourceUnitName || article.sourceUnit) && (
          <>
            <dt>{t('sourceUnit')}</dt>
            <dd>{extras?.sourceUnitName ?? article.sourceUnit}</dd>
          </>
        )}
        {article.category && (
          <>
            <dt>{t('category')}</dt>
            <dd>{article.category.name}</dd>
          </>
        )}
        {article.tags.length > 0 && (
          <>
            <dt>{t('tags')}</dt>
            <dd>
              <ul className="tags">
                {article.tags.map((tag) => (
                  <li key={tag}>
                    <Link to={`/tin-tuc?q=${encodeURIComponent(tag)}`}>{tag}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {related.length > 0 && (
        <aside aria-labelledby="h-related" className="panel" lang={lang}>
          <h2 id="h-related">{t('related')}</h2>
          <ul className="article-list">
            {related.map((a) => (
              <li key={a.id} lang="vi">
                <Link to={`/bai-viet/${a.slug}`}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </article>
  );
}

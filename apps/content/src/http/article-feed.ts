import { Feed } from 'feed';
import { escapeHtml } from '@portal/html';
import type { ArticleDoc } from '../models/article.model';
import type { CategoryDoc } from '../models/category.model';
import { articleUrl, sourceUnitName, summaryOf } from '../domain/article-public';

export interface FeedContext {
  format: 'rss' | 'atom';
  /** PUBLIC_BASE_URL: the feed's own address (the gateway forwards /feeds). */
  publicBaseUrl: string;
  /** WEB_BASE_URL: the portal's pages the feed links to. */
  webBaseUrl: string;
  /** The feed's own query string (kind/category), kept in self links. */
  query: string;
  title: string;
  categories: Map<string, CategoryDoc>;
}

const PORTAL_NAME = 'Cổng thông tin Chuyển đổi số TP.HCM';

/**
 * RSS 2.0 and Atom 1.0 of published articles: its own links on the gateway, its items' on the web front end.
 * Titles and summaries are plain text, but the feed writer emits them where readers render
 * HTML (Atom `type="html"`, RSS `<description>`), so they are HTML-escaped here. A feed shows
 * only what the graph shows the public: the source unit or the portal, never the author.
 */
export function buildArticleFeed(articles: readonly ArticleDoc[], ctx: FeedContext): Feed {
  const base = ctx.publicBaseUrl;
  const web = ctx.webBaseUrl;
  const suffix = ctx.query ? `?${ctx.query}` : '';
  const updated = articles.reduce<Date>(
    (latest, a) => (a.updatedAt > latest ? a.updatedAt : latest),
    articles[0]?.updatedAt ?? new Date(0),
  );
  const feed = new Feed({
    id: `${base}/feeds/articles.atom${suffix}`,
    title: ctx.title,
    description:
      'Tin tức, kế hoạch, chương trình và cẩm nang chuyển đổi số của Thành phố Hồ Chí Minh',
    link: web,
    language: 'vi',
    updated,
    generator: PORTAL_NAME,
    copyright: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    ttl: 5,
    feedLinks: {
      rss: `${base}/feeds/articles.rss${suffix}`,
      atom: `${base}/feeds/articles.atom${suffix}`,
    },
    author: { name: PORTAL_NAME, link: web },
  });
  for (const article of articles) {
    const url = articleUrl(web, article.slug);
    const category = article.categoryId ? ctx.categories.get(String(article.categoryId)) : null;
    const unit = sourceUnitName(article.sourceUnit);
    feed.addItem({
      id: url,
      guid: url,
      link: url,
      title: escapeHtml(article.title),
      description: escapeHtml(summaryOf(article)),
      content: article.body,
      // RSS <pubDate> is the publication; Atom has <updated> and <published> apart.
      date: ctx.format === 'rss' ? (article.publishedAt ?? article.updatedAt) : article.updatedAt,
      published: article.publishedAt ?? article.updatedAt,
      category: [
        ...(category
          ? [
              {
                name: category.name,
                term: category.slug,
                domain: `${base}/categories/${category.slug}`,
              },
            ]
          : []),
        { name: article.kind, term: article.kind.toLowerCase() },
      ],
      author: [{ name: unit ?? PORTAL_NAME }],
      ...(article.coverImageUrl ? { image: absolute(web, article.coverImageUrl) } : {}),
    });
  }
  return feed;
}

function absolute(base: string, url: string): string {
  return url.startsWith('/') ? `${base}${url}` : url;
}

import type { Express, Request, Response } from 'express';
import { badInput } from '@portal/errors';
import { sendHttpError } from '@portal/http';
import type { Logger } from '@portal/logger';
import { ARTICLE_KINDS, type ArticleKind } from '../domain/article-enums';
import type { CategoryDoc } from '../models/category.model';
import type { ArticleQueryService } from '../services/article-query.service';
import type { CategoryService } from '../services/category.service';
import { buildArticleFeed } from './article-feed';

const FEED_SIZE = 50;
const KIND_TITLES: Record<ArticleKind, string> = {
  NEWS: 'Tin tức',
  PLAN: 'Kế hoạch',
  PROGRAMME: 'Chương trình',
  HANDBOOK: 'Cẩm nang Chuyển đổi số',
  ANNOUNCEMENT: 'Thông báo',
  COOPERATION: 'Hợp tác',
};

export interface FeedRouteDeps {
  queries: ArticleQueryService;
  categories: CategoryService;
  publicBaseUrl: string;
  webBaseUrl: string;
  logger: Logger;
}

/**
 * GET /feeds/articles.rss and /feeds/articles.atom (the gateway forwards /feeds/* here):
 * the latest published articles, optionally `?kind=NEWS` and/or `?category=<slug>`.
 */
export function mountFeedRoutes(app: Express, deps: FeedRouteDeps): void {
  const handle = (format: 'rss' | 'atom') => async (req: Request, res: Response) => {
    try {
      const kind = single(req.query.kind);
      const categorySlug = single(req.query.category);
      if (kind !== undefined && !(ARTICLE_KINDS as readonly string[]).includes(kind))
        throw badInput('kind', `must be one of ${ARTICLE_KINDS.join(', ')}`);
      if (categorySlug !== undefined && !/^[a-z0-9-]{1,80}$/.test(categorySlug))
        throw badInput('category', 'must be a category slug');
      const page = await deps.queries.listPublished(
        { kind: kind as ArticleKind | undefined, categorySlug },
        FEED_SIZE,
        null,
      );
      const categories = new Map<string, CategoryDoc>(
        (
          await deps.categories.byIds([
            ...new Set(page.nodes.filter((a) => a.categoryId).map((a) => String(a.categoryId))),
          ])
        ).map((c) => [String(c._id), c]),
      );
      const category = categorySlug ? await deps.categories.bySlug(categorySlug) : null;
      const titleParts = ['Cổng thông tin Chuyển đổi số TP.HCM'];
      if (kind) titleParts.push(KIND_TITLES[kind as ArticleKind]);
      if (category) titleParts.push(category.name);
      const query = new URLSearchParams({
        ...(kind ? { kind } : {}),
        ...(categorySlug ? { category: categorySlug } : {}),
      }).toString();
      const feed = buildArticleFeed(page.nodes, {
        format,
        publicBaseUrl: deps.publicBaseUrl,
        webBaseUrl: deps.webBaseUrl,
        query,
        title: titleParts.join(' — '),
        categories,
      });
      res.setHeader('cache-control', 'public, max-age=300');
      if (format === 'rss') res.type('application/rss+xml; charset=utf-8').send(feed.rss2());
      else res.type('application/atom+xml; charset=utf-8').send(feed.atom1());
    } catch (err) {
      sendHttpError(res, err, deps.logger);
    }
  };
  app.get('/feeds/articles.rss', handle('rss'));
  app.get('/feeds/articles.atom', handle('atom'));
}

function single(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badInput('query', 'each parameter may be given once');
  return value;
}

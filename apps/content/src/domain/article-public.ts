import { webPages } from '@portal/config';
import { unitByCode } from '@portal/reference-data';
import { excerpt, plainText } from '@portal/text';
import type { ArticleDoc } from '../models/article.model';

/** The public page of an article, on the web front end (WEB_BASE_URL). */
export function articleUrl(webBaseUrl: string, slug: string): string {
  return webPages(webBaseUrl).article(slug);
}

/** The editor's summary, or the first words of the body. */
export function summaryOf(article: Pick<ArticleDoc, 'summary' | 'body'>): string {
  return article.summary ?? excerpt(plainText(article.body), 240);
}

export function sourceUnitName(code: string | null): string | null {
  return code ? (unitByCode(code)?.name ?? null) : null;
}

/** What partners receive when an article is published: public fields only. */
export function articleWebhookPayload(
  article: ArticleDoc,
  webBaseUrl: string,
): Record<string, unknown> {
  return {
    id: String(article._id),
    slug: article.slug,
    title: article.title,
    summary: summaryOf(article),
    kind: article.kind,
    scope: article.scope,
    tags: article.tags,
    sourceUnit: article.sourceUnit,
    coverImageUrl: article.coverImageUrl,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt.toISOString(),
    url: articleUrl(webBaseUrl, article.slug),
  };
}

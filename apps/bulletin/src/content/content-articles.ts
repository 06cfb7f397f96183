import { DomainError } from '@portal/errors';
import { ServiceCallError, createServiceClient } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';

/** An article as the content subgraph shows it to the public (published articles only). */
export interface PublishedArticle {
  id: string;
  slug: string | null;
  title: string;
  summary: string | null;
}

export interface ContentArticlesOptions {
  /** Content's base URL (no path), e.g. http://127.0.0.1:4001. */
  contentUrl: string;
  internalTokenSecret: string;
  logger: Logger;
  timeoutMs?: number;
}

/** Content is down or answered an error: the caller cannot know whether an article is published. */
export class ContentUnavailableError extends DomainError {
  constructor(cause: unknown) {
    super(
      'INTERNAL_SERVER_ERROR',
      'The content service could not be reached to check the article; please try again shortly',
      { cause },
    );
  }
}

const ENTITIES_QUERY = /* GraphQL */ `
  query BulletinArticles($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Article {
        id
        slug
        title
        summary
      }
    }
  }
`;

const LIST_QUERY = /* GraphQL */ `
  query BulletinSeedArticles($first: Int) {
    articles(first: $first) {
      nodes {
        id
        slug
        title
        summary
      }
    }
  }
`;

// One content request resolves at most this many references.
const CHUNK = 100;

/**
 * Asks the content subgraph about articles as a signed service caller, which content
 * treats like the public: an article that is not published (draft, archived) comes back
 * as null, exactly as readers would see it.
 */
export function createContentArticles(options: ContentArticlesOptions) {
  const request = createServiceClient({
    target: 'content',
    url: `${options.contentUrl}/graphql`,
    service: 'bulletin',
    internalTokenSecret: options.internalTokenSecret,
    timeoutMs: options.timeoutMs ?? 5000,
  });
  const log = options.logger.child({ module: 'content-articles' });

  async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await request<T>(query, variables);
    } catch (err) {
      if (err instanceof ServiceCallError) {
        log.warn({ err: err.message, codes: err.codes }, 'content service call failed');
        throw new ContentUnavailableError(err);
      }
      throw err;
    }
  }

  return {
    /** The published articles among `ids`; an id missing from the map is not published (or unknown). */
    async findPublished(ids: readonly string[]): Promise<Map<string, PublishedArticle>> {
      const unique = [...new Set(ids)];
      const found = new Map<string, PublishedArticle>();
      for (let i = 0; i < unique.length; i += CHUNK) {
        const chunk = unique.slice(i, i + CHUNK);
        const data = await call<{ _entities: (PublishedArticle | null)[] }>(ENTITIES_QUERY, {
          representations: chunk.map((id) => ({ __typename: 'Article', id })),
        });
        for (const article of data._entities ?? []) if (article?.id) found.set(article.id, article);
      }
      return found;
    },

    /** The newest published articles (for demo data). */
    async listPublished(first: number): Promise<PublishedArticle[]> {
      const data = await call<{ articles: { nodes: PublishedArticle[] } }>(LIST_QUERY, { first });
      return data.articles?.nodes ?? [];
    },
  };
}

export type ContentArticles = ReturnType<typeof createContentArticles>;

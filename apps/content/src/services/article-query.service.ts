import { Types, type FilterQuery } from 'mongoose';
import type { Viewer } from '@portal/auth';
import {
  cachedListValue,
  emptyPage,
  findByIds,
  isObjectIdString,
  pageSize,
  pageCacheOf,
  paginate,
  type Page,
  type SortSpec,
} from '@portal/db';
import { parseArgs } from '@portal/graphql-kit';
import { queryTokens } from '@portal/text';
import { z } from 'zod';
import type { ArticleFilterInput, EditorialFilterInput } from '../domain/article-input';
import { editorialFilterInput, pageArgs, tagKey } from '../domain/article-input';
import { isVisibleTo } from '../domain/article-visibility';
import { isEditor, requireWriter } from '../domain/article-workflow';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  compareRanked,
  pageOfRanked,
  rankCandidates,
  type RankedCandidate,
  type SearchCandidate,
} from '../domain/search-ranking';
import type { ContentModels } from '../models';
import type { ArticleDoc } from '../models/article.model';
import type { CategoryDoc } from '../models/category.model';

export type ArticleConnectionResult = Page<ArticleDoc>;

const NEWEST_FIRST: SortSpec = [
  ['publishedAt', -1],
  ['_id', -1],
];
const CREATED_NEWEST_FIRST: SortSpec = [
  ['createdAt', -1],
  ['_id', -1],
];

/**
 * Search ranks in code (FerretDB has no $text): matches are fetched with a small projection,
 * the most recent first, up to this many; beyond it only the most recent matches are ranked.
 */
export const MAX_SEARCH_CANDIDATES = 5000;

/**
 * How many of a search's ranked results are kept for repeats (the first five pages), until
 * the articles' lists change: a popular search costs its candidates' scan once per change,
 * and a kept answer stays a few kilobytes in Redis however many articles match.
 */
export const KEPT_SEARCH_RESULTS = 100;

/** The head of a search's ranking as kept: its first results and how many matched in all. */
interface RankedHead {
  top: RankedCandidate[];
  total: number;
}

/** The public listing and the editorial lists, with the visibility rules applied in the query. */
export class ArticleQueryService {
  constructor(private readonly models: ContentModels) {}

  /** Published articles only, whoever asks: drafts never leak through lists or search. */
  async listPublished(
    filter: ArticleFilterInput | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<ArticleDoc>> {
    const query = await this.publicFilter(filter ?? {});
    if (query === null) return emptyPage();
    const tokens = filter?.search ? queryTokens(filter.search) : [];
    if (filter?.search && tokens.length === 0) return emptyPage();
    if (tokens.length > 0)
      return this.search({ ...query, searchTokens: { $all: tokens } }, tokens, first, after);
    return paginate(this.models.articles, { filter: query, sort: NEWEST_FIRST, first, after });
  }

  /**
   * The editorial list for contributors, editors and admins (checked before the arguments are
   * read). `filter.authorId` is the public id the graph shows (ArticleAuthor.id, made by
   * `toPublic`), not a subject.
   */
  async editorial(
    viewer: Viewer,
    args: { filter?: unknown; first?: unknown; after?: unknown },
    toPublic: (subject: string) => string,
  ): Promise<Page<ArticleDoc>> {
    requireWriter(viewer);
    const { filter, first, after } = parseArgs(
      z.object({ filter: editorialFilterInput, ...pageArgs }),
      args,
    );
    if (filter?.authorId) {
      const subject = await this.authorByPublicId(filter.authorId, toPublic);
      if (!subject) return emptyPage();
      return this.listEditorial(viewer, { ...filter, authorId: subject }, first, after);
    }
    return this.listEditorial(viewer, filter, first, after);
  }

  /**
   * The subject of the writer whose public id is `publicId`, among the people who wrote
   * articles (a few hundred contributors and editors at most), or null.
   */
  private async authorByPublicId(
    publicId: string,
    toPublic: (subject: string) => string,
  ): Promise<string | null> {
    const authors = (await this.models.articles.distinct('author.id').exec()) as string[];
    return authors.find((subject) => toPublic(subject) === publicId) ?? null;
  }

  /** Contributors see their own articles; editors and admins see all, optionally by author. */
  private async listEditorial(
    viewer: Viewer,
    filter: EditorialFilterInput | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<ArticleDoc>> {
    requireWriter(viewer);
    const query: FilterQuery<ArticleDoc> = {};
    if (filter?.status) query.status = filter.status;
    if (filter?.kind) query.kind = filter.kind;
    if (!isEditor(viewer)) query['author.id'] = viewer.id;
    else if (filter?.authorId) query['author.id'] = filter.authorId;
    return paginate(this.models.articles, {
      filter: query,
      sort: CREATED_NEWEST_FIRST,
      first,
      after,
    });
  }

  /** One article by slug or id, or null when it does not exist or the viewer may not see it. */
  async findOne(
    viewer: Viewer,
    by: { slug?: string | null; id?: string | null },
  ): Promise<ArticleDoc | null> {
    let article: ArticleDoc | null = null;
    if (by.id) {
      if (!isObjectIdString(by.id)) return null;
      article = await this.models.articles.findById(by.id).lean<ArticleDoc>().exec();
    } else if (by.slug) {
      article = await this.models.articles.findOne({ slug: by.slug }).lean<ArticleDoc>().exec();
    }
    return article && isVisibleTo(viewer, article) ? article : null;
  }

  /** Raw fetch for the per-request loader (visibility is applied by the caller). */
  async byIds(ids: readonly string[]): Promise<ArticleDoc[]> {
    const valid = ids.filter(isObjectIdString);
    if (valid.length === 0) return [];
    return findByIds<ArticleDoc>(this.models.articles, valid);
  }

  private async publicFilter(filter: ArticleFilterInput): Promise<FilterQuery<ArticleDoc> | null> {
    const query: FilterQuery<ArticleDoc> = { status: 'PUBLISHED' };
    if (filter.kind) query.kind = filter.kind;
    if (filter.scope) query.scope = filter.scope;
    if (filter.sourceUnit) query.sourceUnit = filter.sourceUnit;
    if (filter.tag) query.tagKeys = tagKey(filter.tag);
    if (filter.publishedSince) query.publishedAt = { $gte: filter.publishedSince };
    if (filter.categoryId || filter.categorySlug) {
      const ids = await this.categoryWithChildren(filter.categoryId, filter.categorySlug);
      if (ids.length === 0) return null;
      query.categoryId = { $in: ids };
    }
    return query;
  }

  private async categoryWithChildren(
    id: string | null | undefined,
    slug: string | null | undefined,
  ): Promise<Types.ObjectId[]> {
    const { categories } = this.models;
    const category = id
      ? await categories.findById(id).lean<CategoryDoc>().exec()
      : await categories.findOne({ slug }).lean<CategoryDoc>().exec();
    if (!category) return [];
    const children = await categories
      .find({ parentId: category._id }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return [category._id, ...children.map((c) => c._id)];
  }

  /**
   * Ranked search with keyset pagination over the computed order (score, publishedAt, id):
   * one query for the candidates' ranking fields, one for the page's articles. The head of the
   * ranking is kept with the list pages (KEPT_SEARCH_RESULTS), so a repeat of a search costs
   * only the page's articles by id until an article's lists change.
   */
  private async search(
    query: FilterQuery<ArticleDoc>,
    tokens: string[],
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<ArticleDoc>> {
    const limit = pageSize(first);
    const cursor = after ? decodeSearchCursor(after) : null;
    let ranked: RankedCandidate[] | null = null;
    const rankAll = async () => (ranked ??= await this.rankMatches(query, tokens));
    const owner = pageCacheOf(this.models.articles);
    const head: RankedHead = owner
      ? await cachedListValue(owner, ['search', query], async () => {
          const all = await rankAll();
          return { top: all.slice(0, KEPT_SEARCH_RESULTS), total: all.length };
        })
      : await rankAll().then((all) => ({ top: all, total: all.length }));
    // A page inside the kept head is served from it; a later one ranks every match again.
    const start = cursor ? head.top.findIndex((r) => compareRanked(r, cursor) > 0) : 0;
    const inHead =
      head.top.length === head.total || (start >= 0 && start + limit <= head.top.length);
    const { page, hasNextPage } = inHead
      ? pageOfRanked(head.top, limit, cursor)
      : pageOfRanked(await rankAll(), limit, cursor);
    const docs = page.length ? await this.byIds(page.map((r) => r.id)) : [];
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const nodes = page.map((r) => byId.get(r.id)).filter((d): d is ArticleDoc => Boolean(d));
    const last = page.at(-1);
    return {
      nodes,
      pageInfo: {
        hasNextPage: inHead && start >= 0 ? start + limit < head.total : hasNextPage,
        endCursor: last ? encodeSearchCursor(last) : null,
      },
      totalCount: async () => head.total,
    };
  }

  /** Every published match of a search (up to MAX_SEARCH_CANDIDATES, the newest), ranked. */
  private async rankMatches(
    query: FilterQuery<ArticleDoc>,
    tokens: string[],
  ): Promise<RankedCandidate[]> {
    const rows = await this.models.articles
      .find(query, { title: 1, titleTokens: 1, publishedAt: 1 })
      .sort({ publishedAt: -1, _id: -1 })
      .limit(MAX_SEARCH_CANDIDATES)
      .lean<{ _id: Types.ObjectId; title: string; titleTokens: string[]; publishedAt: Date }[]>()
      .exec();
    const candidates: SearchCandidate[] = rows.map((r) => ({
      id: String(r._id),
      title: r.title,
      titleTokens: r.titleTokens,
      publishedAt: r.publishedAt,
    }));
    return rankCandidates(tokens, candidates);
  }
}

import { Types } from 'mongoose';
import type { Viewer } from '@portal/auth';
import { createWithUniqueSlug, isObjectIdString } from '@portal/db';
import { badInput, conflict, notFound } from '@portal/errors';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import { plainText, searchTokens, slugify } from '@portal/text';
import { contributorRoleOf } from '../domain/contributor-role';
import { diffFields } from '../domain/article-changes';
import {
  createArticleInput,
  expectedVersionArgs,
  tagKey,
  updateArticleInput,
} from '../domain/article-input';
import { isVisibleTo } from '../domain/article-visibility';
import {
  assertCanEdit,
  assertCanPublish,
  assertCanReturnToDraft,
  assertCanSubmit,
  assertSchedulable,
  assertTransition,
  planPublish,
  requireWriter,
} from '../domain/article-workflow';
import type { ContentModels } from '../models';
import type { ArticleAuthorValue, ArticleDoc } from '../models/article.model';
import type { ArticleRevisionRepository } from '../models/article-revision.repository';
import type { ArticlePublicationService } from './article-publication.service';

export interface ArticleServiceDeps {
  models: ContentModels;
  revisions: ArticleRevisionRepository;
  publication: ArticlePublicationService;
  logger: Logger;
  now: () => Date;
}

/**
 * The editorial workflow: each command decides who may do it (before reading its input or
 * looking anything up), then validates the input, checks the transition and writes a new version through the revision repository.
 * Publishing and its side effects are ArticlePublicationService's.
 */
export class ArticleService {
  private readonly now: () => Date;
  private readonly log: Logger;

  constructor(private readonly deps: ArticleServiceDeps) {
    this.now = deps.now;
    this.log = deps.logger.child({ module: 'article-service' });
  }

  async create(viewer: Viewer, rawInput: unknown): Promise<ArticleDoc> {
    requireWriter(viewer);
    const input = parseInput(createArticleInput, rawInput);
    if (input.categoryId) await this.assertCategory(input.categoryId);
    const now = this.now();
    const author = authorOf(viewer);
    const tags = input.tags ?? [];
    const base: Omit<ArticleDoc, 'slug'> = {
      _id: new Types.ObjectId(),
      title: input.title,
      summary: input.summary ?? null,
      body: input.body,
      kind: input.kind,
      scope: input.scope ?? 'CITY',
      categoryId: input.categoryId ? new Types.ObjectId(input.categoryId) : null,
      tags,
      tagKeys: tags.map(tagKey),
      sourceUnit: input.sourceUnit ?? null,
      contributorRole: contributorRoleOf(viewer),
      coverImageUrl: input.coverImageUrl ?? null,
      author,
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      scheduledAt: null,
      ...tokensOf(input.title, input.summary ?? null, input.body, tags),
      createdAt: now,
      updatedAt: now,
    };
    const article = await createWithUniqueSlug<ArticleDoc>(
      this.deps.models.articles,
      slugify(input.title),
      (slug) => ({ ...base, slug }) as ArticleDoc,
    );
    await this.deps.models.revisions.create({
      articleId: article._id,
      version: 1,
      action: 'CREATED',
      at: now,
      by: author,
      changes: diffFields({}, article as unknown as Record<string, unknown>),
      patch: {},
      notifyPending: false,
    });
    this.log.info({ articleId: String(article._id), by: author.id }, 'article created');
    return article;
  }

  async update(
    viewer: Viewer,
    id: string,
    rawInput: unknown,
    rawExpectedVersion: unknown,
  ): Promise<ArticleDoc> {
    requireWriter(viewer);
    const { expectedVersion } = parseArgs(expectedVersionArgs, {
      expectedVersion: rawExpectedVersion,
    });
    const input = parseInput(updateArticleInput, rawInput);
    const article = await this.load(id, viewer);
    assertCanEdit(viewer, article);
    if (article.version !== expectedVersion)
      throw conflict(
        `The article changed since version ${expectedVersion} (now ${article.version}); reload and retry`,
      );
    const patch: Partial<ArticleDoc> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.summary !== undefined) patch.summary = input.summary;
    if (input.body !== undefined) patch.body = input.body;
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.scope !== undefined) patch.scope = input.scope;
    if (input.sourceUnit !== undefined) patch.sourceUnit = input.sourceUnit;
    if (input.coverImageUrl !== undefined) patch.coverImageUrl = input.coverImageUrl;
    if (input.tags !== undefined) {
      patch.tags = input.tags ?? [];
      patch.tagKeys = patch.tags.map(tagKey);
    }
    if (input.categoryId !== undefined) {
      if (input.categoryId) await this.assertCategory(input.categoryId);
      patch.categoryId = input.categoryId ? new Types.ObjectId(input.categoryId) : null;
    }
    if (input.slug !== undefined && input.slug !== article.slug) {
      const taken = await this.deps.models.articles.exists({ slug: input.slug });
      if (taken) throw conflict(`The slug "${input.slug}" is taken`);
      patch.slug = input.slug;
    }
    const next = { ...article, ...patch };
    Object.assign(patch, tokensOf(next.title, next.summary, next.body, next.tags));
    return this.deps.revisions.commit(article, 'UPDATED', authorOf(viewer), patch);
  }

  async submitForReview(viewer: Viewer, id: string): Promise<ArticleDoc> {
    requireWriter(viewer);
    const article = await this.load(id, viewer);
    assertCanSubmit(viewer, article);
    assertTransition(article.status, 'IN_REVIEW');
    return this.deps.revisions.commit(article, 'SUBMITTED', authorOf(viewer), {
      status: 'IN_REVIEW',
    });
  }

  /** Publishes now, or schedules when `at` is in the future (replacing an earlier schedule). */
  async publish(viewer: Viewer, id: string, at: Date | null | undefined): Promise<ArticleDoc> {
    assertCanPublish(viewer);
    const article = await this.load(id, viewer);
    const now = this.now();
    const plan = planPublish(at, now);
    assertSchedulable(plan, now);
    assertTransition(article.status, plan.status);
    if (plan.status === 'PUBLISHED')
      return this.deps.publication.publishNow(article, authorOf(viewer));

    const updated = await this.deps.revisions.commit(article, 'SCHEDULED', authorOf(viewer), {
      status: 'SCHEDULED',
      scheduledAt: plan.scheduledAt,
      publishedAt: null,
    });
    await this.deps.publication.schedule(updated);
    await this.deps.publication.unschedule(article);
    return updated;
  }

  async returnToDraft(viewer: Viewer, id: string): Promise<ArticleDoc> {
    requireWriter(viewer);
    const article = await this.load(id, viewer);
    assertCanReturnToDraft(viewer, article);
    assertTransition(article.status, 'DRAFT');
    const updated = await this.deps.revisions.commit(
      article,
      'RETURNED_TO_DRAFT',
      authorOf(viewer),
      {
        status: 'DRAFT',
        scheduledAt: null,
      },
    );
    await this.deps.publication.unschedule(article);
    return updated;
  }

  async archive(viewer: Viewer, id: string): Promise<ArticleDoc> {
    assertCanPublish(viewer);
    const article = await this.load(id, viewer);
    assertTransition(article.status, 'ARCHIVED');
    const updated = await this.deps.revisions.commit(article, 'ARCHIVED', authorOf(viewer), {
      status: 'ARCHIVED',
      scheduledAt: null,
    });
    await this.deps.publication.unschedule(article);
    return updated;
  }

  /** NOT_FOUND for a missing article and for one the viewer may not see (no leak of drafts). */
  private async load(id: string, viewer: Viewer): Promise<ArticleDoc> {
    if (!isObjectIdString(id)) throw notFound('Article');
    const article = await this.deps.models.articles.findById(id).lean<ArticleDoc>().exec();
    if (!article) throw notFound('Article');
    if (!isVisibleTo(viewer, article)) throw notFound('Article');
    return article;
  }

  private async assertCategory(categoryId: string): Promise<void> {
    if (!(await this.deps.models.categories.exists({ _id: categoryId })))
      throw badInput('input.categoryId', 'no such category');
  }
}

function authorOf(viewer: Viewer & { id: string }): ArticleAuthorValue;
function authorOf(viewer: Viewer): ArticleAuthorValue;
function authorOf(viewer: Viewer): ArticleAuthorValue {
  return { id: viewer.id!, displayName: viewer.displayName ?? viewer.id! };
}

/** The search fields of an article (`searchTokens`, `titleTokens`), from what readers search. */
export function tokensOf(
  title: string,
  summary: string | null,
  body: string,
  tags: readonly string[],
): Pick<ArticleDoc, 'searchTokens' | 'titleTokens'> {
  return {
    searchTokens: searchTokens(title, summary, plainText(body), tags.join(' ')),
    titleTokens: searchTokens(title),
  };
}

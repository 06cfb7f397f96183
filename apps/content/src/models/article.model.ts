import { Schema, type Model, type Types } from 'mongoose';
import {
  ARTICLE_KINDS,
  ARTICLE_SCOPES,
  ARTICLE_STATUSES,
  type ArticleKind,
  type ArticleScope,
  type ArticleStatus,
} from '../domain/article-enums';
import { CONTRIBUTOR_ROLES, type ContributorRole } from '../domain/contributor-role';
import {
  collectionSchema,
  defineModel,
  list,
  nullable,
  personRefSchema,
  required,
  trackGraphChanges,
  type PersonRef,
} from '@portal/db';

export type ArticleAuthorValue = PersonRef;

/** An article as stored. Only PUBLISHED ones are public (see domain/article-visibility). */
export interface ArticleDoc {
  _id: Types.ObjectId;
  slug: string;
  title: string;
  /** The editor's summary; null means "the first words of the body". */
  summary: string | null;
  /** Sanitized HTML. */
  body: string;
  kind: ArticleKind;
  scope: ArticleScope;
  categoryId: Types.ObjectId | null;
  tags: string[];
  /** Folded tags (slugs), for accent- and case-insensitive tag filters. */
  tagKeys: string[];
  sourceUnit: string | null;
  /**
   * The author's place in the contributor network when they created it (from their unit
   * claim); absent on articles written before it was recorded.
   */
  contributorRole?: ContributorRole | null;
  coverImageUrl: string | null;
  author: ArticleAuthorValue;
  status: ArticleStatus;
  version: number;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  /** Folded words of title, summary, body and tags (FerretDB has no $text). */
  searchTokens: string[];
  titleTokens: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const ArticleSchema = collectionSchema<ArticleDoc>('articles', {
  slug: required(String, { unique: true }),
  title: required(String),
  summary: nullable(String),
  body: required(String),
  kind: required(String, { enum: ARTICLE_KINDS }),
  scope: required(String, { enum: ARTICLE_SCOPES }),
  categoryId: nullable(Schema.Types.ObjectId),
  tags: list(String),
  tagKeys: list(String),
  sourceUnit: nullable(String),
  contributorRole: nullable(String, { enum: [...CONTRIBUTOR_ROLES, null] }),
  coverImageUrl: nullable(String),
  author: required(personRefSchema()),
  status: required(String, { enum: ARTICLE_STATUSES }),
  version: required(Number),
  publishedAt: nullable(Date),
  scheduledAt: nullable(Date),
  searchTokens: list(String),
  titleTokens: list(String),
  createdAt: required(Date),
  updatedAt: required(Date),
});

// Public lists: newest first within a status, optionally narrowed by kind or category.
ArticleSchema.index({ status: 1, publishedAt: -1, _id: -1 });
ArticleSchema.index({ status: 1, kind: 1, publishedAt: -1, _id: -1 });
ArticleSchema.index({ status: 1, categoryId: 1, publishedAt: -1, _id: -1 });
ArticleSchema.index({ searchTokens: 1 });
ArticleSchema.index({ tagKeys: 1 });
// Editorial lists and the sweeps of the maintenance job.
ArticleSchema.index({ status: 1, createdAt: -1, _id: -1 });
ArticleSchema.index({ 'author.id': 1, createdAt: -1, _id: -1 });
ArticleSchema.index({ status: 1, scheduledAt: 1 });
trackGraphChanges(ArticleSchema, {
  type: 'Article',
  // What lists filter and sort on, and the slug pages look articles up by.
  listPaths: [
    'status',
    'publishedAt',
    'kind',
    'scope',
    'categoryId',
    'tagKeys',
    'searchTokens',
    'titleTokens',
    'slug',
  ],
});

export type ArticleModel = Model<ArticleDoc>;

export const articleModel = defineModel('Article', ArticleSchema);

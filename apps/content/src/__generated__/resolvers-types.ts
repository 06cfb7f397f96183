import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ArticleDoc } from '../models/article.model';
import type { CategoryDoc } from '../models/category.model';
import type { RevisionDoc } from '../models/revision.model';
import type { ContentStatsResult, ArticleViewsResult } from '../services/content-stats.service';
import type { PortalStatsRef, KindAudienceResult } from '../services/portal-stats.service';
import type { MonthlyReportDoc, MonthlyReportInfoDoc } from '../models/monthly-report.model';
import type { ContributionStatsResult } from '../domain/contribution-stats';
import type { AudienceStats as AudienceStatsModel } from '@portal/db';
import type { ArticleConnectionResult } from '../services/article-query.service';
import type { ContentContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = {
  [_ in K]?: never;
};
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  DateTime: { input: Date; output: Date };
  _FieldSet: { input: any; output: any };
};

export type Article = {
  __typename?: 'Article';
  /**
   * The contributor who wrote it, for editorial staff (contributors, editors, admins); null
   * for everyone else, since the id is the person's identity-provider subject. Public bylines
   * use `sourceUnitName`.
   */
  author?: Maybe<ArticleAuthor>;
  /** Sanitized HTML. */
  body: Scalars['String']['output'];
  category?: Maybe<Category>;
  coverImageUrl?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: ArticleKind;
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who changed what, and when (editors only; null for everyone else). */
  revisions?: Maybe<Array<ArticleRevision>>;
  /** When a SCHEDULED article will be published. */
  scheduledAt?: Maybe<Scalars['DateTime']['output']>;
  scope: ArticleScope;
  /** ASCII slug folded from the Vietnamese title; stable once the article exists. */
  slug: Scalars['String']['output'];
  /** Unit code (from the city's directory) of the district or department that supplied it. */
  sourceUnit?: Maybe<Scalars['String']['output']>;
  /** The unit's name, for display. */
  sourceUnitName?: Maybe<Scalars['String']['output']>;
  status: ArticleStatus;
  /** The editor's summary, or the first words of the body. */
  summary: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Increases with every change; pass it back as `expectedVersion` to update. */
  version: Scalars['Int']['output'];
  /** Views counted so far, including those not yet flushed to the statistics. */
  viewCount: Scalars['Int']['output'];
};

/** The contributor who wrote an article (a value type: the forum owns `User`). */
export type ArticleAuthor = {
  __typename?: 'ArticleAuthor';
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

export type ArticleConnection = {
  __typename?: 'ArticleConnection';
  nodes: Array<Article>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ArticleFilter = {
  /** A category id; a top-level category includes its subcategories. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** A category slug; a top-level category includes its subcategories. */
  categorySlug?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<ArticleKind>;
  publishedSince?: InputMaybe<Scalars['DateTime']['input']>;
  scope?: InputMaybe<ArticleScope>;
  /** Accent-insensitive search; every word must match. Results are ranked by relevance. */
  search?: InputMaybe<Scalars['String']['input']>;
  sourceUnit?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** What an article is: news, a plan or programme, a handbook chapter (Cẩm nang CĐS), ... */
export type ArticleKind =
  'ANNOUNCEMENT' | 'COOPERATION' | 'HANDBOOK' | 'NEWS' | 'PLAN' | 'PROGRAMME';

export type ArticleRevision = {
  __typename?: 'ArticleRevision';
  action: RevisionAction;
  at: Scalars['DateTime']['output'];
  /** Who made the change; null when the system did (a scheduled publication). */
  by?: Maybe<ArticleAuthor>;
  changes: Array<FieldChange>;
  version: Scalars['Int']['output'];
};

/** Whether the article is about the city, the country or the world. */
export type ArticleScope = 'CITY' | 'NATIONAL' | 'WORLD';

/**
 * Editorial workflow. Only PUBLISHED articles are visible to the public and to partners;
 * every other status is visible to its author and to editors only.
 */
export type ArticleStatus = 'ARCHIVED' | 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'SCHEDULED';

export type ArticleViews = {
  __typename?: 'ArticleViews';
  article?: Maybe<Article>;
  views: Scalars['Int']['output'];
};

export type AudienceBucket = {
  __typename?: 'AudienceBucket';
  from: Scalars['DateTime']['output'];
  to: Scalars['DateTime']['output'];
  /** Approximate: a HyperLogLog estimate (standard error about 0.81 %). */
  uniqueReaders: Scalars['Int']['output'];
  /** Exact. */
  views: Scalars['Int']['output'];
};

export type AudienceDeviceCount = {
  __typename?: 'AudienceDeviceCount';
  device: DeviceClass;
  /** Share of the period's views, 0 to 1. */
  share: Scalars['Float']['output'];
  views: Scalars['Int']['output'];
};

export type AudienceReferrerCount = {
  __typename?: 'AudienceReferrerCount';
  referrer: ReferrerClass;
  share: Scalars['Float']['output'];
  views: Scalars['Int']['output'];
};

/** Where a reader was, by an offline IP-geolocation lookup where the view was reported; the address is never stored. */
export type AudienceRegion = 'ABROAD' | 'HCMC' | 'OTHER_PROVINCE' | 'UNKNOWN';

export type AudienceRegionCount = {
  __typename?: 'AudienceRegionCount';
  region: AudienceRegion;
  share: Scalars['Float']['output'];
  views: Scalars['Int']['output'];
};

/**
 * Readers of one section over a period, by whole city days (UTC+7). Views are exact;
 * distinct readers are a HyperLogLog estimate (standard error about 0.81 %): a signed-in person
 * counts once, an anonymous reader once per address per window.
 */
export type AudienceStats = {
  __typename?: 'AudienceStats';
  anonymousViews: Scalars['Int']['output'];
  byDevice: Array<AudienceDeviceCount>;
  byReferrer: Array<AudienceReferrerCount>;
  byRegion: Array<AudienceRegionCount>;
  /** Per day, week or month of the period (the first and last clipped to it). */
  series: Array<AudienceBucket>;
  signedInViews: Scalars['Int']['output'];
  /** Approximate (HyperLogLog). */
  uniqueReaders: Scalars['Int']['output'];
  /** Always true: uniqueReaders is an estimate. */
  uniqueReadersApproximate: Scalars['Boolean']['output'];
  /** Exact. */
  views: Scalars['Int']['output'];
};

export type CacheControlScope = 'PRIVATE' | 'PUBLIC';

/** A news category. Categories form a tree of at most two levels. */
export type Category = {
  __typename?: 'Category';
  children: Array<Category>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  parent?: Maybe<Category>;
  slug: Scalars['String']['output'];
};

/** View statistics for a period, counted by whole days in the city's time zone. */
export type ContentStats = {
  __typename?: 'ContentStats';
  byDevice: Array<DeviceViews>;
  from: Scalars['DateTime']['output'];
  to: Scalars['DateTime']['output'];
  topArticles: Array<ArticleViews>;
  totalViews: Scalars['Int']['output'];
};

/** View statistics for a period, counted by whole days in the city's time zone. */
export type ContentStatsTopArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The editorial workflow over a period, from the revision log (exact): articles submitted for
 * review, published (now or by schedule), and returned to their authors from review by an editor
 * (an author withdrawing their own submission is not counted); each article once per measure.
 */
export type ContributionStats = {
  __typename?: 'ContributionStats';
  /** Every role, in the enum's order. */
  byRole: Array<RoleContributions>;
  /** Units with a contribution in the period, by code (null last). */
  byUnit: Array<UnitContributions>;
  published: Scalars['Int']['output'];
  returned: Scalars['Int']['output'];
  submitted: Scalars['Int']['output'];
};

/**
 * The contributor network: the portal's reporters and editors (no unit), and the focal points of
 * departments (agencies, utilities) and of districts. Recorded on an article when it is created.
 */
export type ContributorRole =
  | 'CITY_REPORTER'
  | 'DEPARTMENT_FOCAL_POINT'
  | 'DISTRICT_FOCAL_POINT'
  /** Articles written before roles were recorded. */
  | 'UNKNOWN';

export type CreateArticleInput = {
  body: Scalars['String']['input'];
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  coverImageUrl?: InputMaybe<Scalars['String']['input']>;
  kind: ArticleKind;
  scope?: InputMaybe<ArticleScope>;
  sourceUnit?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
};

export type CreateCategoryInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type DeviceClass = 'DESKTOP' | 'MOBILE' | 'TABLET';

export type DeviceViews = {
  __typename?: 'DeviceViews';
  device: DeviceClass;
  /** Share of all views in the period, from 0 to 1. */
  share: Scalars['Float']['output'];
  views: Scalars['Int']['output'];
};

export type EditorialArticleFilter = {
  /** Only articles by this author (contributors always see only their own). */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<ArticleKind>;
  status?: InputMaybe<ArticleStatus>;
};

export type FieldChange = {
  __typename?: 'FieldChange';
  field: Scalars['String']['output'];
  /** The value before, as text (null when it was empty). */
  from?: Maybe<Scalars['String']['output']>;
  /** The value after, as text (null when it was cleared). */
  to?: Maybe<Scalars['String']['output']>;
};

export type KindAudience = {
  __typename?: 'KindAudience';
  kind: ArticleKind;
  /** Approximate (HyperLogLog). */
  uniqueReaders: Scalars['Int']['output'];
  /** Exact. */
  views: Scalars['Int']['output'];
};

/**
 * The portal's report for one city month, built by the content worker just after the month ends
 * from every part of portalStats (by week), and e-mailed to the leaders who subscribed.
 */
export type MonthlyReport = {
  __typename?: 'MonthlyReport';
  /** Every figure, one row each: month, part, metric, value (UTF-8 with a BOM). */
  csv: Scalars['String']['output'];
  generatedAt: Scalars['DateTime']['output'];
  /** A self-contained printable page. */
  html: Scalars['String']['output'];
  /** Parts whose subgraph could not answer when the report was built (normally none). */
  missingParts: Array<Scalars['String']['output']>;
  /** The city month, e.g. 2025-11. */
  month: Scalars['String']['output'];
};

export type MonthlyReportInfo = {
  __typename?: 'MonthlyReportInfo';
  generatedAt: Scalars['DateTime']['output'];
  missingParts: Array<Scalars['String']['output']>;
  month: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Takes an article out of circulation (editors, admins). */
  archiveArticle: Article;
  /** A new DRAFT (contributors, editors, admins). */
  createArticle: Article;
  createCategory: Category;
  /** Publishes now (no `at`, or `at` in the past) or schedules for `at` (editors, admins). */
  publishArticle: Article;
  /** Counts a view (anonymous allowed); repeated views from one client within a short window count once. True when counted. */
  recordArticleView: Scalars['Boolean']['output'];
  /** Back to DRAFT: returns a submission, unschedules, unpublishes or restores an archived article (editors, admins; authors may withdraw their own submission). */
  returnArticleToDraft: Article;
  /** DRAFT → IN_REVIEW (the author, editors, admins). */
  submitArticleForReview: Article;
  /** Editors and admins: receive the monthly report by e-mail (at the account's address). True. */
  subscribeMonthlyReport: Scalars['Boolean']['output'];
  /** Editors and admins: stop receiving it. False (no longer subscribed). */
  unsubscribeMonthlyReport: Scalars['Boolean']['output'];
  /** Changes an article; CONFLICT when `expectedVersion` is stale. */
  updateArticle: Article;
};

export type MutationArchiveArticleArgs = {
  id: Scalars['ID']['input'];
};

export type MutationCreateArticleArgs = {
  input: CreateArticleInput;
};

export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};

export type MutationPublishArticleArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};

export type MutationRecordArticleViewArgs = {
  campaign?: InputMaybe<Scalars['String']['input']>;
  device: DeviceClass;
  id: Scalars['ID']['input'];
  referrer?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<AudienceRegion>;
};

export type MutationReturnArticleToDraftArgs = {
  id: Scalars['ID']['input'];
};

export type MutationSubmitArticleForReviewArgs = {
  id: Scalars['ID']['input'];
};

export type MutationUpdateArticleArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateArticleInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * Statistics of the whole portal for one period, keyed by the period; every subgraph adds the
 * parts it owns and checks the viewer itself (editors and admins).
 */
export type PortalStats = {
  __typename?: 'PortalStats';
  /** Article views, all kinds. */
  articles: AudienceStats;
  /** Article views per kind (news, plans, handbook…). */
  articlesByKind: Array<KindAudience>;
  /** Articles submitted, published and returned, per source unit and per contributor role. */
  contributions: ContributionStats;
  from: Scalars['DateTime']['output'];
  granularity: StatGranularity;
  /** The period: `<from>|<to>|<granularity>`. */
  id: Scalars['ID']['output'];
  to: Scalars['DateTime']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One article by slug or id; null when it does not exist or is not visible to the viewer. */
  article?: Maybe<Article>;
  /** Published articles, newest first (or by relevance with `search`). `first` defaults to 20, at most 100. */
  articles?: Maybe<ArticleConnection>;
  /** Top-level categories with their subcategories. */
  categories?: Maybe<Array<Category>>;
  category?: Maybe<Category>;
  /** Views for a period (editors and admins). */
  contentStats?: Maybe<ContentStats>;
  /** Articles in the editorial workflow (contributors: their own; editors and admins: all). */
  editorialArticles?: Maybe<ArticleConnection>;
  /** One month's report, e.g. month: "2025-11", with its CSV and printable HTML (editors and admins). */
  monthlyReport?: Maybe<MonthlyReport>;
  /** Whether the signed-in editor or admin receives the monthly report by e-mail. */
  monthlyReportSubscribed?: Maybe<Scalars['Boolean']['output']>;
  /** The monthly reports built so far, newest first (editors and admins). */
  monthlyReports?: Maybe<Array<MonthlyReportInfo>>;
  /**
   * Portal-wide statistics for a period (editors and admins): each part is served by the
   * subgraph that owns it (articles here; library, forum, bulletin and referrals by theirs).
   */
  portalStats?: Maybe<PortalStats>;
};

export type QueryArticleArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type QueryArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryCategoryArgs = {
  slug: Scalars['String']['input'];
};

export type QueryContentStatsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type QueryEditorialArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EditorialArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryMonthlyReportArgs = {
  month: Scalars['String']['input'];
};

export type QueryPortalStatsArgs = {
  from: Scalars['DateTime']['input'];
  granularity?: StatGranularity;
  to: Scalars['DateTime']['input'];
};

export type ReferrerClass = 'BULLETIN' | 'DIRECT' | 'OTHER' | 'PARTNER' | 'SEARCH' | 'SOCIAL';

/** What a revision recorded. */
export type RevisionAction =
  | 'ARCHIVED'
  | 'CREATED'
  | 'PUBLISHED'
  | 'RETURNED_TO_DRAFT'
  | 'SCHEDULED'
  | 'SUBMITTED'
  | 'UPDATED';

export type RoleContributions = {
  __typename?: 'RoleContributions';
  published: Scalars['Int']['output'];
  returned: Scalars['Int']['output'];
  role: ContributorRole;
  submitted: Scalars['Int']['output'];
};

export type StatGranularity =
  | 'DAY'
  | 'MONTH'
  /** ISO weeks, Monday to Sunday. */
  | 'WEEK';

export type UnitContributions = {
  __typename?: 'UnitContributions';
  published: Scalars['Int']['output'];
  returned: Scalars['Int']['output'];
  submitted: Scalars['Int']['output'];
  /** The articles' source unit code; null for articles without one. */
  unit?: Maybe<Scalars['String']['output']>;
  unitName?: Maybe<Scalars['String']['output']>;
};

/** Only the fields given change; null clears an optional field. */
export type UpdateArticleInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  coverImageUrl?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<ArticleKind>;
  scope?: InputMaybe<ArticleScope>;
  slug?: InputMaybe<Scalars['String']['input']>;
  sourceUnit?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
  reference: TReference,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
type NullableCheck<T, S> =
  Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> =
  | ResolverFn<TResult, TParent, TContext, TArgs>
  | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<
  TResult,
  TKey extends string,
  TParent,
  TContext,
  TArgs,
> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = {},
  TContext = {},
  TArgs = {},
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Article: ResolverTypeWrapper<ArticleDoc>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ArticleAuthor: ResolverTypeWrapper<ArticleAuthor>;
  ArticleConnection: ResolverTypeWrapper<ArticleConnectionResult>;
  ArticleFilter: ArticleFilter;
  ArticleKind: ArticleKind;
  ArticleRevision: ResolverTypeWrapper<RevisionDoc>;
  ArticleScope: ArticleScope;
  ArticleStatus: ArticleStatus;
  ArticleViews: ResolverTypeWrapper<ArticleViewsResult>;
  AudienceBucket: ResolverTypeWrapper<AudienceBucket>;
  AudienceDeviceCount: ResolverTypeWrapper<AudienceDeviceCount>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AudienceReferrerCount: ResolverTypeWrapper<AudienceReferrerCount>;
  AudienceRegion: AudienceRegion;
  AudienceRegionCount: ResolverTypeWrapper<AudienceRegionCount>;
  AudienceStats: ResolverTypeWrapper<AudienceStatsModel>;
  CacheControlScope: CacheControlScope;
  Category: ResolverTypeWrapper<CategoryDoc>;
  ContentStats: ResolverTypeWrapper<ContentStatsResult>;
  ContributionStats: ResolverTypeWrapper<ContributionStatsResult>;
  ContributorRole: ContributorRole;
  CreateArticleInput: CreateArticleInput;
  CreateCategoryInput: CreateCategoryInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceClass: DeviceClass;
  DeviceViews: ResolverTypeWrapper<DeviceViews>;
  EditorialArticleFilter: EditorialArticleFilter;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  KindAudience: ResolverTypeWrapper<KindAudienceResult>;
  MonthlyReport: ResolverTypeWrapper<MonthlyReportDoc>;
  MonthlyReportInfo: ResolverTypeWrapper<MonthlyReportInfoDoc>;
  Mutation: ResolverTypeWrapper<{}>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PortalStats: ResolverTypeWrapper<PortalStatsRef>;
  Query: ResolverTypeWrapper<{}>;
  ReferrerClass: ReferrerClass;
  RevisionAction: RevisionAction;
  RoleContributions: ResolverTypeWrapper<RoleContributions>;
  StatGranularity: StatGranularity;
  UnitContributions: ResolverTypeWrapper<UnitContributions>;
  UpdateArticleInput: UpdateArticleInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Article: ArticleDoc;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ArticleAuthor: ArticleAuthor;
  ArticleConnection: ArticleConnectionResult;
  ArticleFilter: ArticleFilter;
  ArticleRevision: RevisionDoc;
  ArticleViews: ArticleViewsResult;
  AudienceBucket: AudienceBucket;
  AudienceDeviceCount: AudienceDeviceCount;
  Float: Scalars['Float']['output'];
  AudienceReferrerCount: AudienceReferrerCount;
  AudienceRegionCount: AudienceRegionCount;
  AudienceStats: AudienceStatsModel;
  Category: CategoryDoc;
  ContentStats: ContentStatsResult;
  ContributionStats: ContributionStatsResult;
  CreateArticleInput: CreateArticleInput;
  CreateCategoryInput: CreateCategoryInput;
  DateTime: Scalars['DateTime']['output'];
  DeviceViews: DeviceViews;
  EditorialArticleFilter: EditorialArticleFilter;
  FieldChange: FieldChange;
  KindAudience: KindAudienceResult;
  MonthlyReport: MonthlyReportDoc;
  MonthlyReportInfo: MonthlyReportInfoDoc;
  Mutation: {};
  PageInfo: PageInfo;
  PortalStats: PortalStatsRef;
  Query: {};
  RoleContributions: RoleContributions;
  UnitContributions: UnitContributions;
  UpdateArticleInput: UpdateArticleInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<
  Result,
  Parent,
  ContextType = ContentContext,
  Args = CacheControlDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ArticleResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['Article']>,
    { __typename: 'Article' } & GraphQLRecursivePick<ParentType, { id: true }>,
    ContextType
  >;
  author?: Resolver<Maybe<ResolversTypes['ArticleAuthor']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  coverImageUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ArticleKind'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revisions?: Resolver<Maybe<Array<ResolversTypes['ArticleRevision']>>, ParentType, ContextType>;
  scheduledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['ArticleScope'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceUnit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceUnitName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ArticleStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  viewCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArticleAuthorResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['ArticleAuthor'] = ResolversParentTypes['ArticleAuthor'],
> = ResolversObject<{
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArticleConnectionResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['ArticleConnection'] =
    ResolversParentTypes['ArticleConnection'],
> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Article']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArticleRevisionResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['ArticleRevision'] =
    ResolversParentTypes['ArticleRevision'],
> = ResolversObject<{
  action?: Resolver<ResolversTypes['RevisionAction'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['ArticleAuthor']>, ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArticleViewsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['ArticleViews'] = ResolversParentTypes['ArticleViews'],
> = ResolversObject<{
  article?: Resolver<Maybe<ResolversTypes['Article']>, ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceBucketResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['AudienceBucket'] =
    ResolversParentTypes['AudienceBucket'],
> = ResolversObject<{
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uniqueReaders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceDeviceCountResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['AudienceDeviceCount'] =
    ResolversParentTypes['AudienceDeviceCount'],
> = ResolversObject<{
  device?: Resolver<ResolversTypes['DeviceClass'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceReferrerCountResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['AudienceReferrerCount'] =
    ResolversParentTypes['AudienceReferrerCount'],
> = ResolversObject<{
  referrer?: Resolver<ResolversTypes['ReferrerClass'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceRegionCountResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['AudienceRegionCount'] =
    ResolversParentTypes['AudienceRegionCount'],
> = ResolversObject<{
  region?: Resolver<ResolversTypes['AudienceRegion'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceStatsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['AudienceStats'] = ResolversParentTypes['AudienceStats'],
> = ResolversObject<{
  anonymousViews?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byDevice?: Resolver<Array<ResolversTypes['AudienceDeviceCount']>, ParentType, ContextType>;
  byReferrer?: Resolver<Array<ResolversTypes['AudienceReferrerCount']>, ParentType, ContextType>;
  byRegion?: Resolver<Array<ResolversTypes['AudienceRegionCount']>, ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['AudienceBucket']>, ParentType, ContextType>;
  signedInViews?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uniqueReaders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uniqueReadersApproximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category'],
> = ResolversObject<{
  children?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContentStatsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['ContentStats'] = ResolversParentTypes['ContentStats'],
> = ResolversObject<{
  byDevice?: Resolver<Array<ResolversTypes['DeviceViews']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  topArticles?: Resolver<
    Array<ResolversTypes['ArticleViews']>,
    ParentType,
    ContextType,
    RequireFields<ContentStatsTopArticlesArgs, 'first'>
  >;
  totalViews?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContributionStatsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['ContributionStats'] =
    ResolversParentTypes['ContributionStats'],
> = ResolversObject<{
  byRole?: Resolver<Array<ResolversTypes['RoleContributions']>, ParentType, ContextType>;
  byUnit?: Resolver<Array<ResolversTypes['UnitContributions']>, ParentType, ContextType>;
  published?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<
  ResolversTypes['DateTime'],
  any
> {
  name: 'DateTime';
}

export type DeviceViewsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['DeviceViews'] = ResolversParentTypes['DeviceViews'],
> = ResolversObject<{
  device?: Resolver<ResolversTypes['DeviceClass'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FieldChangeResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange'],
> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type KindAudienceResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['KindAudience'] = ResolversParentTypes['KindAudience'],
> = ResolversObject<{
  kind?: Resolver<ResolversTypes['ArticleKind'], ParentType, ContextType>;
  uniqueReaders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MonthlyReportResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['MonthlyReport'] = ResolversParentTypes['MonthlyReport'],
> = ResolversObject<{
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  html?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  missingParts?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MonthlyReportInfoResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['MonthlyReportInfo'] =
    ResolversParentTypes['MonthlyReportInfo'],
> = ResolversObject<{
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  missingParts?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  archiveArticle?: Resolver<
    ResolversTypes['Article'],
    ParentType,
    ContextType,
    RequireFields<MutationArchiveArticleArgs, 'id'>
  >;
  createArticle?: Resolver<
    ResolversTypes['Article'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateArticleArgs, 'input'>
  >;
  createCategory?: Resolver<
    ResolversTypes['Category'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateCategoryArgs, 'input'>
  >;
  publishArticle?: Resolver<
    ResolversTypes['Article'],
    ParentType,
    ContextType,
    RequireFields<MutationPublishArticleArgs, 'id'>
  >;
  recordArticleView?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationRecordArticleViewArgs, 'device' | 'id'>
  >;
  returnArticleToDraft?: Resolver<
    ResolversTypes['Article'],
    ParentType,
    ContextType,
    RequireFields<MutationReturnArticleToDraftArgs, 'id'>
  >;
  submitArticleForReview?: Resolver<
    ResolversTypes['Article'],
    ParentType,
    ContextType,
    RequireFields<MutationSubmitArticleForReviewArgs, 'id'>
  >;
  subscribeMonthlyReport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unsubscribeMonthlyReport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updateArticle?: Resolver<
    ResolversTypes['Article'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateArticleArgs, 'expectedVersion' | 'id' | 'input'>
  >;
}>;

export type PageInfoResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PortalStatsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['PortalStats'] = ResolversParentTypes['PortalStats'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['PortalStats']>,
    { __typename: 'PortalStats' } & GraphQLRecursivePick<ParentType, { id: true }>,
    ContextType
  >;
  articles?: Resolver<ResolversTypes['AudienceStats'], ParentType, ContextType>;
  articlesByKind?: Resolver<Array<ResolversTypes['KindAudience']>, ParentType, ContextType>;
  contributions?: Resolver<ResolversTypes['ContributionStats'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  granularity?: Resolver<ResolversTypes['StatGranularity'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  article?: Resolver<
    Maybe<ResolversTypes['Article']>,
    ParentType,
    ContextType,
    Partial<QueryArticleArgs>
  >;
  articles?: Resolver<
    Maybe<ResolversTypes['ArticleConnection']>,
    ParentType,
    ContextType,
    Partial<QueryArticlesArgs>
  >;
  categories?: Resolver<Maybe<Array<ResolversTypes['Category']>>, ParentType, ContextType>;
  category?: Resolver<
    Maybe<ResolversTypes['Category']>,
    ParentType,
    ContextType,
    RequireFields<QueryCategoryArgs, 'slug'>
  >;
  contentStats?: Resolver<
    Maybe<ResolversTypes['ContentStats']>,
    ParentType,
    ContextType,
    RequireFields<QueryContentStatsArgs, 'from' | 'to'>
  >;
  editorialArticles?: Resolver<
    Maybe<ResolversTypes['ArticleConnection']>,
    ParentType,
    ContextType,
    Partial<QueryEditorialArticlesArgs>
  >;
  monthlyReport?: Resolver<
    Maybe<ResolversTypes['MonthlyReport']>,
    ParentType,
    ContextType,
    RequireFields<QueryMonthlyReportArgs, 'month'>
  >;
  monthlyReportSubscribed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  monthlyReports?: Resolver<
    Maybe<Array<ResolversTypes['MonthlyReportInfo']>>,
    ParentType,
    ContextType
  >;
  portalStats?: Resolver<
    Maybe<ResolversTypes['PortalStats']>,
    ParentType,
    ContextType,
    RequireFields<QueryPortalStatsArgs, 'from' | 'granularity' | 'to'>
  >;
}>;

export type RoleContributionsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['RoleContributions'] =
    ResolversParentTypes['RoleContributions'],
> = ResolversObject<{
  published?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ContributorRole'], ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UnitContributionsResolvers<
  ContextType = ContentContext,
  ParentType extends ResolversParentTypes['UnitContributions'] =
    ResolversParentTypes['UnitContributions'],
> = ResolversObject<{
  published?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ContentContext> = ResolversObject<{
  Article?: ArticleResolvers<ContextType>;
  ArticleAuthor?: ArticleAuthorResolvers<ContextType>;
  ArticleConnection?: ArticleConnectionResolvers<ContextType>;
  ArticleRevision?: ArticleRevisionResolvers<ContextType>;
  ArticleViews?: ArticleViewsResolvers<ContextType>;
  AudienceBucket?: AudienceBucketResolvers<ContextType>;
  AudienceDeviceCount?: AudienceDeviceCountResolvers<ContextType>;
  AudienceReferrerCount?: AudienceReferrerCountResolvers<ContextType>;
  AudienceRegionCount?: AudienceRegionCountResolvers<ContextType>;
  AudienceStats?: AudienceStatsResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  ContentStats?: ContentStatsResolvers<ContextType>;
  ContributionStats?: ContributionStatsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeviceViews?: DeviceViewsResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  KindAudience?: KindAudienceResolvers<ContextType>;
  MonthlyReport?: MonthlyReportResolvers<ContextType>;
  MonthlyReportInfo?: MonthlyReportInfoResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PortalStats?: PortalStatsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoleContributions?: RoleContributionsResolvers<ContextType>;
  UnitContributions?: UnitContributionsResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ContentContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

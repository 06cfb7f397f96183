import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { BulletinIssueRecord, ReadAloudRecord } from '../models/bulletin-issue.model';
import { SectionView, ItemView } from '../domain/issue-sections';
import { IssueConnection } from '../resolvers/connection';
import { BulletinStatsRef } from '../stats/bulletin-stats.service';
import { AudienceStats as AudienceStatsModel } from '@portal/db';
import { SubscriberStats } from '../stats/subscriber-stats';
import { BulletinContext } from '../context';
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

/**
 * Content's article, referenced by id; the content subgraph resolves its fields (and
 * answers null for an article that is not published).
 */
export type Article = {
  __typename?: 'Article';
  id: Scalars['ID']['output'];
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

/** The monthly Digital Transformation bulletin (Bản tin CĐS). */
export type BulletinIssue = {
  __typename?: 'BulletinIssue';
  createdAt: Scalars['DateTime']['output'];
  /** Sanitized HTML. */
  editorial: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  month: Scalars['Int']['output'];
  /** Sequential, assigned at creation. */
  number: Scalars['Int']['output'];
  publishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Built when the issue is published; null before. */
  readAloud: Maybe<ReadAloud>;
  scheduledAt: Maybe<Scalars['DateTime']['output']>;
  sections: Array<BulletinSection>;
  status: BulletinIssueStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

export type BulletinIssueConnection = {
  __typename?: 'BulletinIssueConnection';
  nodes: Array<BulletinIssue>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type BulletinIssueFilter = {
  /** Defaults to PUBLISHED; other statuses are for editors. */
  status?: InputMaybe<BulletinIssueStatus>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type BulletinIssueStatus = 'DRAFT' | 'PUBLISHED' | 'SCHEDULED';

export type BulletinItem = {
  __typename?: 'BulletinItem';
  /** Null when the content service no longer shows the article (e.g. archived). */
  article: Maybe<Article>;
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  /** 1-based position within its section. */
  order: Scalars['Int']['output'];
};

export type BulletinSection = {
  __typename?: 'BulletinSection';
  items: Array<BulletinItem>;
  title: Scalars['String']['output'];
};

export type BulletinSubscriberBucket = {
  __typename?: 'BulletinSubscriberBucket';
  confirmations: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  /** Subscriptions asked for (unconfirmed ones are forgotten after 30 days). */
  requested: Scalars['Int']['output'];
  /** Confirmed and still subscribed at the bucket's end. */
  subscribersAtEnd: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
  unsubscribes: Scalars['Int']['output'];
};

export type BulletinSubscriberStats = {
  __typename?: 'BulletinSubscriberStats';
  confirmations: Scalars['Int']['output'];
  series: Array<BulletinSubscriberBucket>;
  subscribersAtEnd: Scalars['Int']['output'];
  subscribersAtStart: Scalars['Int']['output'];
  unsubscribes: Scalars['Int']['output'];
};

export type BulletinSubscriptionStats = {
  __typename?: 'BulletinSubscriptionStats';
  confirmed: Scalars['Int']['output'];
  pending: Scalars['Int']['output'];
  unsubscribed: Scalars['Int']['output'];
};

export type CacheControlScope = 'PRIVATE' | 'PUBLIC';

export type CreateBulletinIssueInput = {
  /** Rich text (HTML); sanitized. */
  editorial?: InputMaybe<Scalars['String']['input']>;
  month: Scalars['Int']['input'];
  title: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

export type DeviceClass = 'DESKTOP' | 'MOBILE' | 'TABLET';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Editors: adds a published article (checked with the content service) to a section,
   * creating the section on first use. An article appears at most once per issue.
   */
  addBulletinItem: BulletinIssue;
  /** Confirms a subscription with the token from the confirmation link. */
  confirmBulletinSubscription: Scalars['Boolean']['output'];
  /** Editors: a new DRAFT issue for a month that has none yet (a second one is CONFLICT). */
  createBulletinIssue: BulletinIssue;
  /**
   * Editors: publishes the issue now. Publishing runs in the background (read-aloud audio,
   * notifications): the answer is SCHEDULED and the issue turns PUBLISHED moments later.
   */
  publishBulletinIssueNow: BulletinIssue;
  /** Counts a play of a published issue's read-aloud audio; repeats within a window count once. */
  recordBulletinAudioOpen: Scalars['Boolean']['output'];
  /** Counts a view of a published issue's page (anonymous allowed); repeats within a window count once. */
  recordBulletinIssueView: Scalars['Boolean']['output'];
  /** Editors: removes an item from an issue that is not yet published. */
  removeBulletinItem: BulletinIssue;
  /** Editors: publishes the issue at `at` (in the future); scheduling again replaces the time. */
  scheduleBulletinIssue: BulletinIssue;
  /**
   * Anyone: asks for the bulletin by e-mail. A confirmation link is sent (double opt-in);
   * the answer is always true so it never reveals who is subscribed.
   */
  subscribeToBulletin: Scalars['Boolean']['output'];
  /** Editors: takes a SCHEDULED issue back to DRAFT. */
  unscheduleBulletinIssue: BulletinIssue;
  /** Ends a subscription with the token from the unsubscribe link in every bulletin mail. */
  unsubscribeFromBulletin: Scalars['Boolean']['output'];
  /** Editors: changes the title or editorial of an issue that is not yet published. */
  updateBulletinIssue: BulletinIssue;
};

export type MutationAddBulletinItemArgs = {
  articleId: Scalars['ID']['input'];
  issueId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  section: Scalars['String']['input'];
};

export type MutationConfirmBulletinSubscriptionArgs = {
  token: Scalars['String']['input'];
};

export type MutationCreateBulletinIssueArgs = {
  input: CreateBulletinIssueInput;
};

export type MutationPublishBulletinIssueNowArgs = {
  id: Scalars['ID']['input'];
};

export type MutationRecordBulletinAudioOpenArgs = {
  id: Scalars['ID']['input'];
  view: PageViewInput;
};

export type MutationRecordBulletinIssueViewArgs = {
  id: Scalars['ID']['input'];
  view: PageViewInput;
};

export type MutationRemoveBulletinItemArgs = {
  issueId: Scalars['ID']['input'];
  itemId: Scalars['ID']['input'];
};

export type MutationScheduleBulletinIssueArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};

export type MutationSubscribeToBulletinArgs = {
  email: Scalars['String']['input'];
};

export type MutationUnscheduleBulletinIssueArgs = {
  id: Scalars['ID']['input'];
};

export type MutationUnsubscribeFromBulletinArgs = {
  token: Scalars['String']['input'];
};

export type MutationUpdateBulletinIssueArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateBulletinIssueInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** How a page view was reached and where from, as the web portal (or an app) reports it. */
export type PageViewInput = {
  /** The landing URL's utm_source, e.g. ban-tin for links in the bulletin's e-mails. */
  campaign?: InputMaybe<Scalars['String']['input']>;
  device: DeviceClass;
  /** The page's Referer (only its host is used). */
  referrer?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<AudienceRegion>;
};

/** The bulletin's parts of the portal statistics (editors and admins). */
export type PortalStats = {
  __typename?: 'PortalStats';
  /** Plays of the read-aloud audio. */
  bulletinAudioOpens: AudienceStats;
  /** Views of issue pages. */
  bulletinIssues: AudienceStats;
  bulletinSubscribers: BulletinSubscriberStats;
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * One issue by id, or by year and month. The public sees published issues only;
   * editors see every issue.
   */
  bulletinIssue: Maybe<BulletinIssue>;
  /**
   * Issues, newest first. Published only unless an editor asks for another status.
   * `first` defaults to 20, at most 100.
   */
  bulletinIssues: Maybe<BulletinIssueConnection>;
  /** Subscriber counts, for editors. */
  bulletinSubscriptionStats: Maybe<BulletinSubscriptionStats>;
  /** The newest published issue (by year and month), or null before the first one. */
  latestBulletinIssue: Maybe<BulletinIssue>;
};

export type QueryBulletinIssueArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  month?: InputMaybe<Scalars['Int']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryBulletinIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BulletinIssueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The issue as speech: plain text in reading order, and audio rendered on the server. */
export type ReadAloud = {
  __typename?: 'ReadAloud';
  /** MP3; null when audio could not be rendered (clients may speak `text` themselves). */
  audioUrl: Maybe<Scalars['String']['output']>;
  durationSeconds: Maybe<Scalars['Int']['output']>;
  /** BCP 47 language of the text and audio (vi). */
  language: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type ReferrerClass = 'BULLETIN' | 'DIRECT' | 'OTHER' | 'PARTNER' | 'SEARCH' | 'SOCIAL';

export type StatGranularity =
  | 'DAY'
  | 'MONTH'
  /** ISO weeks, Monday to Sunday. */
  | 'WEEK';

export type UpdateBulletinIssueInput = {
  editorial?: InputMaybe<Scalars['String']['input']>;
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
  Article: ResolverTypeWrapper<Article>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AudienceBucket: ResolverTypeWrapper<AudienceBucket>;
  AudienceDeviceCount: ResolverTypeWrapper<AudienceDeviceCount>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AudienceReferrerCount: ResolverTypeWrapper<AudienceReferrerCount>;
  AudienceRegion: AudienceRegion;
  AudienceRegionCount: ResolverTypeWrapper<AudienceRegionCount>;
  AudienceStats: ResolverTypeWrapper<AudienceStatsModel>;
  BulletinIssue: ResolverTypeWrapper<BulletinIssueRecord>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  BulletinIssueConnection: ResolverTypeWrapper<IssueConnection>;
  BulletinIssueFilter: BulletinIssueFilter;
  BulletinIssueStatus: BulletinIssueStatus;
  BulletinItem: ResolverTypeWrapper<ItemView>;
  BulletinSection: ResolverTypeWrapper<SectionView>;
  BulletinSubscriberBucket: ResolverTypeWrapper<BulletinSubscriberBucket>;
  BulletinSubscriberStats: ResolverTypeWrapper<SubscriberStats>;
  BulletinSubscriptionStats: ResolverTypeWrapper<BulletinSubscriptionStats>;
  CacheControlScope: CacheControlScope;
  CreateBulletinIssueInput: CreateBulletinIssueInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceClass: DeviceClass;
  Mutation: ResolverTypeWrapper<{}>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PageViewInput: PageViewInput;
  PortalStats: ResolverTypeWrapper<BulletinStatsRef>;
  Query: ResolverTypeWrapper<{}>;
  ReadAloud: ResolverTypeWrapper<ReadAloudRecord>;
  ReferrerClass: ReferrerClass;
  StatGranularity: StatGranularity;
  UpdateBulletinIssueInput: UpdateBulletinIssueInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Article: Article;
  ID: Scalars['ID']['output'];
  AudienceBucket: AudienceBucket;
  AudienceDeviceCount: AudienceDeviceCount;
  Float: Scalars['Float']['output'];
  AudienceReferrerCount: AudienceReferrerCount;
  AudienceRegionCount: AudienceRegionCount;
  AudienceStats: AudienceStatsModel;
  BulletinIssue: BulletinIssueRecord;
  String: Scalars['String']['output'];
  BulletinIssueConnection: IssueConnection;
  BulletinIssueFilter: BulletinIssueFilter;
  BulletinItem: ItemView;
  BulletinSection: SectionView;
  BulletinSubscriberBucket: BulletinSubscriberBucket;
  BulletinSubscriberStats: SubscriberStats;
  BulletinSubscriptionStats: BulletinSubscriptionStats;
  CreateBulletinIssueInput: CreateBulletinIssueInput;
  DateTime: Scalars['DateTime']['output'];
  Mutation: {};
  PageInfo: PageInfo;
  PageViewInput: PageViewInput;
  PortalStats: BulletinStatsRef;
  Query: {};
  ReadAloud: ReadAloudRecord;
  UpdateBulletinIssueInput: UpdateBulletinIssueInput;
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
  ContextType = BulletinContext,
  Args = CacheControlDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ArticleResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Article']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceBucketResolvers<
  ContextType = BulletinContext,
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
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['AudienceDeviceCount'] =
    ResolversParentTypes['AudienceDeviceCount'],
> = ResolversObject<{
  device?: Resolver<ResolversTypes['DeviceClass'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceReferrerCountResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['AudienceReferrerCount'] =
    ResolversParentTypes['AudienceReferrerCount'],
> = ResolversObject<{
  referrer?: Resolver<ResolversTypes['ReferrerClass'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceRegionCountResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['AudienceRegionCount'] =
    ResolversParentTypes['AudienceRegionCount'],
> = ResolversObject<{
  region?: Resolver<ResolversTypes['AudienceRegion'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceStatsResolvers<
  ContextType = BulletinContext,
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

export type BulletinIssueResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['BulletinIssue'] = ResolversParentTypes['BulletinIssue'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['BulletinIssue']>,
    { __typename: 'BulletinIssue' } & GraphQLRecursivePick<ParentType, { id: true }>,
    ContextType
  >;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  editorial?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  readAloud?: Resolver<Maybe<ResolversTypes['ReadAloud']>, ParentType, ContextType>;
  scheduledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sections?: Resolver<Array<ResolversTypes['BulletinSection']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BulletinIssueStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BulletinIssueConnectionResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['BulletinIssueConnection'] =
    ResolversParentTypes['BulletinIssueConnection'],
> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['BulletinIssue']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BulletinItemResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['BulletinItem'] = ResolversParentTypes['BulletinItem'],
> = ResolversObject<{
  article?: Resolver<Maybe<ResolversTypes['Article']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BulletinSectionResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['BulletinSection'] =
    ResolversParentTypes['BulletinSection'],
> = ResolversObject<{
  items?: Resolver<Array<ResolversTypes['BulletinItem']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BulletinSubscriberBucketResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['BulletinSubscriberBucket'] =
    ResolversParentTypes['BulletinSubscriberBucket'],
> = ResolversObject<{
  confirmations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subscribersAtEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  unsubscribes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BulletinSubscriberStatsResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['BulletinSubscriberStats'] =
    ResolversParentTypes['BulletinSubscriberStats'],
> = ResolversObject<{
  confirmations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['BulletinSubscriberBucket']>, ParentType, ContextType>;
  subscribersAtEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subscribersAtStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unsubscribes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BulletinSubscriptionStatsResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['BulletinSubscriptionStats'] =
    ResolversParentTypes['BulletinSubscriptionStats'],
> = ResolversObject<{
  confirmed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unsubscribed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<
  ResolversTypes['DateTime'],
  any
> {
  name: 'DateTime';
}

export type MutationResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  addBulletinItem?: Resolver<
    ResolversTypes['BulletinIssue'],
    ParentType,
    ContextType,
    RequireFields<MutationAddBulletinItemArgs, 'articleId' | 'issueId' | 'section'>
  >;
  confirmBulletinSubscription?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationConfirmBulletinSubscriptionArgs, 'token'>
  >;
  createBulletinIssue?: Resolver<
    ResolversTypes['BulletinIssue'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateBulletinIssueArgs, 'input'>
  >;
  publishBulletinIssueNow?: Resolver<
    ResolversTypes['BulletinIssue'],
    ParentType,
    ContextType,
    RequireFields<MutationPublishBulletinIssueNowArgs, 'id'>
  >;
  recordBulletinAudioOpen?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationRecordBulletinAudioOpenArgs, 'id' | 'view'>
  >;
  recordBulletinIssueView?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationRecordBulletinIssueViewArgs, 'id' | 'view'>
  >;
  removeBulletinItem?: Resolver<
    ResolversTypes['BulletinIssue'],
    ParentType,
    ContextType,
    RequireFields<MutationRemoveBulletinItemArgs, 'issueId' | 'itemId'>
  >;
  scheduleBulletinIssue?: Resolver<
    ResolversTypes['BulletinIssue'],
    ParentType,
    ContextType,
    RequireFields<MutationScheduleBulletinIssueArgs, 'at' | 'id'>
  >;
  subscribeToBulletin?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationSubscribeToBulletinArgs, 'email'>
  >;
  unscheduleBulletinIssue?: Resolver<
    ResolversTypes['BulletinIssue'],
    ParentType,
    ContextType,
    RequireFields<MutationUnscheduleBulletinIssueArgs, 'id'>
  >;
  unsubscribeFromBulletin?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationUnsubscribeFromBulletinArgs, 'token'>
  >;
  updateBulletinIssue?: Resolver<
    ResolversTypes['BulletinIssue'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateBulletinIssueArgs, 'expectedVersion' | 'id' | 'input'>
  >;
}>;

export type PageInfoResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PortalStatsResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['PortalStats'] = ResolversParentTypes['PortalStats'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<
    Maybe<ResolversTypes['PortalStats']>,
    { __typename: 'PortalStats' } & GraphQLRecursivePick<ParentType, { id: true }>,
    ContextType
  >;
  bulletinAudioOpens?: Resolver<ResolversTypes['AudienceStats'], ParentType, ContextType>;
  bulletinIssues?: Resolver<ResolversTypes['AudienceStats'], ParentType, ContextType>;
  bulletinSubscribers?: Resolver<
    ResolversTypes['BulletinSubscriberStats'],
    ParentType,
    ContextType
  >;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  bulletinIssue?: Resolver<
    Maybe<ResolversTypes['BulletinIssue']>,
    ParentType,
    ContextType,
    Partial<QueryBulletinIssueArgs>
  >;
  bulletinIssues?: Resolver<
    Maybe<ResolversTypes['BulletinIssueConnection']>,
    ParentType,
    ContextType,
    Partial<QueryBulletinIssuesArgs>
  >;
  bulletinSubscriptionStats?: Resolver<
    Maybe<ResolversTypes['BulletinSubscriptionStats']>,
    ParentType,
    ContextType
  >;
  latestBulletinIssue?: Resolver<Maybe<ResolversTypes['BulletinIssue']>, ParentType, ContextType>;
}>;

export type ReadAloudResolvers<
  ContextType = BulletinContext,
  ParentType extends ResolversParentTypes['ReadAloud'] = ResolversParentTypes['ReadAloud'],
> = ResolversObject<{
  audioUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = BulletinContext> = ResolversObject<{
  Article?: ArticleResolvers<ContextType>;
  AudienceBucket?: AudienceBucketResolvers<ContextType>;
  AudienceDeviceCount?: AudienceDeviceCountResolvers<ContextType>;
  AudienceReferrerCount?: AudienceReferrerCountResolvers<ContextType>;
  AudienceRegionCount?: AudienceRegionCountResolvers<ContextType>;
  AudienceStats?: AudienceStatsResolvers<ContextType>;
  BulletinIssue?: BulletinIssueResolvers<ContextType>;
  BulletinIssueConnection?: BulletinIssueConnectionResolvers<ContextType>;
  BulletinItem?: BulletinItemResolvers<ContextType>;
  BulletinSection?: BulletinSectionResolvers<ContextType>;
  BulletinSubscriberBucket?: BulletinSubscriberBucketResolvers<ContextType>;
  BulletinSubscriberStats?: BulletinSubscriberStatsResolvers<ContextType>;
  BulletinSubscriptionStats?: BulletinSubscriptionStatsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PortalStats?: PortalStatsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReadAloud?: ReadAloudResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = BulletinContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

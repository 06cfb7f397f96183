import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ReferralDoc } from '../models/referral.model';
import { HistoryEntryView, ReferralPage, ThreadRef, PostRef } from '../resolvers/views';
import { HotlineCategoryDoc } from '../models/hotline-category.model';
import { AgencyContactDoc } from '../models/agency-contact.model';
import { FeedbackOutcome } from '../services/referral-intake.service';
import { ReferralStatsRef } from '../stats/referral-stats.service';
import { ReferralStatsResult } from '../domain/referral-stats';
import { ReferralContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: any; output: any; }
};

/** Where an agency's overdue reminders are sent. */
export type AgencyContact = {
  __typename?: 'AgencyContact';
  agency: Scalars['String']['output'];
  agencyName?: Maybe<Scalars['String']['output']>;
  email: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type CreateHotlineCategoryInput = {
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  slaHours: Scalars['Int']['input'];
  targetAgency: Scalars['String']['input'];
};

/** What became of submitted feedback: a forum thread (threadId) or a hotline referral (trackingCode). */
export type FeedbackResult = {
  __typename?: 'FeedbackResult';
  routedTo: FeedbackRoute;
  /** For FORUM: the id of the FEEDBACK thread; the forum creates it with exactly this id. */
  threadId?: Maybe<Scalars['ID']['output']>;
  /** For HOTLINE: the code to follow the referral with (referralByTrackingCode). */
  trackingCode?: Maybe<Scalars['String']['output']>;
};

export type FeedbackRoute =
  | 'FORUM'
  | 'HOTLINE';

/** A hotline category with its routing rule: where such feedback goes and how fast it must be handled. */
export type HotlineCategory = {
  __typename?: 'HotlineCategory';
  /** Inactive categories are kept for existing referrals but offered for no new ones. */
  active: Scalars['Boolean']['output'];
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
  slaHours: Scalars['Int']['output'];
  /** Unit code of the agency that handles it. */
  targetAgency: Scalars['String']['output'];
  targetAgencyName?: Maybe<Scalars['String']['output']>;
  /** Incremented by every edit; pass it back as expectedVersion. */
  version: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Admins. */
  createHotlineCategory: HotlineCategory;
  /** Moderators: refer one post of a thread to the hotline (one referral per post). */
  referPostToHotline: Referral;
  /** Moderators: refer a forum thread to the hotline (one referral per thread). */
  referThreadToHotline: Referral;
  /** Moderators: send a FAILED referral to the hotline again. */
  retryReferralDispatch: Referral;
  /** Admins: where an agency's overdue reminders go. */
  setAgencyContact: AgencyContact;
  /** Anyone (signed in, or with a contact e-mail): on-topic feedback becomes a forum thread, feedback with a hotline category becomes a referral. */
  submitFeedback: FeedbackResult;
  /** Admins. With expectedVersion, a stale edit is refused with CONFLICT. */
  updateHotlineCategory: HotlineCategory;
  /**
   * Moderators, admins, and officers of the referral's agency; allowed transitions only.
   * `note` appears in the public history; `publicResponse` is the answer the citizen sees.
   */
  updateReferralStatus: Referral;
};


export type MutationCreateHotlineCategoryArgs = {
  input: CreateHotlineCategoryInput;
};


export type MutationReferPostToHotlineArgs = {
  categoryCode: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  postId: Scalars['ID']['input'];
  threadId: Scalars['ID']['input'];
};


export type MutationReferThreadToHotlineArgs = {
  categoryCode: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  threadId: Scalars['ID']['input'];
};


export type MutationRetryReferralDispatchArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetAgencyContactArgs = {
  agency: Scalars['String']['input'];
  email: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSubmitFeedbackArgs = {
  input: SubmitFeedbackInput;
};


export type MutationUpdateHotlineCategoryArgs = {
  code: Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: UpdateHotlineCategoryInput;
};


export type MutationUpdateReferralStatusArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  publicResponse?: InputMaybe<Scalars['String']['input']>;
  status: ReferralStatus;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** The referral service's part of the portal statistics (editors and admins). */
export type PortalStats = {
  __typename?: 'PortalStats';
  /** The period: `<from>|<to>|<granularity>` (made by the content subgraph's portalStats). */
  id: Scalars['ID']['output'];
  referrals: ReferralStats;
};

export type Post = {
  __typename?: 'Post';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Where each agency's reminders go (moderators and admins). */
  agencyContacts?: Maybe<Array<AgencyContact>>;
  /** The hotline categories offered for new feedback (inactive ones too for moderators and admins). */
  hotlineCategories?: Maybe<Array<HotlineCategory>>;
  /** One referral, for moderators, admins and officers of its agency. */
  referral?: Maybe<Referral>;
  /** Follow a referral by its tracking code (anyone); only public fields are shown. */
  referralByTrackingCode?: Maybe<Referral>;
  /** Referrals, newest first, for moderators and admins (all) and officers (their agency's). */
  referrals?: Maybe<ReferralConnection>;
};


export type QueryHotlineCategoriesArgs = {
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryReferralArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReferralByTrackingCodeArgs = {
  code: Scalars['String']['input'];
};


export type QueryReferralsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReferralFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Citizen feedback forwarded to the city hotline 1022, which routes it to the responsible
 * agency. Public fields are readable by anyone who has the tracking code (or sees the forum
 * thread). Fields marked "Private" are null unless the viewer is staff handling it (a
 * moderator, an admin, or an officer of the target agency) or the person who submitted it;
 * fields marked "Staff-only" are null for everyone but that staff.
 */
export type Referral = {
  __typename?: 'Referral';
  categoryCode: Scalars['String']['output'];
  /** The category's name when the referral was made. */
  categoryName: Scalars['String']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Private: where the citizen asked to be answered. */
  contactEmail?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Staff-only: why the last dispatch to the hotline failed. */
  dispatchError?: Maybe<Scalars['String']['output']>;
  /** Status changes, oldest first. */
  history: Array<ReferralHistoryEntry>;
  /** Staff-only: the hotline's ticket id. */
  hotlineTicketId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The SLA has passed and the referral is not closed. */
  overdue: Scalars['Boolean']['output'];
  /** The forum post it came from (FORUM_POST). */
  post?: Maybe<Post>;
  /** The answer the citizen sees. */
  publicResponse?: Maybe<Scalars['String']['output']>;
  /** Staff-only: the moderator's note to the hotline. */
  referralNote?: Maybe<Scalars['String']['output']>;
  /** When the agency should have closed it (the category's SLA hours after creation). */
  slaDueAt: Scalars['DateTime']['output'];
  source: ReferralSource;
  status: ReferralStatus;
  /** Private: the title sent to the hotline. */
  subject?: Maybe<Scalars['String']['output']>;
  /** Private: the text sent to the hotline. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Unit code of the agency that handles it (from the category's routing rule). */
  targetAgency: Scalars['String']['output'];
  targetAgencyName?: Maybe<Scalars['String']['output']>;
  /** The forum thread it came from (FORUM_THREAD and FORUM_POST). */
  thread?: Maybe<Thread>;
  /** Public, short and unguessable, e.g. HL-7K3Q-9XD2. */
  trackingCode: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * SLA of the referrals closed in the period: closedWithinSla of them were closed by their due
 * time; overdue counts referrals still open whose due time fell in the period (until now), which
 * missed it too. slaMetShare = closedWithinSla / (closed + overdue), null when that is 0.
 */
export type ReferralAgencySla = {
  __typename?: 'ReferralAgencySla';
  /** The agency's unit code. */
  agency: Scalars['String']['output'];
  closed: Scalars['Int']['output'];
  closedWithinSla: Scalars['Int']['output'];
  /** Hours from receipt to RESOLVED of the referrals resolved in the period; null without any. */
  medianHoursToResolution?: Maybe<Scalars['Float']['output']>;
  overdue: Scalars['Int']['output'];
  slaMetShare?: Maybe<Scalars['Float']['output']>;
};

/** SLA per hotline category; the fields mean what they mean in ReferralAgencySla. */
export type ReferralCategorySla = {
  __typename?: 'ReferralCategorySla';
  categoryCode: Scalars['String']['output'];
  /** The category's name as its referrals recorded it. */
  categoryName: Scalars['String']['output'];
  closed: Scalars['Int']['output'];
  closedWithinSla: Scalars['Int']['output'];
  medianHoursToResolution?: Maybe<Scalars['Float']['output']>;
  overdue: Scalars['Int']['output'];
  slaMetShare?: Maybe<Scalars['Float']['output']>;
};

export type ReferralConnection = {
  __typename?: 'ReferralConnection';
  nodes: Array<Referral>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReferralCountsBucket = {
  __typename?: 'ReferralCountsBucket';
  /** Handed to the hotline in the bucket (the hotline's ticket was recorded: forwarded, or its first callback). */
  forwarded: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  /** Referrals received (created) in the bucket. */
  received: Scalars['Int']['output'];
  /** Closed as REJECTED in the bucket. */
  rejected: Scalars['Int']['output'];
  /** Closed as RESOLVED in the bucket. */
  resolved: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
};

export type ReferralFilter = {
  /** Unit code; officers may only ask for their own. */
  agency?: InputMaybe<Scalars['String']['input']>;
  categoryCode?: InputMaybe<Scalars['String']['input']>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  source?: InputMaybe<ReferralSource>;
  status?: InputMaybe<ReferralStatus>;
};

export type ReferralHistoryEntry = {
  __typename?: 'ReferralHistoryEntry';
  at: Scalars['DateTime']['output'];
  /** Staff-only: who made the change (the hotline, a department officer, a moderator, the system). */
  by?: Maybe<Scalars['String']['output']>;
  /** A note shown on the public tracking page. */
  note?: Maybe<Scalars['String']['output']>;
  status: ReferralStatus;
};

export type ReferralSource =
  /** Feedback submitted directly with a hotline category. */
  | 'DIRECT'
  /** One post (reply) of a forum thread referred by a moderator. */
  | 'FORUM_POST'
  /** A forum thread referred by a moderator. */
  | 'FORUM_THREAD';

/** How referrals to the hotline 1022 were handled over a period (exact counts). */
export type ReferralStats = {
  __typename?: 'ReferralStats';
  byAgency: Array<ReferralAgencySla>;
  byCategory: Array<ReferralCategorySla>;
  /** Referrals closed (resolved or rejected) in the period. */
  closed: Scalars['Int']['output'];
  closedWithinSla: Scalars['Int']['output'];
  forwarded: Scalars['Int']['output'];
  /** Hours from receipt to RESOLVED of the referrals resolved in the period; null without any. */
  medianHoursToResolution?: Maybe<Scalars['Float']['output']>;
  overdue: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  resolved: Scalars['Int']['output'];
  /** Per day, week or month of the period (the first and last clipped to whole city days). */
  series: Array<ReferralCountsBucket>;
  slaMetShare?: Maybe<Scalars['Float']['output']>;
};

/**
 * Where a referral stands. RECEIVED → FORWARDED (the hotline gave a ticket) → ACKNOWLEDGED →
 * IN_PROGRESS → RESOLVED or REJECTED. FAILED: the hotline could not be reached after every
 * retry (a moderator can retry).
 */
export type ReferralStatus =
  | 'ACKNOWLEDGED'
  | 'FAILED'
  | 'FORWARDED'
  | 'IN_PROGRESS'
  | 'RECEIVED'
  | 'REJECTED'
  | 'RESOLVED';

export type SubmitFeedbackInput = {
  body: Scalars['String']['input'];
  /** A hotline category: the feedback is not about digital transformation and goes to 1022. */
  categoryCode?: InputMaybe<Scalars['String']['input']>;
  /** Required when not signed in; where the answer is sent. Never shown publicly. */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  subject: Scalars['String']['input'];
};

/**
 * The forum's thread, to which this service contributes its referral. The hint lets the
 * gateway's entity fetches of public threads (ForumThread) stay cacheable.
 */
export type Thread = {
  __typename?: 'Thread';
  id: Scalars['ID']['output'];
  /** The thread's hotline referral, if a moderator referred it. */
  referral?: Maybe<Referral>;
};

export type UpdateHotlineCategoryInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  slaHours?: InputMaybe<Scalars['Int']['input']>;
  targetAgency?: InputMaybe<Scalars['String']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
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

export type SubscriptionResolver<TResult, TKey extends string, TParent = {}, TContext = {}, TArgs = {}> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AgencyContact: ResolverTypeWrapper<AgencyContactDoc>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CacheControlScope: CacheControlScope;
  CreateHotlineCategoryInput: CreateHotlineCategoryInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FeedbackResult: ResolverTypeWrapper<FeedbackOutcome>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  FeedbackRoute: FeedbackRoute;
  HotlineCategory: ResolverTypeWrapper<HotlineCategoryDoc>;
  Mutation: ResolverTypeWrapper<{}>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PortalStats: ResolverTypeWrapper<ReferralStatsRef>;
  Post: ResolverTypeWrapper<PostRef>;
  Query: ResolverTypeWrapper<{}>;
  Referral: ResolverTypeWrapper<ReferralDoc>;
  ReferralAgencySla: ResolverTypeWrapper<ReferralAgencySla>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ReferralCategorySla: ResolverTypeWrapper<ReferralCategorySla>;
  ReferralConnection: ResolverTypeWrapper<ReferralPage>;
  ReferralCountsBucket: ResolverTypeWrapper<ReferralCountsBucket>;
  ReferralFilter: ReferralFilter;
  ReferralHistoryEntry: ResolverTypeWrapper<HistoryEntryView>;
  ReferralSource: ReferralSource;
  ReferralStats: ResolverTypeWrapper<ReferralStatsResult>;
  ReferralStatus: ReferralStatus;
  SubmitFeedbackInput: SubmitFeedbackInput;
  Thread: ResolverTypeWrapper<ThreadRef>;
  UpdateHotlineCategoryInput: UpdateHotlineCategoryInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AgencyContact: AgencyContactDoc;
  String: Scalars['String']['output'];
  CreateHotlineCategoryInput: CreateHotlineCategoryInput;
  DateTime: Scalars['DateTime']['output'];
  FeedbackResult: FeedbackOutcome;
  ID: Scalars['ID']['output'];
  HotlineCategory: HotlineCategoryDoc;
  Mutation: {};
  PageInfo: PageInfo;
  PortalStats: ReferralStatsRef;
  Post: PostRef;
  Query: {};
  Referral: ReferralDoc;
  ReferralAgencySla: ReferralAgencySla;
  Float: Scalars['Float']['output'];
  ReferralCategorySla: ReferralCategorySla;
  ReferralConnection: ReferralPage;
  ReferralCountsBucket: ReferralCountsBucket;
  ReferralFilter: ReferralFilter;
  ReferralHistoryEntry: HistoryEntryView;
  ReferralStats: ReferralStatsResult;
  SubmitFeedbackInput: SubmitFeedbackInput;
  Thread: ThreadRef;
  UpdateHotlineCategoryInput: UpdateHotlineCategoryInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = ReferralContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgencyContactResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['AgencyContact'] = ResolversParentTypes['AgencyContact']> = ResolversObject<{
  agency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FeedbackResultResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['FeedbackResult'] = ResolversParentTypes['FeedbackResult']> = ResolversObject<{
  routedTo?: Resolver<ResolversTypes['FeedbackRoute'], ParentType, ContextType>;
  threadId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  trackingCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HotlineCategoryResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['HotlineCategory'] = ResolversParentTypes['HotlineCategory']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slaHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  targetAgency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetAgencyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createHotlineCategory?: Resolver<ResolversTypes['HotlineCategory'], ParentType, ContextType, RequireFields<MutationCreateHotlineCategoryArgs, 'input'>>;
  referPostToHotline?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationReferPostToHotlineArgs, 'categoryCode' | 'postId' | 'threadId'>>;
  referThreadToHotline?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationReferThreadToHotlineArgs, 'categoryCode' | 'threadId'>>;
  retryReferralDispatch?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationRetryReferralDispatchArgs, 'id'>>;
  setAgencyContact?: Resolver<ResolversTypes['AgencyContact'], ParentType, ContextType, RequireFields<MutationSetAgencyContactArgs, 'agency' | 'email'>>;
  submitFeedback?: Resolver<ResolversTypes['FeedbackResult'], ParentType, ContextType, RequireFields<MutationSubmitFeedbackArgs, 'input'>>;
  updateHotlineCategory?: Resolver<ResolversTypes['HotlineCategory'], ParentType, ContextType, RequireFields<MutationUpdateHotlineCategoryArgs, 'code' | 'input'>>;
  updateReferralStatus?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationUpdateReferralStatusArgs, 'id' | 'status'>>;
}>;

export type PageInfoResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PortalStatsResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['PortalStats'] = ResolversParentTypes['PortalStats']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PortalStats']>, { __typename: 'PortalStats' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  referrals?: Resolver<ResolversTypes['ReferralStats'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PostResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['Post'] = ResolversParentTypes['Post']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  agencyContacts?: Resolver<Maybe<Array<ResolversTypes['AgencyContact']>>, ParentType, ContextType>;
  hotlineCategories?: Resolver<Maybe<Array<ResolversTypes['HotlineCategory']>>, ParentType, ContextType, RequireFields<QueryHotlineCategoriesArgs, 'includeInactive'>>;
  referral?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType, RequireFields<QueryReferralArgs, 'id'>>;
  referralByTrackingCode?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType, RequireFields<QueryReferralByTrackingCodeArgs, 'code'>>;
  referrals?: Resolver<Maybe<ResolversTypes['ReferralConnection']>, ParentType, ContextType, RequireFields<QueryReferralsArgs, 'first'>>;
}>;

export type ReferralResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Referral']>, { __typename: 'Referral' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  categoryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  categoryName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contactEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dispatchError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['ReferralHistoryEntry']>, ParentType, ContextType>;
  hotlineTicketId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  publicResponse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  referralNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  slaDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ReferralSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReferralStatus'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  targetAgency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetAgencyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  thread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType>;
  trackingCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReferralAgencySlaResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['ReferralAgencySla'] = ResolversParentTypes['ReferralAgencySla']> = ResolversObject<{
  agency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closedWithinSla?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianHoursToResolution?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slaMetShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReferralCategorySlaResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['ReferralCategorySla'] = ResolversParentTypes['ReferralCategorySla']> = ResolversObject<{
  categoryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  categoryName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closedWithinSla?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianHoursToResolution?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slaMetShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReferralConnectionResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['ReferralConnection'] = ResolversParentTypes['ReferralConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Referral']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReferralCountsBucketResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['ReferralCountsBucket'] = ResolversParentTypes['ReferralCountsBucket']> = ResolversObject<{
  forwarded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReferralHistoryEntryResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['ReferralHistoryEntry'] = ResolversParentTypes['ReferralHistoryEntry']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReferralStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReferralStatsResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['ReferralStats'] = ResolversParentTypes['ReferralStats']> = ResolversObject<{
  byAgency?: Resolver<Array<ResolversTypes['ReferralAgencySla']>, ParentType, ContextType>;
  byCategory?: Resolver<Array<ResolversTypes['ReferralCategorySla']>, ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closedWithinSla?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  forwarded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianHoursToResolution?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['ReferralCountsBucket']>, ParentType, ContextType>;
  slaMetShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ThreadResolvers<ContextType = ReferralContext, ParentType extends ResolversParentTypes['Thread'] = ResolversParentTypes['Thread']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Thread']>, { __typename: 'Thread' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  referral?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ReferralContext> = ResolversObject<{
  AgencyContact?: AgencyContactResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FeedbackResult?: FeedbackResultResolvers<ContextType>;
  HotlineCategory?: HotlineCategoryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PortalStats?: PortalStatsResolvers<ContextType>;
  Post?: PostResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
  ReferralAgencySla?: ReferralAgencySlaResolvers<ContextType>;
  ReferralCategorySla?: ReferralCategorySlaResolvers<ContextType>;
  ReferralConnection?: ReferralConnectionResolvers<ContextType>;
  ReferralCountsBucket?: ReferralCountsBucketResolvers<ContextType>;
  ReferralHistoryEntry?: ReferralHistoryEntryResolvers<ContextType>;
  ReferralStats?: ReferralStatsResolvers<ContextType>;
  Thread?: ThreadResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ReferralContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

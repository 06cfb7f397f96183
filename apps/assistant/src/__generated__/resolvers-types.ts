import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { DatasetDoc } from '../models/dataset.model';
import { DatasetPage } from '../resolvers/views';
import { ResourceDoc } from '../models/resource.model';
import { AnswerView } from '../services/ask.service';
import { AssistantContext } from '../context';
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

export type AnswerMode =
  /** The best passages, composed and cited; needs no model. */
  | 'EXTRACTIVE'
  /** A configured chat model writes from the retrieved passages; every sentence is checked against them. */
  | 'GENERATIVE';

export type AnswerSentence = {
  __typename?: 'AnswerSentence';
  /** Indexes of the citations that support it (never empty). */
  citations: Array<Scalars['Int']['output']>;
  text: Scalars['String']['output'];
};

export type AnswerStatus =
  | 'ANSWERED'
  /** Nothing relevant was found: the answer says so and offers feedback or the 1022 hotline. */
  | 'NO_ANSWER';

export type AssistantAnswer = {
  __typename?: 'AssistantAnswer';
  citations: Array<Citation>;
  conversationId: Scalars['ID']['output'];
  /** Set when status is NO_ANSWER. */
  feedback?: Maybe<FeedbackOffer>;
  mode: AnswerMode;
  /** Set when GENERATIVE was asked for but not used (no model configured, or its text was not supported by the passages). */
  notice?: Maybe<Scalars['String']['output']>;
  sentences: Array<AnswerSentence>;
  status: AnswerStatus;
  table?: Maybe<TableAnswer>;
  /** The whole answer; each sentence ends with its citation marks, e.g. [1]. */
  text: Scalars['String']['output'];
};

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** The last catalog sync (editors and admins). */
export type CatalogSyncStatus = {
  __typename?: 'CatalogSyncStatus';
  datasetCount: Scalars['Int']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  lastRunAt?: Maybe<Scalars['DateTime']['output']>;
  lastSuccessAt?: Maybe<Scalars['DateTime']['output']>;
  /** Datasets modified up to this time on the portal are synced. */
  syncedThrough?: Maybe<Scalars['DateTime']['output']>;
};

/** Where a sentence of the answer comes from. */
export type Citation = {
  __typename?: 'Citation';
  /** 1-based; sentences refer to it as [n]. */
  index: Scalars['Int']['output'];
  kind: SourceKind;
  link: Scalars['String']['output'];
  /** The passage the answer used, verbatim. */
  passage: Scalars['String']['output'];
  /** The id of the article, library item, thread, dataset or resource. */
  sourceId: Scalars['ID']['output'];
  title: Scalars['String']['output'];
};

/** A dataset of the city's open-data portal, as last synced. */
export type Dataset = {
  __typename?: 'Dataset';
  description?: Maybe<Scalars['String']['output']>;
  /** Formats of its resources, upper case, e.g. CSV, JSON. */
  formats: Array<Scalars['String']['output']>;
  /** The portal's groups (themes). */
  groups: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  licence?: Maybe<Licence>;
  modifiedAt: Scalars['DateTime']['output'];
  /** The portal's URL name, e.g. diem-wifi-cong-cong. */
  name: Scalars['String']['output'];
  /** The dataset's page on the open-data portal. */
  portalUrl: Scalars['String']['output'];
  /** The unit that publishes it (the CKAN organization). */
  publisher?: Maybe<Publisher>;
  resources: Array<Resource>;
  syncedAt: Scalars['DateTime']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** How often the publisher updates it, as the portal states it (e.g. Hàng quý). */
  updateFrequency?: Maybe<Scalars['String']['output']>;
};

export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  nodes: Array<Dataset>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DatasetFilter = {
  /** A resource format, e.g. CSV. */
  format?: InputMaybe<Scalars['String']['input']>;
  /** A group name. */
  group?: InputMaybe<Scalars['String']['input']>;
  /** A publisher's name (the CKAN organization name). */
  publisher?: InputMaybe<Scalars['String']['input']>;
  /** Accent-insensitive words that must all appear in the title, description, tags or publisher. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** A tag, matched ignoring case and accents. */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** How to reach a person when the assistant has no answer. */
export type FeedbackOffer = {
  __typename?: 'FeedbackOffer';
  /** The portal's feedback page; it sends the form through the `submitFeedback` mutation. */
  feedbackUrl: Scalars['String']['output'];
  /** The city hotline's number. */
  hotline: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type Licence = {
  __typename?: 'Licence';
  id: Scalars['String']['output'];
  title: Scalars['String']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Answers a question (Vietnamese or English) from published content and open data, with
   * citations. Pass the returned `conversationId` back for follow-up questions. Rate-limited
   * per person and per client address.
   */
  ask: AssistantAnswer;
  /** Admins: queue a full rebuild of the retrieval index. True when queued. */
  rebuildAssistantIndex: Scalars['Boolean']['output'];
  /** Admins: queue a catalog sync now. True when queued. */
  syncOpenDataCatalog: Scalars['Boolean']['output'];
};


export type MutationAskArgs = {
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  mode?: InputMaybe<AnswerMode>;
  question: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PreviewColumn = {
  __typename?: 'PreviewColumn';
  name: Scalars['String']['output'];
  /** Inferred from the rows read: INTEGER, NUMBER, BOOLEAN, DATE or STRING. */
  type: Scalars['String']['output'];
};

export type PreviewStatus =
  /** Not read yet (a preview job is queued). */
  | 'PENDING'
  | 'READY'
  /** Could not be downloaded or parsed; see message. */
  | 'UNREADABLE'
  /** Not CSV or JSON. */
  | 'UNSUPPORTED';

export type Publisher = {
  __typename?: 'Publisher';
  name: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The state of the catalog sync (editors and admins). */
  catalogSyncStatus?: Maybe<CatalogSyncStatus>;
  /** One dataset by id or portal name (exactly one of them). */
  dataset?: Maybe<Dataset>;
  /** Datasets of the open-data catalog, most recently modified first (or by relevance with `search`). `first` defaults to 20, at most 100. */
  datasets?: Maybe<DatasetConnection>;
};


export type QueryDatasetArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DatasetFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A file of a dataset: its download URL on the portal and, for CSV and JSON, a preview. */
export type Resource = {
  __typename?: 'Resource';
  description?: Maybe<Scalars['String']['output']>;
  downloadUrl: Scalars['String']['output'];
  format: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  preview: ResourcePreview;
  sizeBytes?: Maybe<Scalars['Int']['output']>;
};

/** The first rows of a CSV or JSON resource, read as a bounded stream. */
export type ResourcePreview = {
  __typename?: 'ResourcePreview';
  columns: Array<PreviewColumn>;
  /** Why the resource could not be read (UNREADABLE, UNSUPPORTED). */
  message?: Maybe<Scalars['String']['output']>;
  previewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The first rows, as text, in column order. */
  rows: Array<Array<Maybe<Scalars['String']['output']>>>;
  status: PreviewStatus;
  /** True when the file has more rows (or bytes) than the preview read. */
  truncated: Scalars['Boolean']['output'];
};

export type SourceKind =
  | 'ARTICLE'
  | 'DATASET'
  | 'HANDBOOK'
  | 'LIBRARY_ITEM'
  | 'OFFICIAL_ANSWER'
  | 'RESOURCE';

/** Rows of a tabular dataset that answer a count or list question. */
export type TableAnswer = {
  __typename?: 'TableAnswer';
  columns: Array<Scalars['String']['output']>;
  count: Scalars['Int']['output'];
  datasetId: Scalars['ID']['output'];
  /** The filters applied, as column = value. */
  filters: Array<Scalars['String']['output']>;
  resourceId: Scalars['ID']['output'];
  /** Up to 20 of the matching rows. */
  rows: Array<Array<Maybe<Scalars['String']['output']>>>;
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
  AnswerMode: AnswerMode;
  AnswerSentence: ResolverTypeWrapper<AnswerSentence>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AnswerStatus: AnswerStatus;
  AssistantAnswer: ResolverTypeWrapper<AnswerView>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CacheControlScope: CacheControlScope;
  CatalogSyncStatus: ResolverTypeWrapper<CatalogSyncStatus>;
  Citation: ResolverTypeWrapper<Citation>;
  Dataset: ResolverTypeWrapper<DatasetDoc>;
  DatasetConnection: ResolverTypeWrapper<DatasetPage>;
  DatasetFilter: DatasetFilter;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FeedbackOffer: ResolverTypeWrapper<FeedbackOffer>;
  Licence: ResolverTypeWrapper<Licence>;
  Mutation: ResolverTypeWrapper<{}>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PreviewColumn: ResolverTypeWrapper<PreviewColumn>;
  PreviewStatus: PreviewStatus;
  Publisher: ResolverTypeWrapper<Publisher>;
  Query: ResolverTypeWrapper<{}>;
  Resource: ResolverTypeWrapper<ResourceDoc>;
  ResourcePreview: ResolverTypeWrapper<ResourcePreview>;
  SourceKind: SourceKind;
  TableAnswer: ResolverTypeWrapper<TableAnswer>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AnswerSentence: AnswerSentence;
  String: Scalars['String']['output'];
  AssistantAnswer: AnswerView;
  ID: Scalars['ID']['output'];
  CatalogSyncStatus: CatalogSyncStatus;
  Citation: Citation;
  Dataset: DatasetDoc;
  DatasetConnection: DatasetPage;
  DatasetFilter: DatasetFilter;
  DateTime: Scalars['DateTime']['output'];
  FeedbackOffer: FeedbackOffer;
  Licence: Licence;
  Mutation: {};
  PageInfo: PageInfo;
  PreviewColumn: PreviewColumn;
  Publisher: Publisher;
  Query: {};
  Resource: ResourceDoc;
  ResourcePreview: ResourcePreview;
  TableAnswer: TableAnswer;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = AssistantContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AnswerSentenceResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['AnswerSentence'] = ResolversParentTypes['AnswerSentence']> = ResolversObject<{
  citations?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AssistantAnswerResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['AssistantAnswer'] = ResolversParentTypes['AssistantAnswer']> = ResolversObject<{
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  conversationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  feedback?: Resolver<Maybe<ResolversTypes['FeedbackOffer']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['AnswerMode'], ParentType, ContextType>;
  notice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentences?: Resolver<Array<ResolversTypes['AnswerSentence']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AnswerStatus'], ParentType, ContextType>;
  table?: Resolver<Maybe<ResolversTypes['TableAnswer']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CatalogSyncStatusResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['CatalogSyncStatus'] = ResolversParentTypes['CatalogSyncStatus']> = ResolversObject<{
  datasetCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastRunAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSuccessAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  syncedThrough?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CitationResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = ResolversObject<{
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SourceKind'], ParentType, ContextType>;
  link?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  passage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DatasetResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Dataset']>, { __typename: 'Dataset' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  formats?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  licence?: Resolver<Maybe<ResolversTypes['Licence']>, ParentType, ContextType>;
  modifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  portalUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['Publisher']>, ParentType, ContextType>;
  resources?: Resolver<Array<ResolversTypes['Resource']>, ParentType, ContextType>;
  syncedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updateFrequency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DatasetConnectionResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['DatasetConnection'] = ResolversParentTypes['DatasetConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FeedbackOfferResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['FeedbackOffer'] = ResolversParentTypes['FeedbackOffer']> = ResolversObject<{
  feedbackUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hotline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LicenceResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Licence'] = ResolversParentTypes['Licence']> = ResolversObject<{
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  ask?: Resolver<ResolversTypes['AssistantAnswer'], ParentType, ContextType, RequireFields<MutationAskArgs, 'mode' | 'question'>>;
  rebuildAssistantIndex?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  syncOpenDataCatalog?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PreviewColumnResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['PreviewColumn'] = ResolversParentTypes['PreviewColumn']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PublisherResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Publisher'] = ResolversParentTypes['Publisher']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  catalogSyncStatus?: Resolver<Maybe<ResolversTypes['CatalogSyncStatus']>, ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, Partial<QueryDatasetArgs>>;
  datasets?: Resolver<Maybe<ResolversTypes['DatasetConnection']>, ParentType, ContextType, Partial<QueryDatasetsArgs>>;
}>;

export type ResourceResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Resource'] = ResolversParentTypes['Resource']> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modifiedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  preview?: Resolver<ResolversTypes['ResourcePreview'], ParentType, ContextType>;
  sizeBytes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ResourcePreviewResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['ResourcePreview'] = ResolversParentTypes['ResourcePreview']> = ResolversObject<{
  columns?: Resolver<Array<ResolversTypes['PreviewColumn']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previewedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rows?: Resolver<Array<Array<Maybe<ResolversTypes['String']>>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PreviewStatus'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TableAnswerResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['TableAnswer'] = ResolversParentTypes['TableAnswer']> = ResolversObject<{
  columns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  datasetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  filters?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rows?: Resolver<Array<Array<Maybe<ResolversTypes['String']>>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = AssistantContext> = ResolversObject<{
  AnswerSentence?: AnswerSentenceResolvers<ContextType>;
  AssistantAnswer?: AssistantAnswerResolvers<ContextType>;
  CatalogSyncStatus?: CatalogSyncStatusResolvers<ContextType>;
  Citation?: CitationResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetConnection?: DatasetConnectionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FeedbackOffer?: FeedbackOfferResolvers<ContextType>;
  Licence?: LicenceResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PreviewColumn?: PreviewColumnResolvers<ContextType>;
  Publisher?: PublisherResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Resource?: ResourceResolvers<ContextType>;
  ResourcePreview?: ResourcePreviewResolvers<ContextType>;
  TableAnswer?: TableAnswerResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = AssistantContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

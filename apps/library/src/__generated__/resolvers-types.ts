import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LibraryItemDoc, MediaFileDoc, CollectionDoc, PlatformAppDoc, LibraryItemPage, CollectionPage, PlatformAppPage, ShowcaseEntryDoc, ShowcaseEntryPage } from '../models/index';
import type { LibraryStatsRef } from '../stats/library-stats';
import type { AudienceStats as AudienceStatsModel } from '@portal/db';
import type { LibraryContext } from '../context';
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
export type AudienceRegion =
  | 'ABROAD'
  | 'HCMC'
  | 'OTHER_PROVINCE'
  | 'UNKNOWN';

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

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** A curated, ordered set of items, e.g. a training course. */
export type Collection = {
  __typename?: 'Collection';
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Published items in the collection. */
  itemCount: Scalars['Int']['output'];
  /** Items visible to the viewer, in the collection's order. */
  items: LibraryItemConnection;
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};


/** A curated, ordered set of items, e.g. a training course. */
export type CollectionItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CollectionConnection = {
  __typename?: 'CollectionConnection';
  nodes: Array<Collection>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CreateCollectionInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type CreateLibraryItemInput = {
  /** Everyone when left out. */
  audience?: InputMaybe<Array<LibraryAudience>>;
  /** Editors only: adds the item at the end of this collection. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  externalUrl?: InputMaybe<Scalars['String']['input']>;
  /** Files from POST /uploads, in display order. */
  fileIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  format: MediaFormat;
  /** Defaults to vi. */
  language?: InputMaybe<Scalars['String']['input']>;
  pageCount?: InputMaybe<Scalars['Int']['input']>;
  publisher?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreatePlatformAppInput = {
  androidUrl?: InputMaybe<Scalars['String']['input']>;
  /** Everyone when left out. */
  audience?: InputMaybe<Array<LibraryAudience>>;
  category: PlatformAppCategory;
  description: Scalars['String']['input'];
  iosUrl?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Free text; defaults to the unit's name when ownerUnitCode is given. */
  ownerAgency?: InputMaybe<Scalars['String']['input']>;
  /** A unit code from the city's directory. */
  ownerUnitCode?: InputMaybe<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};

export type CreateShowcaseEntryInput = {
  award: ShowcaseAward;
  awardTitle?: InputMaybe<Scalars['String']['input']>;
  category: PlatformAppCategory;
  /** Defaults to AI-Challenge TP.HCM. */
  contestName?: InputMaybe<Scalars['String']['input']>;
  /** A VIDEO item of the library. */
  demoVideoItemId?: InputMaybe<Scalars['ID']['input']>;
  description: Scalars['String']['input'];
  team: Array<ShowcaseTeamMemberInput>;
  title: Scalars['String']['input'];
  /** Defaults to APP. */
  tryItKind?: InputMaybe<ShowcaseTryItKind>;
  tryItUrl: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

export type DeviceClass =
  | 'DESKTOP'
  | 'MOBILE'
  | 'TABLET';

/** Who a library item or a platform app is for. */
export type LibraryAudience =
  | 'BUSINESS'
  | 'CITIZEN'
  | 'CIVIL_SERVANT';

/** A piece of training material: a document, video, audio, slide deck, e-book, course or link. */
export type LibraryItem = {
  __typename?: 'LibraryItem';
  audience: Array<LibraryAudience>;
  collection?: Maybe<Collection>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Downloads counted once per client per day; updated in the background, so it may lag a minute. */
  downloadCount: Scalars['Int']['output'];
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** Where a LINK (or an externally hosted COURSE) lives. */
  externalUrl?: Maybe<Scalars['String']['output']>;
  files: Array<MediaFile>;
  format: MediaFormat;
  id: Scalars['ID']['output'];
  /** BCP 47 language tag, e.g. vi or en. */
  language: Scalars['String']['output'];
  pageCount?: Maybe<Scalars['Int']['output']>;
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who published the material: the ministry, a publisher, an international body. */
  publisher?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  status: LibraryItemStatus;
  title: Scalars['String']['output'];
  topics: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic concurrency: pass it back as `expectedVersion` when updating. */
  version: Scalars['Int']['output'];
  /** Views counted once per client per day; updated in the background, so it may lag a minute. */
  viewCount: Scalars['Int']['output'];
};

export type LibraryItemConnection = {
  __typename?: 'LibraryItemConnection';
  nodes: Array<LibraryItem>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LibraryItemFilter = {
  audience?: InputMaybe<LibraryAudience>;
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  format?: InputMaybe<MediaFormat>;
  language?: InputMaybe<Scalars['String']['input']>;
  /** A publisher, matched ignoring case and accents. */
  publisher?: InputMaybe<Scalars['String']['input']>;
  /** Accent-insensitive words that must all appear in the title, description, topics or publisher. */
  search?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<LibraryItemSort>;
  /** Only editors and contributors may ask for DRAFT or ARCHIVED; contributors see their own. */
  status?: InputMaybe<LibraryItemStatus>;
  /** A topic, matched ignoring case and accents. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type LibraryItemSort =
  /** Most recently published first (drafts and archived items: most recently created first). */
  | 'NEWEST'
  /** Best match for `search` first (title phrase, then title words), newest first among equals. The default when `search` is given. */
  | 'RELEVANCE'
  /** Alphabetical by title, ignoring accents. */
  | 'TITLE';

export type LibraryItemStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

export type LibraryTopicCount = {
  __typename?: 'LibraryTopicCount';
  itemCount: Scalars['Int']['output'];
  topic: Scalars['String']['output'];
};

/** An uploaded file. Its bytes are served over HTTP at `url` (ranged requests supported). */
export type MediaFile = {
  __typename?: 'MediaFile';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Detected from the content, never taken from the uploader. */
  mimeType: Scalars['String']['output'];
  originalName: Scalars['String']['output'];
  /** Hex SHA-256 of the content; also the file's HTTP ETag. */
  sha256: Scalars['String']['output'];
  sizeBytes: Scalars['Int']['output'];
  /** `<PUBLIC_BASE_URL>/files/<id>` */
  url: Scalars['String']['output'];
};

/** What kind of training material a library item is. */
export type MediaFormat =
  | 'AUDIO'
  | 'COURSE'
  | 'DOCUMENT'
  | 'EBOOK'
  /** A resource published elsewhere; the item carries its `externalUrl` instead of files. */
  | 'LINK'
  | 'SLIDES'
  | 'VIDEO';

export type Mutation = {
  __typename?: 'Mutation';
  /** Editors: takes an item off the public library without deleting it. */
  archiveLibraryItem: LibraryItem;
  /** Editors: takes the entry off the public showcase without deleting it. */
  archiveShowcaseEntry: ShowcaseEntry;
  /** Editors. */
  createCollection: Collection;
  /** Contributors and editors: a new DRAFT item. Contributors may attach only files they uploaded. */
  createLibraryItem: LibraryItem;
  /** Editors. */
  createPlatformApp: PlatformApp;
  /** Editors: a new (active) showcase entry. */
  createShowcaseEntry: ShowcaseEntry;
  /** Editors: deletes the collection; its items stay in the library. */
  deleteCollection: Scalars['Boolean']['output'];
  /** Editors. */
  deletePlatformApp: Scalars['Boolean']['output'];
  /** Editors: DRAFT or ARCHIVED → PUBLISHED (publishing a published item changes nothing). */
  publishLibraryItem: LibraryItem;
  /** Counts a view of a published item, once per client per item per day. Returns whether this call counted. */
  recordLibraryItemView: Scalars['Boolean']['output'];
  /** Counts a click on an active entry's "try it" link, once per client per entry per day. Returns whether this call counted. */
  recordShowcaseTryIt: Scalars['Boolean']['output'];
  /** Editors: makes `itemIds`, in this order, the collection's items; items left out leave the collection. */
  setCollectionItems: Collection;
  /** Editors. */
  updateCollection: Collection;
  /** Editors: any item; contributors: their own drafts. Fields left out are unchanged, null clears an optional field. */
  updateLibraryItem: LibraryItem;
  /** Editors. */
  updatePlatformApp: PlatformApp;
  /** Editors. Fields left out are unchanged, null clears an optional field. */
  updateShowcaseEntry: ShowcaseEntry;
};


export type MutationArchiveLibraryItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationArchiveShowcaseEntryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateCollectionArgs = {
  input: CreateCollectionInput;
};


export type MutationCreateLibraryItemArgs = {
  input: CreateLibraryItemInput;
};


export type MutationCreatePlatformAppArgs = {
  input: CreatePlatformAppInput;
};


export type MutationCreateShowcaseEntryArgs = {
  input: CreateShowcaseEntryInput;
};


export type MutationDeleteCollectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeletePlatformAppArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPublishLibraryItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordLibraryItemViewArgs = {
  id: Scalars['ID']['input'];
  view?: InputMaybe<PageViewInput>;
};


export type MutationRecordShowcaseTryItArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetCollectionItemsArgs = {
  id: Scalars['ID']['input'];
  itemIds: Array<Scalars['ID']['input']>;
};


export type MutationUpdateCollectionArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateCollectionInput;
};


export type MutationUpdateLibraryItemArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateLibraryItemInput;
};


export type MutationUpdatePlatformAppArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdatePlatformAppInput;
};


export type MutationUpdateShowcaseEntryArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateShowcaseEntryInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
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

/** One of the city's apps or public-service platforms. */
export type PlatformApp = {
  __typename?: 'PlatformApp';
  androidUrl?: Maybe<Scalars['String']['output']>;
  audience: Array<LibraryAudience>;
  category: PlatformAppCategory;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  iosUrl?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** The agency that runs it. */
  ownerAgency: Scalars['String']['output'];
  /** Its unit code in the city's directory, when it has one. */
  ownerUnitCode?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/** Categories of the library's app directory (its platform apps and showcase entries). */
export type PlatformAppCategory =
  | 'BUSINESS'
  | 'CITIZEN_ENGAGEMENT'
  | 'EDUCATION'
  | 'HEALTH'
  | 'OPEN_DATA'
  | 'OTHER'
  | 'PUBLIC_SERVICES'
  | 'SECURITY'
  | 'TRANSPORT';

export type PlatformAppConnection = {
  __typename?: 'PlatformAppConnection';
  nodes: Array<PlatformApp>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PlatformAppFilter = {
  audience?: InputMaybe<LibraryAudience>;
  category?: InputMaybe<PlatformAppCategory>;
  /** Accent-insensitive words that must all appear in the name, description or owner. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** The library's part of the portal statistics (editors and admins). */
export type PortalStats = {
  __typename?: 'PortalStats';
  id: Scalars['ID']['output'];
  /** Views of library item pages. */
  libraryItems: AudienceStats;
};

export type Query = {
  __typename?: 'Query';
  collection?: Maybe<Collection>;
  /** Curated collections (training courses, series), alphabetical. */
  collections?: Maybe<CollectionConnection>;
  /** One item by id or slug (exactly one of them); null when it does not exist or is not visible to the viewer. */
  libraryItem?: Maybe<LibraryItem>;
  /** Published library items (editors and contributors may ask for other statuses), newest first. */
  libraryItems?: Maybe<LibraryItemConnection>;
  /** Topics of published items with how many items carry each, most used first. */
  libraryTopics?: Maybe<Array<LibraryTopicCount>>;
  platformApp?: Maybe<PlatformApp>;
  /** The directory of the city's apps and public-service platforms, alphabetical. */
  platformApps?: Maybe<PlatformAppConnection>;
  /** The AI-Challenge showcase: award-winning contest products, newest year first, then by award and title. */
  showcaseEntries?: Maybe<ShowcaseEntryConnection>;
  /** One showcase entry by id or slug (exactly one of them); archived ones are null except to editors. */
  showcaseEntry?: Maybe<ShowcaseEntry>;
};


export type QueryCollectionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCollectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLibraryItemArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryLibraryItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LibraryItemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPlatformAppArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPlatformAppsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PlatformAppFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryShowcaseEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ShowcaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryShowcaseEntryArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type ReferrerClass =
  | 'BULLETIN'
  | 'DIRECT'
  | 'OTHER'
  | 'PARTNER'
  | 'SEARCH'
  | 'SOCIAL';

/** Awards of the library's showcase. */
export type ShowcaseAward =
  | 'CONSOLATION'
  | 'FIRST'
  | 'SECOND'
  | 'SPECIAL'
  | 'THIRD';

/** An award-winning contest product (the city's AI-Challenge) in the app directory's showcase. */
export type ShowcaseEntry = {
  __typename?: 'ShowcaseEntry';
  award: ShowcaseAward;
  /** The prize as the contest named it, e.g. "Giải Nhất". */
  awardTitle?: Maybe<Scalars['String']['output']>;
  category: PlatformAppCategory;
  contestName: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The product's demo video, a VIDEO item of the library (null while it is not visible to the viewer). */
  demoVideo?: Maybe<LibraryItem>;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Whether it was promoted from a contest entry of the engagement subgraph. */
  promotedFromContest: Scalars['Boolean']['output'];
  slug: Scalars['String']['output'];
  status: ShowcaseEntryStatus;
  team: Array<ShowcaseTeamMember>;
  title: Scalars['String']['output'];
  /** Clicks on the "try it" link, once per client per day; updated in the background, so it may lag a minute. */
  tryItCount: Scalars['Int']['output'];
  tryItKind: ShowcaseTryItKind;
  tryItUrl: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

export type ShowcaseEntryConnection = {
  __typename?: 'ShowcaseEntryConnection';
  nodes: Array<ShowcaseEntry>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ShowcaseEntryStatus =
  | 'ACTIVE'
  | 'ARCHIVED';

export type ShowcaseFilter = {
  award?: InputMaybe<ShowcaseAward>;
  category?: InputMaybe<PlatformAppCategory>;
  /** ARCHIVED is for editors only. */
  status?: InputMaybe<ShowcaseEntryStatus>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type ShowcaseTeamMember = {
  __typename?: 'ShowcaseTeamMember';
  name: Scalars['String']['output'];
  role?: Maybe<Scalars['String']['output']>;
};

export type ShowcaseTeamMemberInput = {
  name: Scalars['String']['input'];
  role?: InputMaybe<Scalars['String']['input']>;
};

/** Where the "try it" link leads. */
export type ShowcaseTryItKind =
  /** The product itself (a web app or its store page). */
  | 'APP'
  /** A sandbox or demo instance set up for trying it. */
  | 'SANDBOX';

export type StatGranularity =
  | 'DAY'
  | 'MONTH'
  /** ISO weeks, Monday to Sunday. */
  | 'WEEK';

export type UpdateCollectionInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateLibraryItemInput = {
  audience?: InputMaybe<Array<LibraryAudience>>;
  /** Editors only; null takes the item out of its collection. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  externalUrl?: InputMaybe<Scalars['String']['input']>;
  fileIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  format?: InputMaybe<MediaFormat>;
  language?: InputMaybe<Scalars['String']['input']>;
  pageCount?: InputMaybe<Scalars['Int']['input']>;
  publisher?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdatePlatformAppInput = {
  androidUrl?: InputMaybe<Scalars['String']['input']>;
  audience?: InputMaybe<Array<LibraryAudience>>;
  category?: InputMaybe<PlatformAppCategory>;
  description?: InputMaybe<Scalars['String']['input']>;
  iosUrl?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  ownerAgency?: InputMaybe<Scalars['String']['input']>;
  ownerUnitCode?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateShowcaseEntryInput = {
  award?: InputMaybe<ShowcaseAward>;
  awardTitle?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<PlatformAppCategory>;
  contestName?: InputMaybe<Scalars['String']['input']>;
  demoVideoItemId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Array<ShowcaseTeamMemberInput>>;
  title?: InputMaybe<Scalars['String']['input']>;
  tryItKind?: InputMaybe<ShowcaseTryItKind>;
  tryItUrl?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
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
  AudienceBucket: ResolverTypeWrapper<AudienceBucket>;
  AudienceDeviceCount: ResolverTypeWrapper<AudienceDeviceCount>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AudienceReferrerCount: ResolverTypeWrapper<AudienceReferrerCount>;
  AudienceRegion: AudienceRegion;
  AudienceRegionCount: ResolverTypeWrapper<AudienceRegionCount>;
  AudienceStats: ResolverTypeWrapper<AudienceStatsModel>;
  CacheControlScope: CacheControlScope;
  Collection: ResolverTypeWrapper<CollectionDoc>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CollectionConnection: ResolverTypeWrapper<CollectionPage>;
  CreateCollectionInput: CreateCollectionInput;
  CreateLibraryItemInput: CreateLibraryItemInput;
  CreatePlatformAppInput: CreatePlatformAppInput;
  CreateShowcaseEntryInput: CreateShowcaseEntryInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceClass: DeviceClass;
  LibraryAudience: LibraryAudience;
  LibraryItem: ResolverTypeWrapper<LibraryItemDoc>;
  LibraryItemConnection: ResolverTypeWrapper<LibraryItemPage>;
  LibraryItemFilter: LibraryItemFilter;
  LibraryItemSort: LibraryItemSort;
  LibraryItemStatus: LibraryItemStatus;
  LibraryTopicCount: ResolverTypeWrapper<LibraryTopicCount>;
  MediaFile: ResolverTypeWrapper<MediaFileDoc>;
  MediaFormat: MediaFormat;
  Mutation: ResolverTypeWrapper<{}>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PageViewInput: PageViewInput;
  PlatformApp: ResolverTypeWrapper<PlatformAppDoc>;
  PlatformAppCategory: PlatformAppCategory;
  PlatformAppConnection: ResolverTypeWrapper<PlatformAppPage>;
  PlatformAppFilter: PlatformAppFilter;
  PortalStats: ResolverTypeWrapper<LibraryStatsRef>;
  Query: ResolverTypeWrapper<{}>;
  ReferrerClass: ReferrerClass;
  ShowcaseAward: ShowcaseAward;
  ShowcaseEntry: ResolverTypeWrapper<ShowcaseEntryDoc>;
  ShowcaseEntryConnection: ResolverTypeWrapper<ShowcaseEntryPage>;
  ShowcaseEntryStatus: ShowcaseEntryStatus;
  ShowcaseFilter: ShowcaseFilter;
  ShowcaseTeamMember: ResolverTypeWrapper<ShowcaseTeamMember>;
  ShowcaseTeamMemberInput: ShowcaseTeamMemberInput;
  ShowcaseTryItKind: ShowcaseTryItKind;
  StatGranularity: StatGranularity;
  UpdateCollectionInput: UpdateCollectionInput;
  UpdateLibraryItemInput: UpdateLibraryItemInput;
  UpdatePlatformAppInput: UpdatePlatformAppInput;
  UpdateShowcaseEntryInput: UpdateShowcaseEntryInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AudienceBucket: AudienceBucket;
  AudienceDeviceCount: AudienceDeviceCount;
  Float: Scalars['Float']['output'];
  AudienceReferrerCount: AudienceReferrerCount;
  AudienceRegionCount: AudienceRegionCount;
  AudienceStats: AudienceStatsModel;
  Collection: CollectionDoc;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CollectionConnection: CollectionPage;
  CreateCollectionInput: CreateCollectionInput;
  CreateLibraryItemInput: CreateLibraryItemInput;
  CreatePlatformAppInput: CreatePlatformAppInput;
  CreateShowcaseEntryInput: CreateShowcaseEntryInput;
  DateTime: Scalars['DateTime']['output'];
  LibraryItem: LibraryItemDoc;
  LibraryItemConnection: LibraryItemPage;
  LibraryItemFilter: LibraryItemFilter;
  LibraryTopicCount: LibraryTopicCount;
  MediaFile: MediaFileDoc;
  Mutation: {};
  PageInfo: PageInfo;
  PageViewInput: PageViewInput;
  PlatformApp: PlatformAppDoc;
  PlatformAppConnection: PlatformAppPage;
  PlatformAppFilter: PlatformAppFilter;
  PortalStats: LibraryStatsRef;
  Query: {};
  ShowcaseEntry: ShowcaseEntryDoc;
  ShowcaseEntryConnection: ShowcaseEntryPage;
  ShowcaseFilter: ShowcaseFilter;
  ShowcaseTeamMember: ShowcaseTeamMember;
  ShowcaseTeamMemberInput: ShowcaseTeamMemberInput;
  UpdateCollectionInput: UpdateCollectionInput;
  UpdateLibraryItemInput: UpdateLibraryItemInput;
  UpdatePlatformAppInput: UpdatePlatformAppInput;
  UpdateShowcaseEntryInput: UpdateShowcaseEntryInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = LibraryContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AudienceBucketResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['AudienceBucket'] = ResolversParentTypes['AudienceBucket']> = ResolversObject<{
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uniqueReaders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceDeviceCountResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['AudienceDeviceCount'] = ResolversParentTypes['AudienceDeviceCount']> = ResolversObject<{
  device?: Resolver<ResolversTypes['DeviceClass'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceReferrerCountResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['AudienceReferrerCount'] = ResolversParentTypes['AudienceReferrerCount']> = ResolversObject<{
  referrer?: Resolver<ResolversTypes['ReferrerClass'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceRegionCountResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['AudienceRegionCount'] = ResolversParentTypes['AudienceRegionCount']> = ResolversObject<{
  region?: Resolver<ResolversTypes['AudienceRegion'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  views?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AudienceStatsResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['AudienceStats'] = ResolversParentTypes['AudienceStats']> = ResolversObject<{
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

export type CollectionResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['Collection'] = ResolversParentTypes['Collection']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Collection']>, { __typename: 'Collection' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['LibraryItemConnection'], ParentType, ContextType, Partial<CollectionItemsArgs>>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CollectionConnectionResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['CollectionConnection'] = ResolversParentTypes['CollectionConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Collection']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type LibraryItemResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['LibraryItem'] = ResolversParentTypes['LibraryItem']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LibraryItem']>, { __typename: 'LibraryItem' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  audience?: Resolver<Array<ResolversTypes['LibraryAudience']>, ParentType, ContextType>;
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  externalUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  files?: Resolver<Array<ResolversTypes['MediaFile']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['MediaFormat'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pageCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LibraryItemStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  viewCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LibraryItemConnectionResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['LibraryItemConnection'] = ResolversParentTypes['LibraryItemConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['LibraryItem']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LibraryTopicCountResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['LibraryTopicCount'] = ResolversParentTypes['LibraryTopicCount']> = ResolversObject<{
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MediaFileResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['MediaFile'] = ResolversParentTypes['MediaFile']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mimeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  originalName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  archiveLibraryItem?: Resolver<ResolversTypes['LibraryItem'], ParentType, ContextType, RequireFields<MutationArchiveLibraryItemArgs, 'id'>>;
  archiveShowcaseEntry?: Resolver<ResolversTypes['ShowcaseEntry'], ParentType, ContextType, RequireFields<MutationArchiveShowcaseEntryArgs, 'id'>>;
  createCollection?: Resolver<ResolversTypes['Collection'], ParentType, ContextType, RequireFields<MutationCreateCollectionArgs, 'input'>>;
  createLibraryItem?: Resolver<ResolversTypes['LibraryItem'], ParentType, ContextType, RequireFields<MutationCreateLibraryItemArgs, 'input'>>;
  createPlatformApp?: Resolver<ResolversTypes['PlatformApp'], ParentType, ContextType, RequireFields<MutationCreatePlatformAppArgs, 'input'>>;
  createShowcaseEntry?: Resolver<ResolversTypes['ShowcaseEntry'], ParentType, ContextType, RequireFields<MutationCreateShowcaseEntryArgs, 'input'>>;
  deleteCollection?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteCollectionArgs, 'id'>>;
  deletePlatformApp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeletePlatformAppArgs, 'id'>>;
  publishLibraryItem?: Resolver<ResolversTypes['LibraryItem'], ParentType, ContextType, RequireFields<MutationPublishLibraryItemArgs, 'id'>>;
  recordLibraryItemView?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRecordLibraryItemViewArgs, 'id'>>;
  recordShowcaseTryIt?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRecordShowcaseTryItArgs, 'id'>>;
  setCollectionItems?: Resolver<ResolversTypes['Collection'], ParentType, ContextType, RequireFields<MutationSetCollectionItemsArgs, 'id' | 'itemIds'>>;
  updateCollection?: Resolver<ResolversTypes['Collection'], ParentType, ContextType, RequireFields<MutationUpdateCollectionArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateLibraryItem?: Resolver<ResolversTypes['LibraryItem'], ParentType, ContextType, RequireFields<MutationUpdateLibraryItemArgs, 'expectedVersion' | 'id' | 'input'>>;
  updatePlatformApp?: Resolver<ResolversTypes['PlatformApp'], ParentType, ContextType, RequireFields<MutationUpdatePlatformAppArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateShowcaseEntry?: Resolver<ResolversTypes['ShowcaseEntry'], ParentType, ContextType, RequireFields<MutationUpdateShowcaseEntryArgs, 'expectedVersion' | 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PlatformAppResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['PlatformApp'] = ResolversParentTypes['PlatformApp']> = ResolversObject<{
  androidUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  audience?: Resolver<Array<ResolversTypes['LibraryAudience']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['PlatformAppCategory'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  iosUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerAgency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerUnitCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PlatformAppConnectionResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['PlatformAppConnection'] = ResolversParentTypes['PlatformAppConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['PlatformApp']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PortalStatsResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['PortalStats'] = ResolversParentTypes['PortalStats']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PortalStats']>, { __typename: 'PortalStats' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  libraryItems?: Resolver<ResolversTypes['AudienceStats'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType, Partial<QueryCollectionArgs>>;
  collections?: Resolver<Maybe<ResolversTypes['CollectionConnection']>, ParentType, ContextType, Partial<QueryCollectionsArgs>>;
  libraryItem?: Resolver<Maybe<ResolversTypes['LibraryItem']>, ParentType, ContextType, Partial<QueryLibraryItemArgs>>;
  libraryItems?: Resolver<Maybe<ResolversTypes['LibraryItemConnection']>, ParentType, ContextType, Partial<QueryLibraryItemsArgs>>;
  libraryTopics?: Resolver<Maybe<Array<ResolversTypes['LibraryTopicCount']>>, ParentType, ContextType>;
  platformApp?: Resolver<Maybe<ResolversTypes['PlatformApp']>, ParentType, ContextType, Partial<QueryPlatformAppArgs>>;
  platformApps?: Resolver<Maybe<ResolversTypes['PlatformAppConnection']>, ParentType, ContextType, Partial<QueryPlatformAppsArgs>>;
  showcaseEntries?: Resolver<Maybe<ResolversTypes['ShowcaseEntryConnection']>, ParentType, ContextType, Partial<QueryShowcaseEntriesArgs>>;
  showcaseEntry?: Resolver<Maybe<ResolversTypes['ShowcaseEntry']>, ParentType, ContextType, Partial<QueryShowcaseEntryArgs>>;
}>;

export type ShowcaseEntryResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['ShowcaseEntry'] = ResolversParentTypes['ShowcaseEntry']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShowcaseEntry']>, { __typename: 'ShowcaseEntry' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  award?: Resolver<ResolversTypes['ShowcaseAward'], ParentType, ContextType>;
  awardTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['PlatformAppCategory'], ParentType, ContextType>;
  contestName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  demoVideo?: Resolver<Maybe<ResolversTypes['LibraryItem']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  promotedFromContest?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShowcaseEntryStatus'], ParentType, ContextType>;
  team?: Resolver<Array<ResolversTypes['ShowcaseTeamMember']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tryItCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tryItKind?: Resolver<ResolversTypes['ShowcaseTryItKind'], ParentType, ContextType>;
  tryItUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ShowcaseEntryConnectionResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['ShowcaseEntryConnection'] = ResolversParentTypes['ShowcaseEntryConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['ShowcaseEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ShowcaseTeamMemberResolvers<ContextType = LibraryContext, ParentType extends ResolversParentTypes['ShowcaseTeamMember'] = ResolversParentTypes['ShowcaseTeamMember']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = LibraryContext> = ResolversObject<{
  AudienceBucket?: AudienceBucketResolvers<ContextType>;
  AudienceDeviceCount?: AudienceDeviceCountResolvers<ContextType>;
  AudienceReferrerCount?: AudienceReferrerCountResolvers<ContextType>;
  AudienceRegionCount?: AudienceRegionCountResolvers<ContextType>;
  AudienceStats?: AudienceStatsResolvers<ContextType>;
  Collection?: CollectionResolvers<ContextType>;
  CollectionConnection?: CollectionConnectionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  LibraryItem?: LibraryItemResolvers<ContextType>;
  LibraryItemConnection?: LibraryItemConnectionResolvers<ContextType>;
  LibraryTopicCount?: LibraryTopicCountResolvers<ContextType>;
  MediaFile?: MediaFileResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PlatformApp?: PlatformAppResolvers<ContextType>;
  PlatformAppConnection?: PlatformAppConnectionResolvers<ContextType>;
  PortalStats?: PortalStatsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ShowcaseEntry?: ShowcaseEntryResolvers<ContextType>;
  ShowcaseEntryConnection?: ShowcaseEntryConnectionResolvers<ContextType>;
  ShowcaseTeamMember?: ShowcaseTeamMemberResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = LibraryContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

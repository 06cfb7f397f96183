// The hot queries: every read of the contract, as the portal's pages, partners and staff run
// them, and for each list its keyset page (the same operation `after` the first page). On
// MongoDB, query-plans.spec.ts explains every database command they cause; this table is the
// one list of them, and that spec fails when a contract read is missing from it.
import type { Role } from '@portal/auth';
import { run, type Caller } from './portal';

export interface HotQuery {
  /** The contract operation, run exactly as written. */
  operation: string;
  /** Who runs it: a signed-in person (so no cached answer hides the queries) or a partner key. */
  as: Role | 'partner';
  /** Its variables, found in the demo data through the graph (as whoever may read them). */
  variables?: (
    callerFor: (as: HotQuery['as']) => Promise<Caller>,
  ) => Promise<Record<string, unknown>>;
  /** Where its connection is in the answer (`thread.replies`), when it takes `after`. */
  page?: string;
}

const DAY = 24 * 3600_000;

/**
 * Variables naming the first node of a list in the demo data: `firstOf('HomePage', 'articles',
 * 'slug')` runs HomePage as `as` and answers `{ slug: articles.nodes[0].slug }`.
 */
function firstOf(
  operation: string,
  list: string,
  field: string,
  as: HotQuery['as'] = 'citizen',
): HotQuery['variables'] {
  return async (callerFor) => ({
    [field]: (await run(operation, {}, await callerFor(as)))[list].nodes[0][field],
  });
}

/** The statistics' usual period: the year to now, by month. */
async function pastYearByMonth(): Promise<Record<string, unknown>> {
  return {
    from: new Date(Date.now() - 365 * DAY).toISOString(),
    to: new Date().toISOString(),
    granularity: 'MONTH',
  };
}

export const HOT_QUERIES: readonly HotQuery[] = [
  { operation: 'HomePage', as: 'citizen' },
  { operation: 'ArticlePage', as: 'citizen', variables: firstOf('HomePage', 'articles', 'slug') },
  {
    operation: 'SearchArticles',
    as: 'citizen',
    variables: async () => ({ q: 'chuyen doi so' }),
    page: 'articles',
  },
  { operation: 'LibraryBrowse', as: 'citizen', page: 'libraryItems' },
  {
    operation: 'LibraryItemPage',
    as: 'citizen',
    variables: firstOf('LibraryBrowse', 'libraryItems', 'slug'),
  },
  { operation: 'ForumThreads', as: 'citizen', page: 'threads' },
  {
    operation: 'ForumThread',
    as: 'citizen',
    variables: firstOf('ForumThreads', 'threads', 'id'),
    page: 'thread.replies',
  },
  { operation: 'LatestBulletin', as: 'citizen' },
  { operation: 'BulletinArchive', as: 'citizen' },
  {
    operation: 'TrackReferral',
    as: 'citizen',
    variables: async (callerFor) => {
      const { referrals } = await run('Referrals', {}, await callerFor('moderator'));
      return { code: referrals.nodes[0].trackingCode };
    },
  },
  {
    operation: 'ContentStats',
    as: 'editor',
    variables: async () => ({
      from: new Date(Date.now() - 30 * DAY).toISOString(),
      to: new Date().toISOString(),
    }),
  },
  { operation: 'ModerationQueue', as: 'moderator', page: 'moderationQueue' },
  { operation: 'Referrals', as: 'moderator', page: 'referrals' },
  { operation: 'HotlineCategories', as: 'citizen' },
  {
    operation: 'PartnerArticlesSince',
    as: 'partner',
    variables: async () => ({ since: new Date(Date.now() - 365 * DAY).toISOString() }),
    page: 'articles',
  },
  { operation: 'OpenSurveys', as: 'citizen', page: 'surveys' },
  { operation: 'SurveyPage', as: 'citizen', variables: firstOf('OpenSurveys', 'surveys', 'id') },
  { operation: 'SurveyResults', as: 'citizen', variables: firstOf('OpenSurveys', 'surveys', 'id') },
  {
    operation: 'SurveyEditorResults',
    as: 'editor',
    variables: firstOf('OpenSurveys', 'surveys', 'id', 'editor'),
  },
  { operation: 'ArticlePoll', as: 'citizen', variables: firstOf('HomePage', 'articles', 'slug') },
  { operation: 'ThreadPoll', as: 'citizen', variables: firstOf('ForumThreads', 'threads', 'id') },
  { operation: 'UpcomingEvents', as: 'citizen', page: 'events' },
  { operation: 'PastEvents', as: 'citizen', page: 'events' },
  { operation: 'EventPage', as: 'citizen', variables: firstOf('UpcomingEvents', 'events', 'id') },
  { operation: 'MyEventRegistrations', as: 'citizen' },
  { operation: 'Contests', as: 'citizen', page: 'contests' },
  { operation: 'ContestPage', as: 'citizen', variables: firstOf('Contests', 'contests', 'id') },
  { operation: 'ContestResults', as: 'citizen', variables: firstOf('Contests', 'contests', 'id') },
  { operation: 'Showcase', as: 'citizen', page: 'showcaseEntries' },
  {
    operation: 'ShowcaseEntry',
    as: 'citizen',
    variables: firstOf('Showcase', 'showcaseEntries', 'slug'),
  },
  { operation: 'PortalStats', as: 'editor', variables: pastYearByMonth },
  { operation: 'MonthlyReports', as: 'editor' },
  {
    operation: 'MonthlyReport',
    as: 'editor',
    variables: async () => ({ month: new Date(Date.now() - 31 * DAY).toISOString().slice(0, 7) }),
  },
  { operation: 'PortalContributionStats', as: 'editor', variables: pastYearByMonth },
  { operation: 'PortalReferralStats', as: 'editor', variables: pastYearByMonth },
  { operation: 'Datasets', as: 'citizen', page: 'datasets' },
  { operation: 'Dataset', as: 'citizen', variables: firstOf('Datasets', 'datasets', 'name') },
  // The web portal's own reads.
  { operation: 'HomeExtras', as: 'citizen' },
  { operation: 'NewsList', as: 'citizen', page: 'articles' },
  { operation: 'ArticleExtras', as: 'citizen', variables: firstOf('HomePage', 'articles', 'slug') },
  {
    operation: 'RelatedArticles',
    as: 'citizen',
    variables: async (callerFor) => ({
      categoryId: (await run('HomePage', {}, await callerFor('citizen'))).articles.nodes[0].category
        ?.id,
    }),
  },
  { operation: 'SitemapEntries', as: 'citizen', page: 'articles' },
  { operation: 'LibrarySearch', as: 'citizen', page: 'libraryItems' },
  {
    operation: 'LibraryItemMedia',
    as: 'citizen',
    variables: firstOf('LibraryBrowse', 'libraryItems', 'slug'),
  },
  { operation: 'PlatformAppsDirectory', as: 'citizen' },
  { operation: 'ForumThreadList', as: 'citizen', page: 'threads' },
  { operation: 'ThreadExtras', as: 'citizen', variables: firstOf('ForumThreads', 'threads', 'id') },
  {
    operation: 'BulletinIssuePage',
    as: 'citizen',
    variables: async (callerFor) => {
      const { latestBulletinIssue } = await run('LatestBulletin', {}, await callerFor('citizen'));
      return { year: latestBulletinIssue.year, month: latestBulletinIssue.month };
    },
  },
  { operation: 'EditorialArticles', as: 'editor', page: 'editorialArticles' },
  {
    operation: 'StaffArticle',
    as: 'editor',
    variables: firstOf('EditorialArticles', 'editorialArticles', 'id', 'editor'),
  },
  { operation: 'ArticleCategories', as: 'editor' },
  { operation: 'StaffThreads', as: 'moderator', page: 'threads' },
  {
    operation: 'StaffReferral',
    as: 'moderator',
    variables: firstOf('Referrals', 'referrals', 'id', 'moderator'),
  },
  { operation: 'StaffBulletinIssues', as: 'editor' },
  { operation: 'StaffLibraryItems', as: 'editor' },
  {
    // Every entry with the viewer's own score and conflict: one lookup by id each.
    operation: 'ContestJudging',
    as: 'citizen',
    variables: firstOf('Contests', 'contests', 'id'),
  },
  {
    operation: 'StaffContest',
    as: 'editor',
    variables: firstOf('Contests', 'contests', 'id', 'editor'),
  },
];

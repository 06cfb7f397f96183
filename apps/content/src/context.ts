import type DataLoader from 'dataloader';
import type { BaseContext } from '@portal/graphql-kit';
import type { ArticleDoc } from './models/article.model';
import type { CategoryDoc } from './models/category.model';
import type { RevisionDoc } from './models/revision.model';
import type { ArticleQueryService } from './services/article-query.service';
import type { ArticlePublicationService } from './services/article-publication.service';
import type { ArticleService } from './services/article.service';
import type { CategoryService } from './services/category.service';
import type { ContentStatsService } from './services/content-stats.service';
import type { ContributionStatsService } from './services/contribution-stats.service';
import type { MonthlyReportService } from './reports/monthly-report.service';
import type { PortalStatsService } from './services/portal-stats.service';
import type { ViewCounter } from './services/view-counter.service';
import type { ContentModels } from './models';

/** What lives for the whole process and every request shares. */
export interface ContentServices {
  models: ContentModels;
  articles: ArticleService;
  publication: ArticlePublicationService;
  queries: ArticleQueryService;
  categories: CategoryService;
  views: ViewCounter;
  stats: ContentStatsService;
  portalStats: PortalStatsService;
  /** Contributions (the editorial workflow) part of the portal statistics. */
  contributions: ContributionStatsService;
  /** The monthly report for leaders: subscriptions, stored reports, the month-end run. */
  monthlyReports: MonthlyReportService;
}

/** Per-request batching: N lookups of one kind cost one query. */
export interface ContentLoaders {
  /** Raw articles by id; callers apply visibility. */
  articles: DataLoader<string, ArticleDoc | null>;
  categories: DataLoader<string, CategoryDoc | null>;
  categoryChildren: DataLoader<string, CategoryDoc[]>;
  revisions: DataLoader<string, RevisionDoc[]>;
  viewCounts: DataLoader<string, number>;
}

export interface ContentContext extends BaseContext {
  services: ContentServices;
  loaders: ContentLoaders;
  /** The id the graph shows for a person: an HMAC of their subject (see `publicUserId`). */
  publicUserId: (subject: string) => string;
}

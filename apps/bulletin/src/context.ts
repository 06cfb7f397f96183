import type DataLoader from 'dataloader';
import type { BaseContext } from '@portal/graphql-kit';
import type { LinkBase } from './domain/links';
import type { BulletinIssueRecord, BulletinItemRecord, BulletinModels } from './models';
import type { IssueService } from './services/issue.service';
import type { SubscriptionService } from './services/subscription.service';
import type { BulletinStatsService } from './stats/bulletin-stats.service';

/** What every bulletin resolver gets: the viewer (from the internal token), services and per-request loaders. */
export interface BulletinContext extends BaseContext {
  models: BulletinModels;
  issues: IssueService;
  subscriptions: SubscriptionService;
  links: LinkBase;
  /** Issue views, audio opens and subscribers (portal statistics). */
  stats: BulletinStatsService;
  loaders: {
    issueById: DataLoader<string, BulletinIssueRecord | null>;
    itemsByIssue: DataLoader<string, BulletinItemRecord[]>;
  };
}

import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import type { ForumClient } from '../clients/forum-client';
import { referralModels, type ReferralModels } from '../models';
import { ReferralRepository } from '../models/referral.repository';
import type { ReferralStatsRecorder } from '../stats/referral-stats-counter';
import { AgencyContactService } from './agency-contact.service';
import { CategoryService } from './category.service';
import { ReferralIntakeService } from './referral-intake.service';
import { ReferralLifecycleService } from './referral-lifecycle.service';

export interface ReferralCore {
  models: ReferralModels;
  repo: ReferralRepository;
  /** New referrals: from the forum and from feedback. */
  intake: ReferralIntakeService;
  /** A referral's statuses after intake. */
  referrals: ReferralLifecycleService;
  categories: CategoryService;
  contacts: AgencyContactService;
}

/** The service's use cases on one database, shared by the subgraph and the worker. */
export function createReferralCore(options: {
  conn: Connection;
  outbox: Outbox;
  /** Counts referrals and events into the statistics as they are written. */
  stats: ReferralStatsRecorder;
  forum: ForumClient | null;
  webBaseUrl: string;
  logger: Logger;
  now?: () => Date;
}): ReferralCore {
  const now = options.now ?? (() => new Date());
  const models = referralModels(options.conn);
  const repo = new ReferralRepository(models, options.outbox, options.logger, options.stats, now);
  const categories = new CategoryService(models, now);
  const contacts = new AgencyContactService(models, now);
  const intake = new ReferralIntakeService({
    repo,
    categories,
    outbox: options.outbox,
    forum: options.forum,
    webBaseUrl: options.webBaseUrl,
    logger: options.logger,
    now,
  });
  const referrals = new ReferralLifecycleService({
    repo,
    contacts,
    webBaseUrl: options.webBaseUrl,
    logger: options.logger,
    now,
  });
  return { models, repo, intake, referrals, categories, contacts };
}

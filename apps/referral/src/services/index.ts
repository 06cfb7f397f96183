import type { Connection } from 'mongoose';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import type { ForumClient } from '../clients/forum-client';
import { referralModels, type ReferralModels } from '../models';
import { ReferralRepository } from '../models/referral.repository';
import { AgencyContactService } from './agency-contact-service';
import { CategoryService } from './category-service';
import { ReferralService } from './referral-service';

export interface ReferralCore {
  models: ReferralModels;
  repo: ReferralRepository;
  referrals: ReferralService;
  categories: CategoryService;
  contacts: AgencyContactService;
}

/** The service's use cases on one database, shared by the subgraph and the worker. */
export function createReferralCore(options: {
  conn: Connection;
  outbox: Outbox;
  forum: ForumClient | null;
  publicBaseUrl: string;
  logger: Logger;
  now?: () => Date;
}): ReferralCore {
  const now = options.now ?? (() => new Date());
  const models = referralModels(options.conn);
  const repo = new ReferralRepository(models, options.outbox, options.logger, now);
  const categories = new CategoryService(models, now);
  const contacts = new AgencyContactService(models, now);
  const referrals = new ReferralService({
    repo,
    categories,
    contacts,
    outbox: options.outbox,
    forum: options.forum,
    publicBaseUrl: options.publicBaseUrl,
    logger: options.logger,
    now,
  });
  return { models, repo, referrals, categories, contacts };
}

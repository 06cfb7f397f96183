import type { Connection } from 'mongoose';
import { createHmac } from 'node:crypto';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import { engagementModels, type EngagementModels } from '../models';
import { ContestService } from './contest.service';
import { EventService, type EventServiceOptions } from './event.service';
import { SurveyService, type Limiter } from './survey.service';

export interface EngagementCore {
  models: EngagementModels;
  surveys: SurveyService;
  events: EventService;
  contests: ContestService;
}

const NO_LIMIT: Limiter = { consume: async () => undefined };

/** The service's use cases on one database, shared by the subgraph and the worker. */
export function createEngagementCore(options: {
  conn: Connection;
  outbox: Outbox;
  events: EventServiceOptions['events'];
  webBaseUrl: string;
  /** The internal token secret; the key of anonymous respondents' hashes is derived from it. */
  secret: string;
  limits?: { answers?: Limiter; questions?: Limiter; votes?: Limiter };
  /** Days before a person new to this service may vote in contests (default 7). */
  newAccountDays?: number;
  logger: Logger;
  now?: () => Date;
}): EngagementCore {
  const now = options.now ?? (() => new Date());
  const models = engagementModels(options.conn);
  // What every one of the services works with.
  const shared = { models, logger: options.logger, now };
  const surveys = new SurveyService({
    ...shared,
    respondentSecret: createHmac('sha256', options.secret)
      .update('survey respondents')
      .digest('hex'),
    answerLimit: options.limits?.answers ?? NO_LIMIT,
  });
  const events = new EventService({
    ...shared,
    outbox: options.outbox,
    events: options.events,
    webBaseUrl: options.webBaseUrl,
    questionLimit: options.limits?.questions ?? NO_LIMIT,
  });
  const contests = new ContestService({
    ...shared,
    outbox: options.outbox,
    voteLimit: options.limits?.votes ?? NO_LIMIT,
    newAccountDays: options.newAccountDays ?? 7,
  });
  return { models, surveys, events, contests };
}

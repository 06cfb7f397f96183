import { requireServiceOrRole, type Viewer } from '@portal/auth';
import {
  createAudienceCounter,
  parsePortalStatsKey,
  statBuckets,
  type AudienceCounter,
  type AudienceStats,
  type CounterConnections,
  type HotCounter,
  type PortalStatsPeriod,
} from '@portal/db';
import type { BulletinModels } from '../models';
import { decodeSubscriberFacts, subscriberFactsStore } from './subscriber-facts';
import { subscriberStats, type SubscriberStats } from './subscriber-stats';

export interface BulletinCounters {
  /** Issue page views. */
  views: AudienceCounter;
  /** Plays of an issue's read-aloud audio. */
  audio: AudienceCounter;
}

/** The bulletin's hot counters (flushed by the bulletin worker). */
export function bulletinCounters(options: CounterConnections): BulletinCounters {
  const logger = options.logger.child({ module: 'bulletin-counters' });
  return {
    views: createAudienceCounter({
      ...options,
      logger,
      name: 'bulletin:views',
      modelPrefix: 'IssueView',
      collectionPrefix: 'issue_view',
      subjectField: 'issueId',
      subjectsField: 'issues',
    }),
    audio: createAudienceCounter({
      ...options,
      logger,
      name: 'bulletin:audio',
      modelPrefix: 'IssueAudio',
      collectionPrefix: 'issue_audio',
      subjectField: 'issueId',
      subjectsField: 'issues',
    }),
  };
}

/** Every hot counter of the service, for the flush task. */
export function allCounters(c: BulletinCounters): HotCounter[] {
  return [c.views.counter, c.audio.counter];
}

export interface BulletinStatsRef extends PortalStatsPeriod {
  id: string;
}

/**
 * The bulletin's parts of the portal statistics, for editors and admins. Every method checks
 * the viewer: an `_entities` call reaches the fields without the query field.
 */
export class BulletinStatsService {
  constructor(
    private readonly models: BulletinModels,
    readonly counters: BulletinCounters,
  ) {}

  fromKey(viewer: Viewer, id: string): BulletinStatsRef {
    requireServiceOrRole(viewer, 'editor');
    return { id, ...parsePortalStatsKey(id) };
  }

  issueViews(viewer: Viewer, p: PortalStatsPeriod): Promise<AudienceStats> {
    requireServiceOrRole(viewer, 'editor');
    return this.counters.views.stats(p.from, p.to, p.granularity);
  }

  audioOpens(viewer: Viewer, p: PortalStatsPeriod): Promise<AudienceStats> {
    requireServiceOrRole(viewer, 'editor');
    return this.counters.audio.stats(p.from, p.to, p.granularity);
  }

  /**
   * Subscribers over the period: from the month facts (subscriber-facts.ts: every month's one
   * document, since the count at the period's start reaches back to the first subscriber) once
   * they are built, else from the records (`subscribersFromRecords`, the reference).
   */
  async subscribers(viewer: Viewer, p: PortalStatsPeriod): Promise<SubscriberStats> {
    requireServiceOrRole(viewer, 'editor');
    const store = subscriberFactsStore(this.models);
    const facts = await store.readWhenBuilt();
    if (!facts) return this.subscribersFromRecords(p);
    const subscribers = decodeSubscriberFacts(facts);
    return subscriberStats(statBuckets(p.from, p.to, p.granularity), subscribers);
  }

  async subscribersFromRecords(p: PortalStatsPeriod): Promise<SubscriberStats> {
    const subscribers = await this.models.subscribers
      .find({}, { createdAt: 1, confirmedAt: 1, unsubscribedAt: 1, pastPeriods: 1 })
      .lean()
      .exec();
    return subscriberStats(statBuckets(p.from, p.to, p.granularity), subscribers);
  }
}

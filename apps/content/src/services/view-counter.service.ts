import type { Redis } from 'ioredis';
import {
  ANONYMOUS_READER_WINDOW_SECONDS,
  HotCounter,
  audienceCounters,
  readerOf,
  type PageView,
} from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ArticleKind, DeviceClass } from '../domain/article-enums';
import { CONTENT_VIEWS_SPEC, kindCounter, type ViewStatsModels } from '../models/view-stats.model';

export interface ViewCounterOptions {
  redis: Redis;
  models: ViewStatsModels;
  /** Redis key prefix of this deployment (QUEUE_PREFIX), so tests and stacks never share keys. */
  keyPrefix: string;
  /** Repeated views from one client within this many seconds count once. */
  dedupeSeconds: number;
  logger: Logger;
  now?: () => Date;
}

export type { FlushResult } from '@portal/db';

const DEVICE_COUNTER = { DESKTOP: 'desktop', MOBILE: 'mobile', TABLET: 'tablet' } as const;

/**
 * Article views on the shared hot counter (Redis counts, a leased flush into day, month
 * and year documents): see @portal/db HotCounter.
 */
export class ViewCounter extends HotCounter {
  constructor(options: ViewCounterOptions) {
    super({
      ...options,
      spec: CONTENT_VIEWS_SPEC,
      name: 'content:views',
      // Pending fields of the version before the shared counter: `<day>|<id>|DESKTOP`.
      aliases: {
        DESKTOP: ['total', 'desktop'],
        MOBILE: ['total', 'mobile'],
        TABLET: ['total', 'tablet'],
      },
    });
  }

  /**
   * Counts one view unless this client viewed the article within the window. `client` is
   * the gateway's per-client key (or the viewer id); without one every view counts.
   */
  record(
    articleId: string,
    device: DeviceClass,
    client: string | null,
    audience?: { kind: ArticleKind; view: Omit<PageView, 'device'>; viewerId: string | null },
  ): Promise<boolean> {
    if (!audience)
      return this.count({ subjectId: articleId, counters: [DEVICE_COUNTER[device]], client });
    const reader = readerOf(audience.viewerId, client, this.now(), ANONYMOUS_READER_WINDOW_SECONDS);
    return this.count({
      subjectId: articleId,
      counters: [
        ...audienceCounters({ ...audience.view, device }, audience.viewerId !== null),
        kindCounter(audience.kind),
      ],
      client,
      readers: reader ? { reader, scopes: ['all', `kind:${audience.kind}`] } : null,
    });
  }

  /** Adds counts of past days (an import, or demo data) to the pending views. */
  importCounts(
    rows: readonly { articleId: string; day: string; device: DeviceClass; count: number }[],
  ): Promise<void> {
    return this.importEvents(
      rows.map((r) => ({
        subjectId: r.articleId,
        day: r.day,
        counters: [DEVICE_COUNTER[r.device]],
        count: r.count,
      })),
    );
  }

  /** Views per article: flushed totals plus those still waiting in Redis. */
  viewCounts(articleIds: readonly string[]): Promise<number[]> {
    return this.totals(articleIds);
  }
}

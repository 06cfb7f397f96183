import {
  audienceStats,
  findByIds,
  parsePortalStatsKey,
  portalStatsKey,
  unionCover,
  statsRange,
  type AudienceStats,
  type HotPeriodDoc,
  type PortalStatsPeriod,
} from '@portal/db';
import { ARTICLE_KINDS, type ArticleKind } from '../domain/article-enums';
import { kindCounter, type ViewStatsModels } from '../models/view-stats.model';
import type { ViewCounter } from './view-counter.service';

/** What `PortalStats` resolves to in this subgraph: its period (and key). */
export interface PortalStatsRef extends PortalStatsPeriod {
  id: string;
}

export interface KindAudienceResult {
  kind: ArticleKind;
  views: number;
  uniqueReaders: number;
}

/** The content subgraph's parts of the portal statistics: article audiences. */
export class PortalStatsService {
  constructor(
    private readonly models: ViewStatsModels,
    private readonly views: ViewCounter,
  ) {}

  /** Checks the period and gives the entity (BAD_USER_INPUT for a bad one). */
  ref(period: PortalStatsPeriod): PortalStatsRef {
    return { id: portalStatsKey(period), ...period };
  }

  fromKey(id: string): PortalStatsRef {
    return { id, ...parsePortalStatsKey(id) };
  }

  articles(p: PortalStatsPeriod): Promise<AudienceStats> {
    return audienceStats(this.views, this.models.periods, p.from, p.to, p.granularity);
  }

  async articlesByKind(p: PortalStatsPeriod): Promise<KindAudienceResult[]> {
    const range = statsRange(p.from, p.to);
    const docs = new Map(
      (await findByIds<HotPeriodDoc>(this.models.periods, [...range.add, ...range.subtract])).map(
        (d) => [d._id, d as unknown as Record<string, number>] as const,
      ),
    );
    const sum = (ids: string[], field: string) =>
      ids.reduce((n, id) => n + (docs.get(id)?.[field] ?? 0), 0);
    const cover = unionCover(range.firstDay, range.lastDay);
    return Promise.all(
      ARTICLE_KINDS.map(async (kind) => {
        const field = kindCounter(kind);
        const [uniqueReaders] = await this.views.distinctReaders(`kind:${kind}`, [cover]);
        return {
          kind,
          views: sum(range.add, field) - sum(range.subtract, field),
          uniqueReaders: uniqueReaders!,
        };
      }),
    );
  }
}

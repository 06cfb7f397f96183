import { requireRole, type Viewer } from '@portal/auth';
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

/**
 * The content subgraph's parts of the portal statistics: article audiences, for editors and
 * admins. Every method for a viewer checks it (before the period or key is read): an
 * `_entities` call reaches the fields without the query field. The `read…` methods take no
 * viewer: they are the month-end report's, which the worker reads in process.
 */
export class PortalStatsService {
  constructor(
    private readonly models: ViewStatsModels,
    private readonly views: ViewCounter,
  ) {}

  /** Checks the period and gives the entity (BAD_USER_INPUT for a bad one). */
  ref(viewer: Viewer, period: PortalStatsPeriod): PortalStatsRef {
    requireRole(viewer, 'editor');
    return { id: portalStatsKey(period), ...period };
  }

  fromKey(viewer: Viewer, id: string): PortalStatsRef {
    requireRole(viewer, 'editor');
    return { id, ...parsePortalStatsKey(id) };
  }

  async articles(viewer: Viewer, p: PortalStatsPeriod): Promise<AudienceStats> {
    requireRole(viewer, 'editor');
    return this.readArticles(p);
  }

  async articlesByKind(viewer: Viewer, p: PortalStatsPeriod): Promise<KindAudienceResult[]> {
    requireRole(viewer, 'editor');
    return this.readArticlesByKind(p);
  }

  readArticles(p: PortalStatsPeriod): Promise<AudienceStats> {
    return audienceStats(this.views, this.models.periods, p.from, p.to, p.granularity);
  }

  async readArticlesByKind(p: PortalStatsPeriod): Promise<KindAudienceResult[]> {
    const range = statsRange(p.from, p.to);
    const docs = new Map(
      (
        await findByIds<HotPeriodDoc>(this.models.periods, [...range.add, ...range.subtract], {
          projection: Object.fromEntries(ARTICLE_KINDS.map((k) => [kindCounter(k), 1 as const])),
        })
      ).map((d) => [d._id, d as unknown as Record<string, number>] as const),
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

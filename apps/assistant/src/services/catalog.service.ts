import { requireRole, type Viewer } from '@portal/auth';
import { paginate } from '@portal/db';
import { badInput } from '@portal/errors';
import { parseArgs } from '@portal/graphql-kit';
import { fold, queryTokens, rankScore } from '@portal/text';
import { z } from 'zod';
import type { AssistantModels } from '../models';
import type { DatasetDoc } from '../models/dataset.model';
import type { ResourceDoc } from '../models/resource.model';

const listArgs = z.object({
  filter: z
    .object({
      search: z.string().max(200).nullish(),
      publisher: z.string().max(200).nullish(),
      group: z.string().max(200).nullish(),
      tag: z.string().max(100).nullish(),
      format: z.string().max(20).nullish(),
    })
    .nullish(),
  first: z.number().int().min(0).max(100).nullish(),
  after: z.string().max(500).nullish(),
});

const getArgs = z.object({
  id: z.string().min(1).max(200).nullish(),
  name: z.string().min(1).max(200).nullish(),
});

const SEARCH_LIMIT = 500;

/** Queues work for the worker (the subgraph never calls the portal itself). */
export interface CatalogJobs {
  syncNow(): Promise<void>;
  rebuildIndex(): Promise<void>;
}

/** Browsing and searching the synced open-data catalog, and its admin actions. */
export class CatalogService {
  constructor(
    private readonly models: AssistantModels,
    private readonly jobs: CatalogJobs | null,
    /** The open-data portal's base URL (dataset pages live under /dataset/<name>). */
    private readonly portalUrl: string,
  ) {}

  portalPage(d: Pick<DatasetDoc, 'name'>): string {
    return `${this.portalUrl.replace(/\/+$/, '')}/dataset/${encodeURIComponent(d.name)}`;
  }

  async list(_viewer: Viewer, args: unknown) {
    const { filter, first, after } = parseArgs(listArgs, args);
    const query: Record<string, unknown> = { removedAt: null };
    if (filter?.publisher) query['publisher.name'] = filter.publisher;
    if (filter?.group) query.groups = filter.group;
    if (filter?.tag) query.tagKeys = fold(filter.tag.trim());
    if (filter?.format) query.formats = filter.format.trim().toUpperCase();
    const search = filter?.search?.trim() ? queryTokens(filter.search) : [];
    if (filter?.search?.trim() && !search.length)
      throw badInput('filter.search', 'must contain letters or digits');
    if (!search.length)
      return paginate(this.models.Dataset, {
        filter: query,
        sort: [
          ['modifiedAt', -1],
          ['_id', -1],
        ],
        first,
        after,
      });
    // Relevance: title phrase, then title words, then recency; a cursor is an offset.
    if (after && !/^\d+$/.test(after)) throw badInput('after', 'is not a cursor of this list');
    const found = await this.models.Dataset.find({ ...query, searchTokens: { $all: search } })
      .limit(SEARCH_LIMIT)
      .lean<DatasetDoc[]>();
    found.sort(
      (a, b) =>
        rankScore({ query: search, titleTokens: b.titleTokens, title: b.title }) -
          rankScore({ query: search, titleTokens: a.titleTokens, title: a.title }) ||
        b.modifiedAt.getTime() - a.modifiedAt.getTime(),
    );
    const start = after ? Number(after) : 0;
    const size = first ?? 20;
    const nodes = found.slice(start, start + size);
    return {
      nodes,
      pageInfo: {
        hasNextPage: start + size < found.length,
        endCursor: nodes.length ? String(start + nodes.length) : null,
      },
      totalCount: async () => found.length,
    };
  }

  async get(_viewer: Viewer, args: unknown): Promise<DatasetDoc | null> {
    const { id, name } = parseArgs(getArgs, args);
    if (Boolean(id) === Boolean(name)) throw badInput('id', 'give exactly one of id and name');
    return this.models.Dataset.findOne(
      id ? { _id: id, removedAt: null } : { name, removedAt: null },
    ).lean<DatasetDoc>();
  }

  resources(datasetId: string): Promise<ResourceDoc[]> {
    return this.models.Resource.find({ datasetId, removedAt: null })
      .sort({ position: 1 })
      .lean<ResourceDoc[]>();
  }

  async syncStatus(viewer: Viewer) {
    requireRole(viewer, 'editor');
    const state = await this.models.SyncState.findById('ckan').lean();
    return {
      syncedThrough: state?.cursor ?? null,
      lastRunAt: state?.lastRunAt ?? null,
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastError: state?.lastError ?? null,
      datasetCount: await this.models.Dataset.countDocuments({ removedAt: null }),
    };
  }

  async syncNow(viewer: Viewer): Promise<boolean> {
    requireRole(viewer, 'admin');
    if (!this.jobs) return false;
    await this.jobs.syncNow();
    return true;
  }

  async rebuildIndex(viewer: Viewer): Promise<boolean> {
    requireRole(viewer, 'admin');
    if (!this.jobs) return false;
    await this.jobs.rebuildIndex();
    return true;
  }
}

import DataLoader from 'dataloader';
import type { BaseContext } from '@portal/graphql-kit';
import type { AssistantModels } from './models';
import type { DatasetDoc } from './models/dataset.model';
import type { ResourceDoc } from './models/resource.model';
import type { AskService } from './services/ask.service';
import type { CatalogService } from './services/catalog.service';

/** Long-lived parts shared by every request. */
export interface AssistantServices {
  models: AssistantModels;
  catalog: CatalogService;
  ask: AskService;
}

export interface AssistantLoaders {
  /** Datasets still on the portal, by id (entity references). */
  datasetById: DataLoader<string, DatasetDoc | null>;
  /** A dataset's resources in order. */
  resourcesByDataset: DataLoader<string, ResourceDoc[]>;
}

export interface AssistantContext extends BaseContext, AssistantServices {
  loaders: AssistantLoaders;
}

/** Per-request loaders: N lookups of one kind cost one `$in` query. */
export function createLoaders(services: AssistantServices): AssistantLoaders {
  const { models } = services;
  return {
    datasetById: new DataLoader(async (keys) => {
      const found = await models.Dataset.find({ _id: { $in: [...keys] }, removedAt: null }).lean<
        DatasetDoc[]
      >();
      const byId = new Map(found.map((d) => [d._id, d]));
      return keys.map((k) => byId.get(k) ?? null);
    }),
    resourcesByDataset: new DataLoader(async (keys) => {
      const found = await models.Resource.find({ datasetId: { $in: [...keys] }, removedAt: null })
        .sort({ position: 1 })
        .lean<ResourceDoc[]>();
      return keys.map((k) => found.filter((r) => r.datasetId === k));
    }),
  };
}

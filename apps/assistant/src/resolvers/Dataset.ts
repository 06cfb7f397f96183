import type {
  DatasetConnectionResolvers,
  DatasetResolvers,
  ResourceResolvers,
} from '../__generated__/resolvers-types';
import { loadEntity } from '@portal/graphql-kit';

export const Dataset: DatasetResolvers = {
  __resolveReference: (ref, ctx) => loadEntity(ref, ctx.loaders.datasetById),
  id: (d) => d._id,
  portalUrl: (d, _a, ctx) => ctx.catalog.portalPage(d),
  resources: (d, _a, ctx) => ctx.loaders.resourcesByDataset.load(d._id),
};

export const DatasetConnection: DatasetConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};

export const Resource: ResourceResolvers = {
  id: (r) => r._id,
  downloadUrl: (r) => r.url,
  preview: (r) => ({
    ...r.preview,
    rows: r.preview.rows.map((row) => JSON.parse(row) as string[]),
  }),
};

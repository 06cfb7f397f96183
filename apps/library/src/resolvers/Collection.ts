import type { CollectionResolvers } from '../__generated__/resolvers-types';
import { isEditor } from '../domain/library-access';
import { listCollectionItems } from '../services/library-items.service';
import { markPrivate } from './cache-hint';
import { loadEntity } from '@portal/graphql-kit';

export const Collection: CollectionResolvers = {
  __resolveReference: (ref, ctx) => loadEntity(ref, ctx.loaders.collections),
  id: (collection) => collection._id.toHexString(),
  items: (collection, args, ctx, info) => {
    if (isEditor(ctx.viewer)) markPrivate(info);
    return listCollectionItems(ctx, collection._id.toHexString(), args);
  },
  itemCount: (collection, _args, ctx) =>
    ctx.loaders.collectionItemCounts.load(collection._id.toHexString()),
};

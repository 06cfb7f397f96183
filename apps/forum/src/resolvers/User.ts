import type { UserResolvers } from '../__generated__/resolvers-types';
import { entityKey } from '@portal/graphql-kit';

export const User: UserResolvers = {
  // Keyed by the public id: the identity provider's subject never leaves the forum.
  __resolveReference: (ref, ctx) => {
    const id = entityKey(ref);
    return id ? ctx.loaders.profileByPublicId.load(id) : null;
  },
  id: (u, _, ctx) => ctx.deps.publicIds.of(u._id),
};

import type { UserResolvers } from '../__generated__/resolvers-types';
import { loadEntity } from '@portal/graphql-kit';

export const User: UserResolvers = {
  // Keyed by the public id: the identity provider's subject never leaves the forum.
  __resolveReference: (ref, ctx) => loadEntity(ref, ctx.loaders.profileByPublicId),
  id: (u, _, ctx) => ctx.services.publicIds.of(u._id),
};

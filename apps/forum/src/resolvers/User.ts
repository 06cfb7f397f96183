import type { UserResolvers } from '../__generated__/resolvers-types';
import { referenceId } from './reference';

export const User: UserResolvers = {
  // Keyed by the public id: the identity provider's subject never leaves the forum.
  __resolveReference: (ref, ctx) => ctx.loaders.profileByPublicId.load(referenceId(ref)),
  id: (u, _, ctx) => ctx.deps.publicIds.of(u._id),
};

import type { UserResolvers } from '../__generated__/resolvers-types';
import { referenceId } from './reference';

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.profile.load(referenceId(ref)),
  id: (u) => u._id,
};

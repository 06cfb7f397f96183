import type { ReferralConnectionResolvers } from '../__generated__/resolvers-types';

export const ReferralConnection: ReferralConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};

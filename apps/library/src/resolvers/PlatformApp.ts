import type { PlatformAppResolvers } from '../__generated__/resolvers-types';

export const PlatformApp: PlatformAppResolvers = {
  id: (app) => app._id.toHexString(),
};

import { unitByCode } from '@portal/reference-data';
import type { HotlineCategoryResolvers } from '../__generated__/resolvers-types';

export const HotlineCategory: HotlineCategoryResolvers = {
  code: (c) => c._id,
  targetAgencyName: (c) => unitByCode(c.targetAgency)?.name ?? null,
};

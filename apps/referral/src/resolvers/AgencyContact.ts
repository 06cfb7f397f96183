import { unitByCode } from '@portal/reference-data';
import type { AgencyContactResolvers } from '../__generated__/resolvers-types';

export const AgencyContact: AgencyContactResolvers = {
  agency: (c) => c._id,
  agencyName: (c) => unitByCode(c._id)?.name ?? null,
};

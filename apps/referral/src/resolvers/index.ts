import type { Resolvers } from '../__generated__/resolvers-types';
import { AgencyContact } from './AgencyContact';
import { HotlineCategory } from './HotlineCategory';
import { Mutation } from './Mutation';
import { PortalStats } from './PortalStats';
import { Query } from './Query';
import { Referral } from './Referral';
import { ReferralConnection } from './ReferralConnection';
import { Thread } from './Thread';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Referral,
  ReferralConnection,
  Thread,
  HotlineCategory,
  AgencyContact,
  PortalStats,
};

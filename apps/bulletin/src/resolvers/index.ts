import type { Resolvers } from '../__generated__/resolvers-types';
import type { BulletinContext } from '../context';
import { BulletinIssue, BulletinIssueConnection, BulletinItem, ReadAloud } from './BulletinIssue';
import { Mutation } from './Mutation';
import { PortalStats, statsMutations } from './PortalStats';
import { Query } from './Query';

export const resolvers: Resolvers<BulletinContext> = {
  Query,
  Mutation: { ...Mutation, ...statsMutations },
  PortalStats,
  BulletinIssue,
  BulletinItem,
  ReadAloud,
  BulletinIssueConnection,
};

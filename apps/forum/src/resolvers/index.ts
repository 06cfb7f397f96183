import type { Resolvers } from '../__generated__/resolvers-types';
import { ModerationLogEntry } from './ModerationLogEntry';
import { ModerationQueueItem } from './ModerationQueueItem';
import { Mutation } from './Mutation';
import { PortalStats, statsMutations } from './PortalStats';
import { Post } from './Post';
import { Query } from './Query';
import { Thread } from './Thread';
import { User } from './User';

/** Connections carry `totalCount` as a thunk, so only queries that ask for it pay for it. */
const connection = { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() };

export const resolvers: Resolvers = {
  Query,
  Mutation: { ...Mutation, ...statsMutations },
  PortalStats,
  Thread,
  Post,
  User,
  ModerationQueueItem,
  ModerationLogEntry,
  ThreadConnection: connection,
  PostConnection: connection,
  ModerationQueueConnection: connection,
  ModerationLogConnection: connection,
};

import { ThreadKind } from '../__generated__/graphql';

/** The kinds of forum thread, in the graph's order, which the forum's filter and the new-thread form offer. */
export const THREAD_KINDS = Object.values(ThreadKind);

import type { ThreadKind } from '../__generated__/graphql';

/** The kinds of forum thread, in the order the forum's filter and the new-thread form offer them. */
export const THREAD_KINDS: ThreadKind[] = ['PROPOSAL', 'QUESTION', 'FEEDBACK', 'DISCUSSION'];

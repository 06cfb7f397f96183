/** The forum's vocabulary, shared by models, rules and resolvers (the schema's enums). */

export const THREAD_KINDS = ['PROPOSAL', 'QUESTION', 'FEEDBACK', 'DISCUSSION'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** Where a thread stands in its life; moderation (visibility) is kept apart from it. */
export const WORKFLOW_STATUSES = ['OPEN', 'ANSWERED', 'REFERRED', 'CLOSED'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** What the schema shows as `Thread.status`: the workflow status, or HIDDEN. */
export type ThreadStatus = WorkflowStatus | 'HIDDEN';

export const VISIBILITIES = ['VISIBLE', 'HIDDEN', 'REMOVED'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const FLAG_REASONS = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export type ModerationAction = 'HIDE' | 'RESTORE' | 'REMOVE';
export type TargetKind = 'THREAD' | 'POST';

export const LOG_ACTIONS = [
  'HIDE',
  'RESTORE',
  'REMOVE',
  'AUTO_HIDE',
  'HELD_FOR_REVIEW',
  'ASSIGN',
  'CLOSE',
  'REOPEN',
  'REFER',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export type ThreadSort = 'NEWEST' | 'MOST_VOTED' | 'ACTIVE' | 'UNANSWERED';
export type BodyFormat = 'HTML' | 'PLAIN' | 'MARKDOWN';

/** A body as its author wrote it, before it is rendered and sanitized. */
export interface WrittenBody {
  body: string;
  bodyFormat?: BodyFormat | null;
}

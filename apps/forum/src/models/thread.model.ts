import type { Model, Types } from 'mongoose';
import {
  THREAD_KINDS,
  VISIBILITIES,
  WORKFLOW_STATUSES,
  type ThreadKind,
  type Visibility,
  type WorkflowStatus,
} from '../domain/forum-types';
import {
  collectionSchema,
  defineModel,
  embeddedSchema,
  list,
  nullable,
  required,
  trackGraphChanges,
} from '@portal/db';

export interface ThreadDoc {
  _id: Types.ObjectId;
  title: string;
  /** Sanitized HTML. */
  body: string;
  kind: ThreadKind;
  categoryId: string | null;
  tags: string[];
  /** Folded tags (slugs), for accent-insensitive tag filters. */
  tagKeys: string[];
  /** Null for anonymous feedback. */
  authorId: string | null;
  workflowStatus: WorkflowStatus;
  statusBeforeClose: WorkflowStatus | null;
  visibility: Visibility;
  assignedDepartment: string | null;
  /** Sort key only, recounted from the votes collection (never $inc'ed); shown counts are counted. */
  voteCount: number;
  lastVoteAt: Date | null;
  searchTokens: string[];
  referral: { referralId: string; trackingCode: string } | null;
  /** The referral service's feedback id, for threads created from feedback. */
  feedbackId: string | null;
  /** Bumped by every edit; edits are conditional on it. */
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  lastActivityAt: Date;
}

/** What a new thread is made of; everything else starts the same for every thread. */
export type NewThreadFields = Pick<
  ThreadDoc,
  | '_id'
  | 'title'
  | 'body'
  | 'kind'
  | 'categoryId'
  | 'tags'
  | 'tagKeys'
  | 'authorId'
  | 'searchTokens'
  | 'feedbackId'
>;

/** A thread as it starts at `now`: open, visible, unassigned, without votes, version 1. */
export function newThreadDoc(fields: NewThreadFields, now: Date): ThreadDoc {
  return {
    ...fields,
    workflowStatus: 'OPEN',
    statusBeforeClose: null,
    visibility: 'VISIBLE',
    assignedDepartment: null,
    voteCount: 0,
    lastVoteAt: null,
    referral: null,
    version: 1,
    createdAt: now,
    editedAt: null,
    lastActivityAt: now,
  };
}

const ThreadSchema = collectionSchema<ThreadDoc>('threads', {
  title: required(String),
  body: required(String),
  kind: required(String, { enum: THREAD_KINDS }),
  categoryId: nullable(String),
  tags: list(String),
  tagKeys: list(String),
  authorId: nullable(String),
  workflowStatus: required(String, { enum: WORKFLOW_STATUSES }),
  statusBeforeClose: nullable(String, { enum: WORKFLOW_STATUSES }),
  visibility: required(String, { enum: VISIBILITIES }),
  assignedDepartment: nullable(String),
  voteCount: required(Number, { default: 0 }),
  lastVoteAt: nullable(Date),
  searchTokens: list(String),
  referral: nullable(
    embeddedSchema({
      referralId: required(String),
      trackingCode: required(String),
    }),
  ),
  feedbackId: nullable(String),
  version: required(Number, { default: 1 }),
  createdAt: required(Date),
  editedAt: nullable(Date),
  lastActivityAt: required(Date),
});
// One index per list order (public lists always filter on visibility), plus search and tags.
ThreadSchema.index({ visibility: 1, createdAt: -1, _id: -1 });
ThreadSchema.index({ visibility: 1, voteCount: -1, createdAt: -1, _id: -1 });
ThreadSchema.index({ visibility: 1, lastActivityAt: -1, _id: -1 });
ThreadSchema.index({ visibility: 1, workflowStatus: 1, createdAt: 1 });
ThreadSchema.index({ assignedDepartment: 1, createdAt: -1 });
ThreadSchema.index({ searchTokens: 1 });
ThreadSchema.index({ tagKeys: 1 });
ThreadSchema.index({ lastVoteAt: 1 });
trackGraphChanges(ThreadSchema, {
  type: 'Thread',
  listPaths: [
    'visibility',
    'workflowStatus',
    'kind',
    'categoryId',
    'tagKeys',
    'searchTokens',
    'voteCount',
    'createdAt',
    'lastActivityAt',
    'assignedDepartment',
  ],
});

export type ThreadModel = Model<ThreadDoc>;

export const threadModel = defineModel('Thread', ThreadSchema);

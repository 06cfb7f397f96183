import type { Model, Types } from 'mongoose';
import {
  collectionSchema,
  defineModel,
  embeddedSchema,
  list,
  nullable,
  required,
  trackGraphChanges,
} from '@portal/db';

export const ISSUE_STATUSES = ['DRAFT', 'SCHEDULED', 'PUBLISHED'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The issue as speech, built when it is published. */
export interface ReadAloudRecord {
  text: string;
  language: string;
  /** File name under the audio directory; null when no audio was rendered. */
  audioFile: string | null;
  durationSeconds: number | null;
  /** Why there is no audio (engine missing, render failed), for operators. */
  audioError: string | null;
}

/** Progress of the publish job's follow-up steps, so a retried job resumes where it stopped. */
export interface PublicationRecord {
  audioDoneAt: Date | null;
  notifiedAt: Date | null;
  droppedItems: number;
  /** The articles as they were published, for the announcement mail. */
  highlights: HighlightRecord[];
}

export interface HighlightRecord {
  articleId: string;
  slug: string | null;
  title: string;
}

export interface BulletinIssueRecord {
  _id: Types.ObjectId;
  number: number;
  year: number;
  month: number;
  title: string;
  /** Sanitized HTML. */
  editorial: string | null;
  status: IssueStatus;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  readAloud: ReadAloudRecord | null;
  publication: PublicationRecord | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const ReadAloudSchema = embeddedSchema<ReadAloudRecord>({
  text: required(String),
  language: required(String),
  audioFile: nullable(String),
  durationSeconds: nullable(Number),
  audioError: nullable(String),
});

const HighlightSchema = embeddedSchema<HighlightRecord>({
  articleId: required(String),
  slug: nullable(String),
  title: required(String),
});

const PublicationSchema = embeddedSchema<PublicationRecord>({
  highlights: list(HighlightSchema),
  audioDoneAt: nullable(Date),
  notifiedAt: nullable(Date),
  droppedItems: { type: Number, default: 0 },
});

const BulletinIssueSchema = collectionSchema<BulletinIssueRecord>('issues', {
  number: required(Number),
  year: required(Number),
  month: required(Number),
  title: required(String),
  editorial: nullable(String),
  status: required(String, { enum: ISSUE_STATUSES }),
  scheduledAt: nullable(Date),
  publishedAt: nullable(Date),
  readAloud: nullable(ReadAloudSchema),
  publication: nullable(PublicationSchema),
  version: required(Number, { default: 1 }),
  createdBy: required(String),
  createdAt: required(Date),
  updatedAt: required(Date),
});
// One issue per month, and issue numbers never repeat: both enforced by the database.
BulletinIssueSchema.index({ year: 1, month: 1 }, { unique: true });
BulletinIssueSchema.index({ number: 1 }, { unique: true });
// Newest-first listings of published issues.
BulletinIssueSchema.index({ status: 1, year: -1, month: -1, _id: -1 });
trackGraphChanges(BulletinIssueSchema, { type: 'BulletinIssue' });

export type BulletinIssueModel = Model<BulletinIssueRecord>;

export const bulletinIssueModel = defineModel('BulletinIssue', BulletinIssueSchema);

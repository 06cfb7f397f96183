import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { trackGraphChanges, modelOn } from '@portal/db';

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

const ReadAloudSchema = new Schema<ReadAloudRecord>(
  {
    text: { type: String, required: true },
    language: { type: String, required: true },
    audioFile: { type: String, default: null },
    durationSeconds: { type: Number, default: null },
    audioError: { type: String, default: null },
  },
  { _id: false },
);

const HighlightSchema = new Schema<HighlightRecord>(
  {
    articleId: { type: String, required: true },
    slug: { type: String, default: null },
    title: { type: String, required: true },
  },
  { _id: false },
);

const PublicationSchema = new Schema<PublicationRecord>(
  {
    highlights: { type: [HighlightSchema], default: [] },
    audioDoneAt: { type: Date, default: null },
    notifiedAt: { type: Date, default: null },
    droppedItems: { type: Number, default: 0 },
  },
  { _id: false },
);

const BulletinIssueSchema = new Schema<BulletinIssueRecord>(
  {
    number: { type: Number, required: true },
    year: { type: Number, required: true },
    month: { type: Number, required: true },
    title: { type: String, required: true },
    editorial: { type: String, default: null },
    status: { type: String, enum: ISSUE_STATUSES, required: true },
    scheduledAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    readAloud: { type: ReadAloudSchema, default: null },
    publication: { type: PublicationSchema, default: null },
    version: { type: Number, required: true, default: 1 },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'issues', versionKey: false },
);
// One issue per month, and issue numbers never repeat: both enforced by the database.
BulletinIssueSchema.index({ year: 1, month: 1 }, { unique: true });
BulletinIssueSchema.index({ number: 1 }, { unique: true });
// Newest-first listings of published issues.
BulletinIssueSchema.index({ status: 1, year: -1, month: -1, _id: -1 });
trackGraphChanges(BulletinIssueSchema, { type: 'BulletinIssue' });

export type BulletinIssueModel = Model<BulletinIssueRecord>;

export function bulletinIssueModel(conn: Connection): BulletinIssueModel {
  return modelOn<BulletinIssueRecord>(conn, 'BulletinIssue', BulletinIssueSchema);
}

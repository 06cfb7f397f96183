import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** One person's entry in a contest (unique per contest and owner), with their team. */
export interface ContestEntryDoc {
  _id: Types.ObjectId;
  contestId: Types.ObjectId;
  ownerId: string;
  ownerName: string | null;
  title: string;
  description: string;
  /** Library file ids (uploaded through /uploads). */
  fileIds: string[];
  team: { name: string; role: string | null }[];
  createdAt: Date;
  updatedAt: Date;
}

const ContestEntrySchema = new Schema<ContestEntryDoc>(
  {
    contestId: { type: Schema.Types.ObjectId, required: true },
    ownerId: { type: String, required: true },
    ownerName: { type: String, default: null },
    title: { type: String, required: true },
    description: { type: String, required: true },
    fileIds: { type: [String], default: [] },
    team: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contest_entries', versionKey: false },
);
ContestEntrySchema.index({ contestId: 1, ownerId: 1 }, { unique: true });
ContestEntrySchema.index({ contestId: 1, createdAt: 1 });

export type ContestEntryModel = Model<ContestEntryDoc>;

export function contestEntryModel(conn: Connection): ContestEntryModel {
  return modelOn<ContestEntryDoc>(conn, 'ContestEntry', ContestEntrySchema);
}

/** A judge's scores of one entry: `_id` is `<entryId>:<judgeId>`, one per pair. */
export interface JudgeScoreDoc {
  _id: string;
  contestId: Types.ObjectId;
  entryId: Types.ObjectId;
  judgeId: string;
  scores: { criterionId: string; score: number }[];
  comment: string | null;
  /** The weighted score (0–100), kept with the scores it comes from. */
  weighted: number;
  updatedAt: Date;
}

const JudgeScoreSchema = new Schema<JudgeScoreDoc>(
  {
    _id: { type: String, required: true },
    contestId: { type: Schema.Types.ObjectId, required: true },
    entryId: { type: Schema.Types.ObjectId, required: true },
    judgeId: { type: String, required: true },
    scores: { type: Schema.Types.Mixed, required: true },
    comment: { type: String, default: null },
    weighted: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contest_scores', versionKey: false },
);
JudgeScoreSchema.index({ contestId: 1 });
JudgeScoreSchema.index({ entryId: 1 });

export type JudgeScoreModel = Model<JudgeScoreDoc>;

export function judgeScoreModel(conn: Connection): JudgeScoreModel {
  return modelOn<JudgeScoreDoc>(conn, 'JudgeScore', JudgeScoreSchema);
}

/** A judge's declared conflict of interest with an entry: `_id` `<entryId>:<judgeId>`. */
export interface ConflictDoc {
  _id: string;
  contestId: Types.ObjectId;
  entryId: Types.ObjectId;
  judgeId: string;
  reason: string;
  declaredAt: Date;
}

const ConflictSchema = new Schema<ConflictDoc>(
  {
    _id: { type: String, required: true },
    contestId: { type: Schema.Types.ObjectId, required: true },
    entryId: { type: Schema.Types.ObjectId, required: true },
    judgeId: { type: String, required: true },
    reason: { type: String, required: true },
    declaredAt: { type: Date, required: true },
  },
  { collection: 'contest_conflicts', versionKey: false },
);
ConflictSchema.index({ contestId: 1 });

export type ConflictModel = Model<ConflictDoc>;

export function conflictModel(conn: Connection): ConflictModel {
  return modelOn<ConflictDoc>(conn, 'ContestConflict', ConflictSchema);
}

/** One public vote per person per round: `_id` is `<contestId>:<roundId>:<person>`. */
export interface ContestVoteDoc {
  _id: string;
  contestId: Types.ObjectId;
  roundId: string;
  entryId: Types.ObjectId;
  userId: string;
  createdAt: Date;
}

const ContestVoteSchema = new Schema<ContestVoteDoc>(
  {
    _id: { type: String, required: true },
    contestId: { type: Schema.Types.ObjectId, required: true },
    roundId: { type: String, required: true },
    entryId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'contest_votes', versionKey: false },
);
ContestVoteSchema.index({ entryId: 1, roundId: 1 });
ContestVoteSchema.index({ contestId: 1, roundId: 1 });

export type ContestVoteModel = Model<ContestVoteDoc>;

export function contestVoteModel(conn: Connection): ContestVoteModel {
  return modelOn<ContestVoteDoc>(conn, 'ContestVote', ContestVoteSchema);
}

/** When engagement first saw a person (for the new-account rule of public voting). */
export interface ProfileDoc {
  _id: string;
  firstSeenAt: Date;
}

const ProfileSchema = new Schema<ProfileDoc>(
  { _id: { type: String, required: true }, firstSeenAt: { type: Date, required: true } },
  { collection: 'profiles', versionKey: false },
);

export type ProfileModel = Model<ProfileDoc>;

export function profileModel(conn: Connection): ProfileModel {
  return modelOn<ProfileDoc>(conn, 'Profile', ProfileSchema);
}

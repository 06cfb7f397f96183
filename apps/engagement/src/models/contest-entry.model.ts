import { collectionSchema, defineModel, list, nullable, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';

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

const ContestEntrySchema = collectionSchema<ContestEntryDoc>('contest_entries', {
  contestId: required(Schema.Types.ObjectId),
  ownerId: required(String),
  ownerName: nullable(String),
  title: required(String),
  description: required(String),
  fileIds: list(String),
  team: required(Schema.Types.Mixed),
  createdAt: required(Date),
  updatedAt: required(Date),
});
ContestEntrySchema.index({ contestId: 1, ownerId: 1 }, { unique: true });
ContestEntrySchema.index({ contestId: 1, createdAt: 1 });

export type ContestEntryModel = Model<ContestEntryDoc>;

export const contestEntryModel = defineModel('ContestEntry', ContestEntrySchema);

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

const JudgeScoreSchema = collectionSchema<JudgeScoreDoc>('contest_scores', {
  _id: required(String),
  contestId: required(Schema.Types.ObjectId),
  entryId: required(Schema.Types.ObjectId),
  judgeId: required(String),
  scores: required(Schema.Types.Mixed),
  comment: nullable(String),
  weighted: required(Number),
  updatedAt: required(Date),
});
JudgeScoreSchema.index({ contestId: 1 });
JudgeScoreSchema.index({ entryId: 1 });

export type JudgeScoreModel = Model<JudgeScoreDoc>;

export const judgeScoreModel = defineModel('JudgeScore', JudgeScoreSchema);

/** A judge's declared conflict of interest with an entry: `_id` `<entryId>:<judgeId>`. */
export interface ConflictDoc {
  _id: string;
  contestId: Types.ObjectId;
  entryId: Types.ObjectId;
  judgeId: string;
  reason: string;
  declaredAt: Date;
}

const ConflictSchema = collectionSchema<ConflictDoc>('contest_conflicts', {
  _id: required(String),
  contestId: required(Schema.Types.ObjectId),
  entryId: required(Schema.Types.ObjectId),
  judgeId: required(String),
  reason: required(String),
  declaredAt: required(Date),
});
ConflictSchema.index({ contestId: 1 });

export type ConflictModel = Model<ConflictDoc>;

export const conflictModel = defineModel('ContestConflict', ConflictSchema);

/** One public vote per person per round: `_id` is `<contestId>:<roundId>:<person>`. */
export interface ContestVoteDoc {
  _id: string;
  contestId: Types.ObjectId;
  roundId: string;
  entryId: Types.ObjectId;
  userId: string;
  createdAt: Date;
}

const ContestVoteSchema = collectionSchema<ContestVoteDoc>('contest_votes', {
  _id: required(String),
  contestId: required(Schema.Types.ObjectId),
  roundId: required(String),
  entryId: required(Schema.Types.ObjectId),
  userId: required(String),
  createdAt: required(Date),
});
ContestVoteSchema.index({ entryId: 1, roundId: 1 });
ContestVoteSchema.index({ contestId: 1, roundId: 1 });

export type ContestVoteModel = Model<ContestVoteDoc>;

export const contestVoteModel = defineModel('ContestVote', ContestVoteSchema);

/** When engagement first saw a person (for the new-account rule of public voting). */
export interface ProfileDoc {
  _id: string;
  firstSeenAt: Date;
}

const ProfileSchema = collectionSchema<ProfileDoc>('profiles', {
  _id: required(String),
  firstSeenAt: required(Date),
});

export type ProfileModel = Model<ProfileDoc>;

export const profileModel = defineModel('Profile', ProfileSchema);

import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';

export interface EventQuestionDoc {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  authorId: string;
  authorName: string | null;
  text: string;
  answeredAt: Date | null;
  createdAt: Date;
}

const EventQuestionSchema = collectionSchema<EventQuestionDoc>('event_questions', {
  eventId: required(Schema.Types.ObjectId),
  authorId: required(String),
  authorName: nullable(String),
  text: required(String),
  answeredAt: nullable(Date),
  createdAt: required(Date),
});
EventQuestionSchema.index({ eventId: 1, createdAt: 1 });

export type EventQuestionModel = Model<EventQuestionDoc>;

export const eventQuestionModel = defineModel('EventQuestion', EventQuestionSchema);

/** One vote per (question, person); the count shown is counted from these. */
export interface QuestionVoteDoc {
  _id: Types.ObjectId;
  questionId: Types.ObjectId;
  eventId: Types.ObjectId;
  userId: string;
  createdAt: Date;
}

const QuestionVoteSchema = collectionSchema<QuestionVoteDoc>('event_question_votes', {
  questionId: required(Schema.Types.ObjectId),
  eventId: required(Schema.Types.ObjectId),
  userId: required(String),
  createdAt: required(Date),
});
QuestionVoteSchema.index({ questionId: 1, userId: 1 }, { unique: true });
QuestionVoteSchema.index({ eventId: 1 });

export type QuestionVoteModel = Model<QuestionVoteDoc>;

export const questionVoteModel = defineModel('QuestionVote', QuestionVoteSchema);

import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface EventQuestionDoc {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  authorId: string;
  authorName: string | null;
  text: string;
  answeredAt: Date | null;
  createdAt: Date;
}

const EventQuestionSchema = new Schema<EventQuestionDoc>(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: String, required: true },
    authorName: { type: String, default: null },
    text: { type: String, required: true },
    answeredAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'event_questions', versionKey: false },
);
EventQuestionSchema.index({ eventId: 1, createdAt: 1 });

export type EventQuestionModel = Model<EventQuestionDoc>;

export function eventQuestionModel(conn: Connection): EventQuestionModel {
  return modelOn<EventQuestionDoc>(conn, 'EventQuestion', EventQuestionSchema);
}

/** One vote per (question, person); the count shown is counted from these. */
export interface QuestionVoteDoc {
  _id: Types.ObjectId;
  questionId: Types.ObjectId;
  eventId: Types.ObjectId;
  userId: string;
  createdAt: Date;
}

const QuestionVoteSchema = new Schema<QuestionVoteDoc>(
  {
    questionId: { type: Schema.Types.ObjectId, required: true },
    eventId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'event_question_votes', versionKey: false },
);
QuestionVoteSchema.index({ questionId: 1, userId: 1 }, { unique: true });
QuestionVoteSchema.index({ eventId: 1 });

export type QuestionVoteModel = Model<QuestionVoteDoc>;

export function questionVoteModel(conn: Connection): QuestionVoteModel {
  return modelOn<QuestionVoteDoc>(conn, 'QuestionVote', QuestionVoteSchema);
}

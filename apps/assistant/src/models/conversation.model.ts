import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * What a follow-up needs from an earlier turn: the question's folded search terms (not its
 * text), the sources cited, and the table asked about. No personal data beyond the viewer id.
 */
export interface ConversationTurn {
  terms: string[];
  sources: string[];
  table: { resourceId: string; intent: 'COUNT' | 'LIST' } | null;
  at: Date;
}

export interface ConversationDoc {
  /** Random, unguessable. */
  _id: string;
  /** The signed-in person who asks; null for anonymous conversations. */
  viewerId: string | null;
  turns: ConversationTurn[];
  createdAt: Date;
  updatedAt: Date;
  /** Deleted by the maintenance job after this (the retention). */
  expiresAt: Date;
}

const ConversationSchema = new Schema<ConversationDoc>(
  {
    _id: { type: String, required: true },
    viewerId: { type: String, default: null },
    turns: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'conversations', versionKey: false },
);
ConversationSchema.index({ expiresAt: 1 });

export type ConversationModel = Model<ConversationDoc>;

export function conversationModel(conn: Connection): ConversationModel {
  return modelOn<ConversationDoc>(conn, 'Conversation', ConversationSchema);
}

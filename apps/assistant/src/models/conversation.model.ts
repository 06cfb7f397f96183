import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import { Schema, type Model } from 'mongoose';

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

const ConversationSchema = collectionSchema<ConversationDoc>('conversations', {
  _id: required(String),
  viewerId: nullable(String),
  turns: { type: Schema.Types.Mixed, default: [] },
  createdAt: required(Date),
  updatedAt: required(Date),
  expiresAt: required(Date),
});
ConversationSchema.index({ expiresAt: 1 });

export type ConversationModel = Model<ConversationDoc>;

export const conversationModel = defineModel('Conversation', ConversationSchema);

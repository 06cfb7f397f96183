import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * What a notification says, stored once and shared by all its deliveries: the e-mail
 * template and data, or the exact webhook body partners receive (stored as text, so it is
 * byte-identical on every retry and any key names in producers' payloads are safe).
 */
export interface MessageDoc {
  /** messageKey(notificationId, content). */
  _id: string;
  notificationId: string;
  kind: 'email' | 'webhook';
  content: string;
  createdAt: Date;
}

const MessageSchema = new Schema<MessageDoc>(
  {
    _id: { type: String, required: true },
    notificationId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['email', 'webhook'] },
    content: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'messages', versionKey: false },
);
MessageSchema.index({ createdAt: 1 });

export function messageModel(conn: Connection): Model<MessageDoc> {
  return modelOn<MessageDoc>(conn, 'Message', MessageSchema);
}

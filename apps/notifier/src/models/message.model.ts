import { collectionSchema, defineModel, required } from '@portal/db';

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

const MessageSchema = collectionSchema<MessageDoc>('messages', {
  _id: required(String),
  notificationId: required(String),
  kind: required(String, { enum: ['email', 'webhook'] }),
  content: required(String),
  createdAt: required(Date),
});
MessageSchema.index({ createdAt: 1 });

export const messageModel = defineModel('Message', MessageSchema);

import type { Model } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { MessageDoc } from '../models/message.model';

/**
 * Stored messages, keyed by content: inserted once per (notification, content) and never
 * changed, so a process may cache them freely (a batch of a thousand recipients reads its
 * message once).
 */
export class MessageStore {
  private readonly cache = new Map<string, MessageDoc>();

  constructor(
    private readonly Message: Model<MessageDoc>,
    private readonly maxCached = 200,
  ) {}

  /** Stores the message unless it is already there (same key, same content). */
  async save(doc: MessageDoc): Promise<void> {
    await insertOnce(this.Message, { ...doc });
  }

  async get(key: string): Promise<MessageDoc | null> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const doc = await this.Message.findById(key).lean<MessageDoc>().exec();
    if (doc) {
      if (this.cache.size >= this.maxCached) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, doc);
    }
    return doc;
  }
}

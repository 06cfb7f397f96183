import { Schema, type Connection, type Model } from 'mongoose';
import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import { currentRequestContext, type Logger } from '@portal/logger';
import type { Producer } from './producer';
import { QUEUE_PAYLOADS, type PayloadOf, type QueueName } from './payloads';

interface OutboxDoc {
  _id: string;
  queue: QueueName;
  jobId: string;
  payload: unknown;
  /** When the job should run (delayed jobs). */
  runAt: Date;
  createdAt: Date;
  sentAt: Date | null;
  requestId?: string;
}

const OutboxSchema = collectionSchema<OutboxDoc>('outbox', {
  _id: required(String),
  queue: required(String),
  jobId: required(String),
  payload: required(Schema.Types.Mixed),
  runAt: required(Date),
  createdAt: required(Date),
  sentAt: nullable(Date),
  requestId: { type: String },
});
OutboxSchema.index({ sentAt: 1, createdAt: 1 });

const outboxModel = defineModel('Outbox', OutboxSchema);

type Producers = Partial<{ [Q in QueueName]: Producer<Q> }>;

/**
 * The outbox: a job that must follow a database write even if Redis is down. The job
 * is recorded in the service's own database first, then handed to BullMQ; a relay
 * retries anything not yet handed over. Job ids are deterministic, so handing a job
 * over twice adds it once, and processors re-check state by id.
 */
export class Outbox {
  private readonly model: Model<OutboxDoc>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    conn: Connection,
    private readonly producers: Producers,
    private readonly logger: Logger,
  ) {
    this.model = outboxModel(conn);
  }

  /** Records the job, then tries to enqueue it now. Never throws for a Redis outage. */
  async add<Q extends QueueName>(
    queue: Q,
    payload: PayloadOf<Q>,
    options: { jobId: string; delayMs?: number },
  ): Promise<void> {
    const data = QUEUE_PAYLOADS[queue].parse(payload);
    const now = new Date();
    const doc: OutboxDoc = {
      _id: `${queue}/${options.jobId}`,
      queue,
      jobId: options.jobId,
      payload: data,
      runAt: new Date(now.getTime() + (options.delayMs ?? 0)),
      createdAt: now,
      sentAt: null,
      ...(currentRequestContext() ? { requestId: currentRequestContext()!.requestId } : {}),
    };
    // Re-adding the same job (e.g. rescheduling) refreshes the record and hands it over again.
    try {
      await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true });
    } catch (err) {
      // Two concurrent upserts of one id: the loser gets a duplicate key (MongoDB and FerretDB
      // alike). The record exists now, so replacing it matches.
      if ((err as { code?: unknown }).code !== 11000) throw err;
      await this.model.replaceOne({ _id: doc._id }, doc);
    }
    await this.dispatch(doc);
  }

  /** Hands over every pending job; returns how many went out. */
  async relay(): Promise<number> {
    const pending = await this.model
      .find({ sentAt: null })
      .sort({ createdAt: 1 })
      .limit(500)
      .lean();
    let sent = 0;
    for (const doc of pending) if (await this.dispatch(doc)) sent++;
    return sent;
  }

  /** Relays every `intervalMs` until stop(). */
  start(intervalMs = 5000): void {
    const tick = () => {
      this.relay()
        .catch((err: unknown) => this.logger.warn({ err }, 'outbox relay failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  pendingCount(): Promise<number> {
    return this.model.countDocuments({ sentAt: null }).exec();
  }

  private async dispatch(doc: OutboxDoc): Promise<boolean> {
    const producer = this.producers[doc.queue] as Producer<QueueName> | undefined;
    if (!producer) {
      this.logger.error({ queue: doc.queue }, 'outbox has no producer for queue');
      return false;
    }
    try {
      await producer.enqueue(doc.payload as PayloadOf<QueueName>, {
        jobId: doc.jobId,
        delayMs: doc.runAt.getTime() - Date.now(),
        ...(doc.requestId ? { requestId: doc.requestId } : {}),
      });
      await this.model.updateOne(
        { _id: doc._id, createdAt: doc.createdAt },
        { $set: { sentAt: new Date() } },
      );
      return true;
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, jobId: doc.jobId },
        'queue unavailable, job kept in outbox',
      );
      return false;
    }
  }
}

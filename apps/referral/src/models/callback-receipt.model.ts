import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One accepted hotline callback, keyed by its signature: inserting it is the replay check.
 * Kept until `expiresAt` (past the timestamp window, after which the signature is refused
 * anyway), then removed by the maintenance job (FerretDB has no TTL indexes).
 */
export interface CallbackReceiptDoc {
  _id: string;
  referralId: string | null;
  receivedAt: Date;
  expiresAt: Date;
}

const CallbackReceiptSchema = new Schema<CallbackReceiptDoc>(
  {
    _id: { type: String, required: true },
    referralId: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'callback_receipts', versionKey: false },
);
CallbackReceiptSchema.index({ expiresAt: 1 });

export type CallbackReceiptModel = Model<CallbackReceiptDoc>;

export function callbackReceiptModel(conn: Connection): CallbackReceiptModel {
  return modelOn<CallbackReceiptDoc>(conn, 'CallbackReceipt', CallbackReceiptSchema);
}

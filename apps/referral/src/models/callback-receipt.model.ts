import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model } from 'mongoose';

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

const CallbackReceiptSchema = collectionSchema<CallbackReceiptDoc>('callback_receipts', {
  _id: required(String),
  referralId: nullable(String),
  receivedAt: required(Date),
  expiresAt: required(Date),
});
CallbackReceiptSchema.index({ expiresAt: 1 });

export type CallbackReceiptModel = Model<CallbackReceiptDoc>;

export const callbackReceiptModel = defineModel('CallbackReceipt', CallbackReceiptSchema);

import { Types } from 'mongoose';
import { z } from 'zod';

/** An id as it travels in the graph and in jobs: an ObjectId's 24 lower-case hex digits. */
export const OBJECT_ID_PATTERN = /^[a-f0-9]{24}$/;

/** True when `value` is an ObjectId string (what `toHexString()` gives). */
export function isObjectIdString(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
}

/** The ObjectId `value` names, or null when it names none (so a query never sees a bad id). */
export function toObjectId(value: unknown): Types.ObjectId | null {
  return isObjectIdString(value) ? new Types.ObjectId(value) : null;
}

/** The ObjectIds among `values`, skipping the ones that name none (for `$in` batches). */
export function toObjectIds(values: readonly unknown[]): Types.ObjectId[] {
  return values.filter(isObjectIdString).map((id) => new Types.ObjectId(id));
}

/** A zod schema for an id argument or payload field. */
export function objectIdSchema(message = 'must be an id') {
  return z.string().regex(OBJECT_ID_PATTERN, message);
}

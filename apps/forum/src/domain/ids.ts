import { Types } from 'mongoose';
import { badInput } from '@portal/errors';

/** An id argument as an ObjectId, or BAD_USER_INPUT naming the argument. */
export function parseId(value: string, field: string): Types.ObjectId {
  if (!/^[a-f0-9]{24}$/i.test(value)) throw badInput(field, 'is not a valid id');
  return new Types.ObjectId(value);
}

/** An id for lookups where a malformed one simply finds nothing. */
export function maybeId(value: string): Types.ObjectId | null {
  return /^[a-f0-9]{24}$/i.test(value) ? new Types.ObjectId(value) : null;
}

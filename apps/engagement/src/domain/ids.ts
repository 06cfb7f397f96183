import { Types } from 'mongoose';

/** An id argument as an ObjectId, or null when it cannot name anything (callers answer NOT_FOUND). */
export function toObjectId(id: string): Types.ObjectId | null {
  return /^[a-f0-9]{24}$/.test(id) ? new Types.ObjectId(id) : null;
}

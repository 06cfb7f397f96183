import { Schema } from 'mongoose';

/** Who wrote, created or uploaded something, kept beside it: the id and the name shown then. */
export interface PersonRef {
  id: string;
  displayName: string;
}

/** A {@link PersonRef} sub-document (no `_id` of its own), for a model's `by`-style fields. */
export function personRefSchema(): Schema<PersonRef> {
  return new Schema<PersonRef>(
    { id: { type: String, required: true }, displayName: { type: String, required: true } },
    { _id: false },
  );
}

import type { Schema } from 'mongoose';
import { embeddedSchema, required } from './schema-fields';

/** Who wrote, created or uploaded something, kept beside it: the id and the name shown then. */
export interface PersonRef {
  id: string;
  displayName: string;
}

/** A {@link PersonRef} sub-document (no `_id` of its own), for a model's `by`-style fields. */
export function personRefSchema(): Schema<PersonRef> {
  return embeddedSchema<PersonRef>({ id: required(String), displayName: required(String) });
}

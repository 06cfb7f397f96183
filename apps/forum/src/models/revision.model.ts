import { collectionSchema, defineModel, list, nullable, required } from '@portal/db';
import type { Model, Types } from 'mongoose';
import type { TargetKind } from '../domain/forum-types';

/** The words an edit replaced, kept so moderators can see what was said before. */
export interface RevisionDoc {
  _id: Types.ObjectId;
  targetId: string;
  targetKind: TargetKind;
  /** The version this revision held. */
  version: number;
  title: string | null;
  body: string;
  tags: string[];
  replacedAt: Date;
}

const RevisionSchema = collectionSchema<RevisionDoc>('revisions', {
  targetId: required(String),
  targetKind: required(String, { enum: ['THREAD', 'POST'] }),
  version: required(Number),
  title: nullable(String),
  body: required(String),
  tags: list(String),
  replacedAt: required(Date),
});
// Claiming (target, version) first means two racing edits cannot both apply.
RevisionSchema.index({ targetId: 1, version: 1 }, { unique: true });

export type RevisionModel = Model<RevisionDoc>;

export const revisionModel = defineModel('Revision', RevisionSchema);

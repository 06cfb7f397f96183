import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
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

const RevisionSchema = new Schema<RevisionDoc>(
  {
    targetId: { type: String, required: true },
    targetKind: { type: String, enum: ['THREAD', 'POST'], required: true },
    version: { type: Number, required: true },
    title: { type: String, default: null },
    body: { type: String, required: true },
    tags: { type: [String], default: [] },
    replacedAt: { type: Date, required: true },
  },
  { collection: 'revisions', versionKey: false },
);
// Claiming (target, version) first means two racing edits cannot both apply.
RevisionSchema.index({ targetId: 1, version: 1 }, { unique: true });

export type RevisionModel = Model<RevisionDoc>;

export function revisionModel(conn: Connection): RevisionModel {
  return modelOn<RevisionDoc>(conn, 'Revision', RevisionSchema);
}

import { modelOn, personRefSchema } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { REVISION_ACTIONS, type RevisionAction } from '../domain/article-enums';
import type { ArticleAuthorValue } from './article.model';

export interface FieldChangeValue {
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * One change to an article. Inserting the revision for version N+1 under the unique
 * (articleId, version) index is how a writer claims the right to move the article from
 * version N: only one concurrent writer can (FerretDB has no atomic read-modify-write).
 * `patch` holds the fields the writer sets, so a claim whose writer died before applying
 * it can be rolled forward instead of blocking the article.
 */
export interface RevisionDoc {
  _id: Types.ObjectId;
  articleId: Types.ObjectId;
  version: number;
  action: RevisionAction;
  at: Date;
  /** null for the system (scheduled publication). */
  by: ArticleAuthorValue | null;
  changes: FieldChangeValue[];
  patch: Record<string, unknown>;
  /**
   * True on a PUBLISHED revision until the partners' webhook job is safely in the outbox;
   * a periodic sweep finishes what a crash interrupted.
   */
  notifyPending: boolean;
}

const ChangeSchema = new Schema<FieldChangeValue>(
  {
    field: { type: String, required: true },
    from: { type: String, default: null },
    to: { type: String, default: null },
  },
  { _id: false },
);

export const RevisionSchema = new Schema<RevisionDoc>(
  {
    articleId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    action: { type: String, required: true, enum: REVISION_ACTIONS },
    at: { type: Date, required: true },
    by: {
      type: personRefSchema(),
      default: null,
    },
    changes: { type: [ChangeSchema], default: [] },
    patch: { type: Schema.Types.Mixed, default: {} },
    notifyPending: { type: Boolean, default: false },
  },
  { collection: 'article_revisions', versionKey: false, minimize: false },
);
RevisionSchema.index({ articleId: 1, version: 1 }, { unique: true });
RevisionSchema.index({ notifyPending: 1, at: 1 });
// Portal statistics: submissions, publications and returns in a period.
RevisionSchema.index({ action: 1, at: 1 });

export type RevisionModel = Model<RevisionDoc>;

export function revisionModel(conn: Connection): RevisionModel {
  return modelOn<RevisionDoc>(conn, 'ArticleRevision', RevisionSchema);
}

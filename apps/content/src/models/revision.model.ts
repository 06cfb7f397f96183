import {
  collectionSchema,
  defineModel,
  embeddedSchema,
  list,
  nullable,
  personRefSchema,
  required,
} from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';
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

const ChangeSchema = embeddedSchema<FieldChangeValue>({
  field: required(String),
  from: nullable(String),
  to: nullable(String),
});

export const RevisionSchema = collectionSchema<RevisionDoc>(
  'article_revisions',
  {
    articleId: required(Schema.Types.ObjectId),
    version: required(Number),
    action: required(String, { enum: REVISION_ACTIONS }),
    at: required(Date),
    by: nullable(personRefSchema()),
    changes: list(ChangeSchema),
    patch: { type: Schema.Types.Mixed, default: {} },
    notifyPending: { type: Boolean, default: false },
  },
  { minimize: false },
);
RevisionSchema.index({ articleId: 1, version: 1 }, { unique: true });
RevisionSchema.index({ notifyPending: 1, at: 1 });
// Portal statistics: submissions, publications and returns in a period.
RevisionSchema.index({ action: 1, at: 1 });

export type RevisionModel = Model<RevisionDoc>;

export const revisionModel = defineModel('ArticleRevision', RevisionSchema);

import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { modelOn, trackGraphChanges } from '@portal/db';
import { PLATFORM_APP_CATEGORIES } from '../domain/platform-app-input';
import {
  SHOWCASE_AWARDS,
  SHOWCASE_STATUSES,
  TRY_IT_KINDS,
  type ShowcaseFields,
  type ShowcaseStatus,
} from '../domain/showcase-input';

/** A contest product in the app directory's showcase (the AI-Challenge winners). */
export interface ShowcaseEntryDoc extends ShowcaseFields {
  _id: Types.ObjectId;
  slug: string;
  status: ShowcaseStatus;
  /** 1 for FIRST … 5 for SPECIAL: the order within a year. */
  awardRank: number;
  /** Folded title, for a stable order among equals. */
  titleKey: string;
  /**
   * The contest entry it was promoted from (engagement's `ContestEntry`), or null when an
   * editor created it here. Unique when set: a winner is promoted once.
   */
  sourceEntryId: string | null;
  sourceContestId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const ShowcaseEntrySchema = new Schema<ShowcaseEntryDoc>(
  {
    slug: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    award: { type: String, required: true, enum: SHOWCASE_AWARDS },
    awardRank: { type: Number, required: true },
    awardTitle: { type: String, default: null },
    year: { type: Number, required: true },
    contestName: { type: String, required: true },
    team: { type: Schema.Types.Mixed, required: true },
    category: { type: String, required: true, enum: PLATFORM_APP_CATEGORIES },
    tryItUrl: { type: String, required: true },
    tryItKind: { type: String, required: true, enum: TRY_IT_KINDS },
    demoVideoItemId: { type: String, default: null },
    status: { type: String, required: true, enum: SHOWCASE_STATUSES },
    titleKey: { type: String, required: true },
    sourceEntryId: { type: String, default: null },
    sourceContestId: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'showcase_entries', versionKey: false },
);
// The public list: newest year first, then by award, then by title (keyset pagination).
ShowcaseEntrySchema.index({ status: 1, year: -1, awardRank: 1, titleKey: 1, _id: 1 });
ShowcaseEntrySchema.index({ status: 1, award: 1, year: -1, awardRank: 1, titleKey: 1, _id: 1 });
// Not unique: editor-made entries have no source (FerretDB has no partial indexes); the
// one-promotion-per-entry claim is the producer-chosen `_id` (see promoteToShowcase).
ShowcaseEntrySchema.index({ sourceEntryId: 1 });
trackGraphChanges(ShowcaseEntrySchema, {
  type: 'ShowcaseEntry',
  listPaths: ['status', 'year', 'award', 'awardRank', 'titleKey', 'category'],
});

export function showcaseEntryModel(conn: Connection): Model<ShowcaseEntryDoc> {
  return modelOn<ShowcaseEntryDoc>(conn, 'ShowcaseEntry', ShowcaseEntrySchema);
}

/**
 * Flushed "try it" clicks of one showcase entry; like the items' stats, only the counter
 * flush writes here, so it never races an editor on the entry document.
 */
export interface ShowcaseStatsDoc {
  _id: Types.ObjectId;
  tryItCount: number;
  /** The last counter batch added in, so a batch retried after a crash is added once. */
  lastBatchId: string;
  updatedAt: Date;
}

export const ShowcaseStatsSchema = new Schema<ShowcaseStatsDoc>(
  {
    tryItCount: { type: Number, required: true, default: 0 },
    lastBatchId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'showcase_entry_stats', versionKey: false },
);
trackGraphChanges(ShowcaseStatsSchema, { type: 'ShowcaseEntry' });

export function showcaseStatsModel(conn: Connection): Model<ShowcaseStatsDoc> {
  return modelOn<ShowcaseStatsDoc>(conn, 'ShowcaseStats', ShowcaseStatsSchema);
}

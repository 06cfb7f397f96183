import { Schema, type Types } from 'mongoose';
import { collectionSchema, defineModel, nullable, required, trackGraphChanges } from '@portal/db';
import { PLATFORM_APP_CATEGORIES } from '../domain/platform-app-input';
import {
  SHOWCASE_AWARDS,
  SHOWCASE_STATUSES,
  TRY_IT_KINDS,
  type ShowcaseFields,
  type ShowcaseStatus,
} from '../domain/showcase-input';
import { versionFields, type VersionedRecord } from './versioned-record';

/** A contest product in the app directory's showcase (the AI-Challenge winners). */
export interface ShowcaseEntryDoc extends ShowcaseFields, VersionedRecord {
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
}

export const ShowcaseEntrySchema = collectionSchema<ShowcaseEntryDoc>('showcase_entries', {
  slug: required(String, { unique: true }),
  title: required(String),
  description: required(String),
  award: required(String, { enum: SHOWCASE_AWARDS }),
  awardRank: required(Number),
  awardTitle: nullable(String),
  year: required(Number),
  contestName: required(String),
  team: required(Schema.Types.Mixed),
  category: required(String, { enum: PLATFORM_APP_CATEGORIES }),
  tryItUrl: required(String),
  tryItKind: required(String, { enum: TRY_IT_KINDS }),
  demoVideoItemId: nullable(String),
  status: required(String, { enum: SHOWCASE_STATUSES }),
  titleKey: required(String),
  sourceEntryId: nullable(String),
  sourceContestId: nullable(String),
  createdBy: required(String),
  ...versionFields(),
});
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

export const showcaseEntryModel = defineModel('ShowcaseEntry', ShowcaseEntrySchema);

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

export const ShowcaseStatsSchema = collectionSchema<ShowcaseStatsDoc>('showcase_entry_stats', {
  tryItCount: required(Number, { default: 0 }),
  lastBatchId: required(String),
  updatedAt: required(Date),
});
trackGraphChanges(ShowcaseStatsSchema, { type: 'ShowcaseEntry' });

export const showcaseStatsModel = defineModel('ShowcaseStats', ShowcaseStatsSchema);

import { Schema, type Types } from 'mongoose';
import {
  AUDIENCES,
  ITEM_STATUSES,
  MEDIA_FORMATS,
  type Audience,
  type ItemStatus,
  type MediaFormat,
} from '../domain/library-item';
import {
  collectionSchema,
  defineModel,
  list,
  nullable,
  personRefSchema,
  required,
  trackGraphChanges,
  type PersonRef,
} from '@portal/db';
import { versionFields, type VersionedRecord } from './versioned-record';

export type { PersonRef };

/** A library item as stored. Search and match keys are derived from the text fields on every write. */
export interface LibraryItemDoc extends VersionedRecord {
  title: string;
  description: string | null;
  format: MediaFormat;
  topics: string[];
  topicKeys: string[];
  audience: Audience[];
  publisher: string | null;
  publisherKey: string | null;
  language: string;
  fileIds: Types.ObjectId[];
  externalUrl: string | null;
  durationSeconds: number | null;
  pageCount: number | null;
  collectionId: Types.ObjectId | null;
  /** Order within the collection (ties broken by id). */
  collectionPosition: number | null;
  status: ItemStatus;
  publishedAt: Date | null;
  /** Folded words of title, description, topics and publisher (FerretDB has no $text). */
  searchTokens: string[];
  titleTokens: string[];
  /** Folded title, for alphabetical order. */
  titleKey: string;
  createdBy: PersonRef;
}

export const LibraryItemSchema = collectionSchema<LibraryItemDoc>('library_items', {
  slug: required(String, { unique: true }),
  title: required(String),
  description: nullable(String),
  format: required(String, { enum: MEDIA_FORMATS }),
  topics: list(String),
  topicKeys: list(String),
  audience: list(String, { enum: AUDIENCES }),
  publisher: nullable(String),
  publisherKey: nullable(String),
  language: required(String),
  fileIds: list(Schema.Types.ObjectId),
  externalUrl: nullable(String),
  durationSeconds: nullable(Number),
  pageCount: nullable(Number),
  collectionId: nullable(Schema.Types.ObjectId),
  collectionPosition: nullable(Number),
  status: required(String, { enum: ITEM_STATUSES }),
  publishedAt: nullable(Date),
  searchTokens: list(String),
  titleTokens: list(String),
  titleKey: required(String),
  createdBy: required(personRefSchema()),
  ...versionFields(),
});
LibraryItemSchema.index({ status: 1, publishedAt: -1, _id: -1 });
LibraryItemSchema.index({ status: 1, createdAt: -1, _id: -1 });
LibraryItemSchema.index({ status: 1, titleKey: 1, _id: 1 });
LibraryItemSchema.index({ searchTokens: 1 });
LibraryItemSchema.index({ topicKeys: 1 });
LibraryItemSchema.index({ fileIds: 1 });
LibraryItemSchema.index({ collectionId: 1, collectionPosition: 1, _id: 1 });
LibraryItemSchema.index({ 'createdBy.id': 1, status: 1 });
trackGraphChanges(LibraryItemSchema, {
  type: 'LibraryItem',
  listPaths: [
    'status',
    'publishedAt',
    'format',
    'topicKeys',
    'audience',
    'publisherKey',
    'searchTokens',
    'titleTokens',
    'titleKey',
    'collectionId',
    'collectionPosition',
    'slug',
  ],
});

export const libraryItemModel = defineModel('LibraryItem', LibraryItemSchema);

import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  AUDIENCES,
  ITEM_STATUSES,
  MEDIA_FORMATS,
  type Audience,
  type ItemStatus,
  type MediaFormat,
} from '../domain/library-item';
import { modelOn, personRefSchema, trackGraphChanges, type PersonRef } from '@portal/db';

export type { PersonRef };

/** A library item as stored. Search and match keys are derived from the text fields on every write. */
export interface LibraryItemDoc {
  _id: Types.ObjectId;
  slug: string;
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
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const LibraryItemSchema = new Schema<LibraryItemDoc>(
  {
    slug: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    description: { type: String, default: null },
    format: { type: String, required: true, enum: MEDIA_FORMATS },
    topics: { type: [String], default: [] },
    topicKeys: { type: [String], default: [] },
    audience: { type: [String], enum: AUDIENCES, default: [] },
    publisher: { type: String, default: null },
    publisherKey: { type: String, default: null },
    language: { type: String, required: true },
    fileIds: { type: [Schema.Types.ObjectId], default: [] },
    externalUrl: { type: String, default: null },
    durationSeconds: { type: Number, default: null },
    pageCount: { type: Number, default: null },
    collectionId: { type: Schema.Types.ObjectId, default: null },
    collectionPosition: { type: Number, default: null },
    status: { type: String, required: true, enum: ITEM_STATUSES },
    publishedAt: { type: Date, default: null },
    searchTokens: { type: [String], default: [] },
    titleTokens: { type: [String], default: [] },
    titleKey: { type: String, required: true },
    createdBy: { type: personRefSchema(), required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'library_items', versionKey: false },
);
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

export function libraryItemModel(conn: Connection): Model<LibraryItemDoc> {
  return modelOn<LibraryItemDoc>(conn, 'LibraryItem', LibraryItemSchema);
}

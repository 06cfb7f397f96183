import { collectionSchema, defineModel, list, required } from '@portal/db';
import type { Model } from 'mongoose';

export type SourceKind =
  'ARTICLE' | 'HANDBOOK' | 'LIBRARY_ITEM' | 'OFFICIAL_ANSWER' | 'DATASET' | 'RESOURCE';

/** Where a passage comes from: the object that owns it, in this service or another one. */
export type SourceType = 'Article' | 'LibraryItem' | 'Thread' | 'Dataset';

/** A passage of published content in the retrieval index. */
export interface PassageDoc {
  /** `<sourceType>:<sourceId>:<n>`. */
  _id: string;
  sourceType: SourceType;
  sourceId: string;
  kind: SourceKind;
  /** For RESOURCE passages, the resource; otherwise the source id. */
  citeId: string;
  title: string;
  link: string;
  text: string;
  /** Folded terms (words and adjacent-word pairs), repeated as often as they occur. */
  terms: string[];
  /** Distinct terms, for the candidate query. */
  termSet: string[];
  length: number;
  indexedAt: Date;
}

const PassageSchema = collectionSchema<PassageDoc>('passages', {
  _id: required(String),
  sourceType: required(String),
  sourceId: required(String),
  kind: required(String),
  citeId: required(String),
  title: required(String),
  link: required(String),
  text: required(String),
  terms: list(String),
  termSet: list(String),
  length: required(Number),
  indexedAt: required(Date),
});
PassageSchema.index({ termSet: 1 });
// The source id leads: indexing replaces one source object's passages (`put`, `remove`: its
// type and id, by equality), and the embedded FerretDB uses an index only through its first
// key, which for an id it can look up (an article's or item's ObjectId hex). With the type
// first, every article indexed after a change read all passages: 668 -> 8 ms a lookup on
// 4,000 passages (scale 0.2), which is most of what the assistant did after a seed.
PassageSchema.index({ sourceId: 1, sourceType: 1 });

export type PassageModel = Model<PassageDoc>;

export const passageModel = defineModel('Passage', PassageSchema);

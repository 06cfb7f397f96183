import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { createWithUniqueSlug } from '@portal/db';
import { conflict, type DomainError } from '@portal/errors';
import { slugify } from '@portal/text';
import type { VersionedRecord } from '../models/versioned-record';

/** What an editor changes: a record that counts its versions. */
type Versioned = Pick<VersionedRecord, '_id' | 'version'>;

/** The fields the caller gives a new record: all but its id, slug, dates and version. */
type NewRecordFields<T> = Omit<T, keyof VersionedRecord>;

/**
 * Inserts a record at version 1, created and updated now, under the first free slug made
 * from `name` (see `createWithUniqueSlug`). Returns the stored record.
 */
export function createFirstVersion<T extends VersionedRecord>(
  model: Model<T>,
  name: string,
  fields: NewRecordFields<T>,
): Promise<T> {
  const now = new Date();
  return createWithUniqueSlug(
    model,
    slugify(name),
    (slug) => ({ slug, ...fields, createdAt: now, updatedAt: now, version: 1 }) as Omit<T, '_id'>,
  );
}

/** CONFLICT: the `what` (item, collection, app, entry) is no longer at the version the editor saw. */
function staleVersion(what: string, expectedVersion: number): DomainError {
  return conflict(`The ${what} changed since version ${expectedVersion}; reload it and try again`);
}

/** The editor's `expectedVersion` must be the record's own; otherwise CONFLICT naming `what`. */
export function requireVersion(record: Versioned, expectedVersion: number, what: string): void {
  if (record.version !== expectedVersion) throw staleVersion(what, expectedVersion);
}

/**
 * Sets `set` on the record, updated now, and moves it to its next version, if it is still
 * at `expectedVersion`; CONFLICT naming `what` when another write got there first.
 */
export async function updateAtVersion<T extends VersionedRecord>(
  model: Model<T>,
  record: Versioned,
  expectedVersion: number,
  set: UpdateQuery<T>['$set'],
  what: string,
): Promise<void> {
  const result = await model.updateOne(
    { _id: record._id, version: expectedVersion } as FilterQuery<T>,
    { $set: { ...set, updatedAt: new Date() }, $inc: { version: 1 } } as UpdateQuery<T>,
  );
  if (result.matchedCount === 0) throw staleVersion(what, expectedVersion);
}

import type { FilterQuery, Model, Types, UpdateQuery } from 'mongoose';
import { conflict, type DomainError } from '@portal/errors';

/** What an editor changes: a record that counts its versions. */
interface Versioned {
  _id: Types.ObjectId;
  version: number;
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
 * Sets `set` on the record and moves it to its next version, if it is still at
 * `expectedVersion`; CONFLICT naming `what` when another write got there first.
 */
export async function updateAtVersion<T extends Versioned>(
  model: Model<T>,
  record: Versioned,
  expectedVersion: number,
  set: UpdateQuery<T>['$set'],
  what: string,
): Promise<void> {
  const result = await model.updateOne(
    { _id: record._id, version: expectedVersion } as FilterQuery<T>,
    { $set: set, $inc: { version: 1 } } as UpdateQuery<T>,
  );
  if (result.matchedCount === 0) throw staleVersion(what, expectedVersion);
}

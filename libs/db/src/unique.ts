import { conflict } from '@portal/errors';
import type { Model } from 'mongoose';

/** True for MongoDB's duplicate key error (E11000), which FerretDB reports alike. */
export function isDuplicateKeyError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; writeErrors?: { code?: unknown }[] };
  return (
    e.code === 11000 ||
    e.code === 11001 ||
    (Array.isArray(e.writeErrors) && e.writeErrors.some((w) => w.code === 11000))
  );
}

/**
 * Inserts `doc` unless a document with the same unique key exists. This is the one
 * atomic claim both MongoDB and FerretDB 1.x offer: use it for locks, de-duplication
 * and "exactly once" markers. Returns true when this call inserted the document.
 */
export async function insertOnce<T>(
  model: Model<T>,
  doc: Partial<T> & Record<string, unknown>,
): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Runs a write and turns a duplicate key into CONFLICT with `message`. */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isDuplicateKeyError(err)) throw conflict(message);
    throw err;
  }
}

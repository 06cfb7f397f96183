import type { Model } from 'mongoose';
import type { Logger } from '@portal/logger';
import { isContentKey, type FileStorage, type StoredObject } from '../storage/file-storage';
import type { StoredBlobDoc } from '../models';

export interface SweepResult {
  stagedRemoved: number;
  orphansRemoved: number;
}

/** Objects and staged uploads younger than this are left alone: an upload may still be finishing. */
export const SWEEP_GRACE_MS = 24 * 3600 * 1000;
const BATCH = 500;

/**
 * Removes what a crash can leave behind: staged uploads never committed, and stored
 * objects whose database record was never written (the record is written after the
 * object, so an object without one is an upload that died in between).
 */
export async function sweepStorage(deps: {
  storage: FileStorage;
  blobs: Model<StoredBlobDoc>;
  logger: Logger;
  now?: Date;
}): Promise<SweepResult> {
  const before = new Date((deps.now ?? new Date()).getTime() - SWEEP_GRACE_MS);
  const stagedRemoved = await deps.storage.purgeStaging(before);
  let orphansRemoved = 0;
  let batch: StoredObject[] = [];
  const flush = async () => {
    const shas = batch.map((o) => o.key.split('/').pop()!);
    const known = new Set(
      (await deps.blobs.find({ _id: { $in: shas } }, { _id: 1 }).lean()).map((b) => b._id),
    );
    for (const object of batch) {
      if (known.has(object.key.split('/').pop()!)) continue;
      await deps.storage.remove(object.key);
      orphansRemoved++;
    }
    batch = [];
  };
  for await (const object of deps.storage.list()) {
    if (object.modifiedAt >= before || !isContentKey(object.key)) continue;
    batch.push(object);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  if (stagedRemoved || orphansRemoved)
    deps.logger.info({ stagedRemoved, orphansRemoved }, 'file storage swept');
  return { stagedRemoved, orphansRemoved };
}

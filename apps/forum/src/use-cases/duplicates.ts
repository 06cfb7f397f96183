import { conflict } from '@portal/errors';
import { insertOnce } from '@portal/db';
import type { ForumModels } from '../models';

/**
 * Claims "this author said these words in this scope" for the duplicate window; a second
 * claim within it is a duplicate post (CONFLICT). Atomic on both engines (unique _id).
 */
export async function claimFingerprint(
  models: ForumModels,
  key: string,
  now: Date,
  windowHours: number,
): Promise<void> {
  const expiresAt = new Date(now.getTime() + windowHours * 3_600_000);
  // An expired claim no longer counts: drop it, then claim afresh.
  await models.fingerprints.deleteOne({ _id: key, expiresAt: { $lte: now } });
  if (!(await insertOnce(models.fingerprints, { _id: key, expiresAt })))
    throw conflict('You already posted the same text here recently');
}

/** Releases a claim when the write it guarded failed, so a retry is not taken for a duplicate. */
export async function releaseFingerprint(models: ForumModels, key: string): Promise<void> {
  await models.fingerprints.deleteOne({ _id: key });
}

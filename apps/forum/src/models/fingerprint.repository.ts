import { conflict } from '@portal/errors';
import { insertOnce } from '@portal/db';
import type { ForumModels } from './index';

/**
 * Claims of "this author said these words in this scope" for the duplicate window: a second
 * claim within it is a duplicate post (CONFLICT). Atomic on both engines (unique _id).
 */
export class FingerprintRepository {
  constructor(private readonly models: Pick<ForumModels, 'fingerprints'>) {}

  /** Claims `key` until `windowHours` after `now`; CONFLICT while an earlier claim holds. */
  async claim(key: string, now: Date, windowHours: number): Promise<void> {
    const { fingerprints } = this.models;
    const expiresAt = new Date(now.getTime() + windowHours * 3_600_000);
    // An expired claim no longer counts: drop it, then claim afresh.
    await fingerprints.deleteOne({ _id: key, expiresAt: { $lte: now } });
    if (!(await insertOnce(fingerprints, { _id: key, expiresAt })))
      throw conflict('You already posted the same text here recently');
  }

  /** Releases a claim when the write it guarded failed, so a retry is not taken for a duplicate. */
  async release(key: string): Promise<void> {
    await this.models.fingerprints.deleteOne({ _id: key });
  }

  /** Drops the claims expired at `now` (FerretDB has no TTL indexes); returns how many. */
  async dropExpired(now: Date): Promise<number> {
    const { deletedCount } = await this.models.fingerprints.deleteMany({
      expiresAt: { $lte: now },
    });
    return deletedCount;
  }
}

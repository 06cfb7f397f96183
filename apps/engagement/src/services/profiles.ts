import type { Viewer } from '@portal/auth';
import { isDuplicateKeyError } from '@portal/db';
import type { ProfileModel } from '../models/contest-entry.model';

/**
 * Records when this service first saw a signed-in person (an insert under their id, so
 * racing requests keep the first time) and returns that time: the age that the
 * new-account rule of public voting reads.
 */
export async function touchProfile(
  Profile: ProfileModel,
  viewer: Viewer & { id: string },
  now: Date,
): Promise<Date> {
  const existing = await Profile.findById(viewer.id).lean();
  if (existing) return existing.firstSeenAt;
  try {
    await Profile.create({ _id: viewer.id, firstSeenAt: now });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  return (await Profile.findById(viewer.id).lean())!.firstSeenAt;
}

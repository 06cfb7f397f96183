// People as the forum knows them: profiles, and the public ids the graph shows for them.
import type { Viewer } from '@portal/auth';
import { isDuplicateKeyError } from '@portal/db';
import type { ForumModels, ProfileDoc } from '../models';

export interface PersonFacts {
  id: string;
  displayName: string | null;
  email: string | null;
}

/**
 * Stores a person's public name (and e-mail, for notices of threads they follow) as
 * known at this write. An identity provider that stops sending an address does not
 * erase the one we had.
 */
export async function upsertProfile(
  models: ForumModels,
  person: PersonFacts,
  now: Date,
): Promise<void> {
  const set: Record<string, unknown> = {
    displayName: person.displayName?.trim() || 'Người dùng',
    updatedAt: now,
  };
  if (person.email) set.email = person.email;
  const write = () =>
    models.profiles.updateOne(
      { _id: person.id },
      { $set: set, $setOnInsert: { firstSeenAt: now, ...(person.email ? {} : { email: null }) } },
      { upsert: true },
    );
  try {
    await write();
  } catch (err) {
    // Two first writes racing: the loser's upsert meets the winner's insert; update instead.
    if (!isDuplicateKeyError(err)) throw err;
    await write();
  }
}

/** Records the writer's profile and returns when the forum first saw them (null: just now). */
export async function recordProfile(
  models: ForumModels,
  viewer: Viewer & { id: string },
  now: Date,
): Promise<{ firstSeenAt: Date | null }> {
  const existing = await models.profiles.findById(viewer.id).lean();
  await upsertProfile(models, viewer, now);
  return { firstSeenAt: existing?.firstSeenAt ?? null };
}

/** Maps the graph's opaque user ids (`User.id`) to the identity provider's subjects. */
export interface PublicIds {
  /** The opaque id of a subject. */
  of(subject: string): string;
}

/**
 * The subject behind a public user id, or null. Profiles get their public id stored the
 * first time one is looked for and missing (there is no reverse of an HMAC), so a lookup
 * that misses first gives every profile without one its id, then tries again.
 */
export async function subjectOf(
  models: ForumModels,
  ids: PublicIds,
  publicId: string,
): Promise<string | null> {
  const find = async () =>
    (await models.profiles.findOne({ publicId }, { _id: 1 }).lean())?._id ?? null;
  const found = await find();
  if (found) return found;
  if ((await ensurePublicIds(models, ids)) === 0) return null;
  return find();
}

/**
 * Profiles by public id with one query; when some are not found, profiles still without a
 * stored public id get one and the missing ones are looked up once more.
 */
export async function profilesByPublicId(
  models: ForumModels,
  ids: PublicIds,
  publicIds: readonly string[],
): Promise<ProfileDoc[]> {
  const found = await models.profiles.find({ publicId: { $in: [...publicIds] } }).lean();
  if (found.length === new Set(publicIds).size) return found;
  if ((await ensurePublicIds(models, ids)) === 0) return found;
  const seen = new Set(found.map((p) => p.publicId));
  const rest = publicIds.filter((id) => !seen.has(id));
  return [...found, ...(await models.profiles.find({ publicId: { $in: rest } }).lean())];
}

/** Stores the public id of every profile that lacks one; returns how many were set. */
export async function ensurePublicIds(models: ForumModels, ids: PublicIds): Promise<number> {
  const missing = await models.profiles.find({ publicId: { $exists: false } }, { _id: 1 }).lean();
  for (const p of missing)
    await models.profiles.updateOne({ _id: p._id }, { $set: { publicId: ids.of(p._id) } });
  return missing.length;
}

import type { Viewer } from '@portal/auth';
import { isDuplicateKeyError } from '@portal/db';
import type { ForumModels } from '../models';

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

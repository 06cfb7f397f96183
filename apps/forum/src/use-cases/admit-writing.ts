import type { Viewer } from '@portal/auth';
import { assertLinkLimit, isNewAccount } from '../domain/anti-abuse';
import { isStaff } from '../domain/permissions';
import type { ForumDeps, LimitName } from './deps';
import { claimFingerprint, releaseFingerprint } from './duplicates';
import { recordProfile } from './profiles';

/** A new thread or reply, as the abuse checks see it. */
export interface NewWriting {
  /** The author's rate limit it counts against. */
  limit: Extract<LimitName, 'threads' | 'replies'>;
  /** The sanitized body, and the input field it came from (for the link-limit error). */
  html: string;
  field: string;
  /** "This author said these words in this scope", claimed for the duplicate window. */
  fingerprint: string;
}

/**
 * Admits a new thread or reply after its own checks: the author's rate limit, then their
 * profile and the link limit of new accounts (staff are exempt), then the duplicate claim.
 * `write` runs under the claim; a failed write releases it, so a retry is not a duplicate.
 */
export async function admitWriting<T>(
  deps: ForumDeps,
  viewer: Viewer & { id: string },
  writing: NewWriting,
  now: Date,
  write: () => Promise<T>,
): Promise<T> {
  const { models, rules } = deps;
  await deps.limiters[writing.limit].consume(viewer.id);
  const profile = await recordProfile(models, viewer, now);
  if (!isStaff(viewer))
    assertLinkLimit(
      writing.html,
      writing.field,
      isNewAccount(profile.firstSeenAt, now, rules.newAccountDays),
      rules,
    );
  await claimFingerprint(models, writing.fingerprint, now, rules.duplicateWindowHours);
  try {
    return await write();
  } catch (err) {
    await releaseFingerprint(models, writing.fingerprint);
    throw err;
  }
}

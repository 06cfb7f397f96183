import type { Connection } from 'mongoose';
import { databasePreparer } from '@portal/db';
import { flagModel } from './flag.model';
import { followerModel } from './follower.model';
import { moderationItemModel } from './moderation-item.model';
import { moderationLogModel } from './moderation-log.model';
import { postFingerprintModel } from './post-fingerprint.model';
import { postModel } from './post.model';
import { profileModel } from './profile.model';
import { revisionModel } from './revision.model';
import { threadModel } from './thread.model';
import { voteModel } from './vote.model';

/** Every model of the forum's database, bound to one connection. */
export function forumModels(conn: Connection) {
  return {
    threads: threadModel(conn),
    posts: postModel(conn),
    votes: voteModel(conn),
    flags: flagModel(conn),
    moderationItems: moderationItemModel(conn),
    moderationLog: moderationLogModel(conn),
    profiles: profileModel(conn),
    followers: followerModel(conn),
    fingerprints: postFingerprintModel(conn),
    revisions: revisionModel(conn),
  };
}

export type ForumModels = ReturnType<typeof forumModels>;

export { newThreadDoc, type NewThreadFields, type ThreadDoc } from './thread.model';
export type { PostDoc } from './post.model';
export type { ProfileDoc } from './profile.model';
export type { ModerationItemDoc } from './moderation-item.model';
export type { ModerationLogDoc } from './moderation-log.model';

/** Registers the models and builds their indexes (idempotent; run at every start). */
export const prepareDatabase = databasePreparer(forumModels);

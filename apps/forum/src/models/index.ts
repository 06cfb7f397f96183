import { defineModels } from '@portal/db';
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
export const forumModels = defineModels({
  threads: threadModel,
  posts: postModel,
  votes: voteModel,
  flags: flagModel,
  moderationItems: moderationItemModel,
  moderationLog: moderationLogModel,
  profiles: profileModel,
  followers: followerModel,
  fingerprints: postFingerprintModel,
  revisions: revisionModel,
});

export type ForumModels = ReturnType<typeof forumModels>;

export { newThreadDoc, type NewThreadFields, type ThreadDoc } from './thread.model';
export type { PostDoc } from './post.model';
export type { ProfileDoc } from './profile.model';
export type { ModerationItemDoc } from './moderation-item.model';
export type { ModerationLogDoc } from './moderation-log.model';

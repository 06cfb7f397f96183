import type { ForumRules } from './domain/forum-rules';

type RuleEnv = {
  FORUM_EDIT_WINDOW_MINUTES: number;
  FORUM_AUTO_HIDE_FLAGS: number;
  FORUM_NEW_ACCOUNT_DAYS: number;
  FORUM_NEW_ACCOUNT_MAX_LINKS: number;
  FORUM_DUPLICATE_WINDOW_HOURS: number;
  FORUM_LIMIT_THREADS: { points: number; windowSeconds: number };
  FORUM_LIMIT_REPLIES: { points: number; windowSeconds: number };
  FORUM_LIMIT_VOTES: { points: number; windowSeconds: number };
  FORUM_LIMIT_FLAGS: { points: number; windowSeconds: number };
  FORUM_LIMIT_EDITS: { points: number; windowSeconds: number };
  FORUM_LIMIT_ANSWERS: { points: number; windowSeconds: number };
};

/** The forum's rules from its validated environment. */
export function rulesFromEnv(env: RuleEnv): ForumRules {
  return {
    editWindowMinutes: env.FORUM_EDIT_WINDOW_MINUTES,
    autoHideFlags: env.FORUM_AUTO_HIDE_FLAGS,
    newAccountDays: env.FORUM_NEW_ACCOUNT_DAYS,
    newAccountMaxLinks: env.FORUM_NEW_ACCOUNT_MAX_LINKS,
    duplicateWindowHours: env.FORUM_DUPLICATE_WINDOW_HOURS,
    limits: {
      threads: env.FORUM_LIMIT_THREADS,
      replies: env.FORUM_LIMIT_REPLIES,
      votes: env.FORUM_LIMIT_VOTES,
      flags: env.FORUM_LIMIT_FLAGS,
      edits: env.FORUM_LIMIT_EDITS,
      answers: env.FORUM_LIMIT_ANSWERS,
    },
  };
}

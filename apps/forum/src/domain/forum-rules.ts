export interface RateRule {
  points: number;
  windowSeconds: number;
}

/** The forum's configurable rules (from env.ts in production, set directly in tests). */
export interface ForumRules {
  editWindowMinutes: number;
  autoHideFlags: number;
  newAccountDays: number;
  newAccountMaxLinks: number;
  duplicateWindowHours: number;
  limits: Record<LimitName, RateRule>;
}

/** The kinds of action each person is rate-limited on (rule `forum-<action>`). */
export const LIMIT_NAMES = ['threads', 'replies', 'votes', 'flags', 'edits', 'answers'] as const;

export type LimitName = (typeof LIMIT_NAMES)[number];

/** Default rules, as documented in apps/forum/README.md. */
export const DEFAULT_RULES: ForumRules = {
  editWindowMinutes: 30,
  autoHideFlags: 3,
  newAccountDays: 7,
  newAccountMaxLinks: 2,
  duplicateWindowHours: 24,
  limits: {
    threads: { points: 5, windowSeconds: 900 },
    replies: { points: 6, windowSeconds: 60 },
    votes: { points: 60, windowSeconds: 60 },
    flags: { points: 20, windowSeconds: 3600 },
    edits: { points: 20, windowSeconds: 600 },
    answers: { points: 30, windowSeconds: 600 },
  },
};

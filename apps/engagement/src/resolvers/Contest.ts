import type {
  ContestConnectionResolvers,
  ContestEntryResolvers,
  ContestResolvers,
  ContestWinnerResolvers,
} from '../__generated__/resolvers-types';
import { entityKey } from '@portal/graphql-kit';

export const Contest: ContestResolvers = {
  // The reference carries the GraphQL id, not the model's `_id`.
  __resolveReference: (ref, ctx) => {
    const id = entityKey(ref);
    return id ? ctx.loaders.contestById.load(id) : null;
  },
  id: (c) => c._id.toHexString(),
  currentRound: (c, _a, ctx) => ctx.contests.current(c),
  entries: (c, _a, ctx) => ctx.contests.entries(c),
  winners: (c) =>
    [...c.winners]
      .sort((a, b) => a.rank - b.rank)
      .map((w) => ({ rank: w.rank, entryId: w.entryId.toHexString(), contest: c })),
  standings: (c, _a, ctx) => ctx.contests.standings(ctx.viewer, c),
  viewerIsJudge: (c, _a, ctx) => ctx.contests.isJudge(ctx.viewer, c),
  myEntry: (c, _a, ctx) => ctx.contests.myEntry(ctx.viewer, c),
  myVoteEntryId: (c, _a, ctx) => ctx.contests.viewerVote(ctx.viewer, c),
};

export const ContestConnection: ContestConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};

export const ContestEntry: ContestEntryResolvers = {
  __resolveReference: async (ref, ctx) => {
    const id = entityKey(ref);
    const entry = id ? await ctx.loaders.entryById.load(id) : null;
    // Visible with its contest only.
    return entry && (await ctx.loaders.contestById.load(entry.contestId.toHexString()))
      ? entry
      : null;
  },
  id: (e) => e._id.toHexString(),
  contest: async (e, _a, ctx) => (await ctx.loaders.contestById.load(e.contestId.toHexString()))!,
  myScore: (e, _a, ctx) => ctx.contests.myScore(ctx.viewer, e),
  myConflictDeclared: (e, _a, ctx) => ctx.contests.conflictDeclared(ctx.viewer, e),
  // A reference the library resolves (null there until its worker has created the entry).
  showcaseEntry: async (e, _a, ctx) => {
    const id = await ctx.loaders.showcaseIdByEntry.load(e._id.toHexString());
    return id ? { id } : null;
  },
};

export const ContestWinner: ContestWinnerResolvers = {
  prize: (w) => w.contest.prizes.find((p) => p.rank === w.rank) ?? null,
  entry: async (w, _a, ctx) => (await ctx.loaders.entryById.load(w.entryId))!,
};

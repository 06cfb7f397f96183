import type {
  ContestConnectionResolvers,
  ContestEntryResolvers,
  ContestResolvers,
  ContestWinnerResolvers,
} from '../__generated__/resolvers-types';
import { loadEntity } from '@portal/graphql-kit';

export const Contest: ContestResolvers = {
  // The reference carries the GraphQL id, not the model's `_id`.
  __resolveReference: (ref, ctx) => loadEntity(ref, ctx.loaders.contestById),
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
  // Visible with its contest only.
  __resolveReference: (ref, ctx) =>
    loadEntity(
      ref,
      ctx.loaders.entryById,
      async (entry) => !!(await ctx.loaders.contestById.load(entry.contestId.toHexString())),
    ),
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

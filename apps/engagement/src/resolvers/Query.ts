import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  surveys: (_p, args, ctx) => ctx.surveys.list(ctx.viewer, args),
  survey: (_p, args, ctx) => ctx.surveys.get(ctx.viewer, args.id),
  surveyEditorResults: (_p, args, ctx) => ctx.surveys.editorResults(ctx.viewer, args.id),
  events: (_p, args, ctx) => ctx.events.list(ctx.viewer, args),
  event: (_p, args, ctx) => ctx.events.get(ctx.viewer, args.id),
  myRegistrations: (_p, _args, ctx) => ctx.events.myRegistrations(ctx.viewer),
  contests: (_p, args, ctx) => ctx.contests.list(ctx.viewer, args),
  contest: (_p, args, ctx) => ctx.contests.get(ctx.viewer, args.id),
};

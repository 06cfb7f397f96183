import type { MutationResolvers } from '../__generated__/resolvers-types';

// Thin: each use case checks access first, then validates its input, in the service.
export const Mutation: MutationResolvers = {
  createSurvey: (_p, args, ctx) => ctx.surveys.create(ctx.viewer, args.input),
  updateSurvey: (_p, args, ctx) =>
    ctx.surveys.update(ctx.viewer, args.id, args.input, args.expectedVersion),
  publishSurvey: (_p, args, ctx) => ctx.surveys.publish(ctx.viewer, args.id),
  closeSurvey: (_p, args, ctx) => ctx.surveys.close(ctx.viewer, args.id),
  saveSurveyDraft: (_p, args, ctx) =>
    ctx.surveys.saveDraft(ctx.viewer, ctx.clientKey, args.surveyId, args.answers),
  submitSurveyResponse: (_p, args, ctx) =>
    ctx.surveys.submit(ctx.viewer, ctx.clientKey, args.surveyId, args.answers),

  createEvent: (_p, args, ctx) => ctx.events.create(ctx.viewer, args.input),
  updateEvent: (_p, args, ctx) =>
    ctx.events.update(ctx.viewer, args.id, args.input, args.expectedVersion),
  publishEvent: (_p, args, ctx) => ctx.events.publish(ctx.viewer, args.id),
  cancelEvent: (_p, args, ctx) => ctx.events.cancel(ctx.viewer, args.id),
  registerForEvent: (_p, args, ctx) => ctx.events.register(ctx.viewer, args.eventId),
  cancelRegistration: (_p, args, ctx) => ctx.events.cancelRegistration(ctx.viewer, args.eventId),
  askEventQuestion: (_p, args, ctx) => ctx.events.ask(ctx.viewer, args.eventId, args.text),
  voteEventQuestion: (_p, args, ctx) => ctx.events.vote(ctx.viewer, args.questionId),
  markEventQuestionAnswered: (_p, args, ctx) =>
    ctx.events.markAnswered(ctx.viewer, args.questionId),
  attachEventRecording: (_p, args, ctx) =>
    ctx.events.attachRecording(ctx.viewer, args.eventId, args.libraryItemId),

  createContest: (_p, args, ctx) => ctx.contests.create(ctx.viewer, args.input),
  publishContest: (_p, args, ctx) => ctx.contests.publish(ctx.viewer, args.id),
  assignContestJudges: (_p, args, ctx) =>
    ctx.contests.assignJudges(ctx.viewer, args.contestId, args.judgeIds),
  submitContestEntry: (_p, args, ctx) =>
    ctx.contests.submitEntry(ctx.viewer, args.contestId, args.input),
  updateContestEntry: (_p, args, ctx) =>
    ctx.contests.updateEntry(ctx.viewer, args.entryId, args.input),
  scoreContestEntry: (_p, args, ctx) =>
    ctx.contests.score(ctx.viewer, args.entryId, args.scores, args.comment),
  declareConflictOfInterest: (_p, args, ctx) =>
    ctx.contests.declareConflict(ctx.viewer, args.entryId, args.reason),
  voteForContestEntry: (_p, args, ctx) => ctx.contests.vote(ctx.viewer, args.entryId),
  publishContestResults: (_p, args, ctx) =>
    ctx.contests.publishResults(ctx.viewer, args.contestId, args.winners),
  promoteContestEntry: (_p, args, ctx) =>
    ctx.contests.promote(ctx.viewer, args.entryId, args.input),
};

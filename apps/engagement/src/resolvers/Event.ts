import type {
  EventConnectionResolvers,
  EventQuestionResolvers,
  EventResolvers,
  RegistrationResolvers,
} from '../__generated__/resolvers-types';
import { loadEntity } from '@portal/graphql-kit';

export const Event: EventResolvers = {
  // The reference carries the GraphQL id, not the model's `_id`.
  __resolveReference: (ref, ctx) => loadEntity(ref, ctx.loaders.eventById),
  id: (e) => e._id.toHexString(),
  confirmedCount: (e, _a, ctx) => ctx.events.counts(e, 'CONFIRMED'),
  waitlistCount: (e, _a, ctx) => ctx.events.counts(e, 'WAITLISTED'),
  recording: (e) => (e.recordingItemId ? { id: e.recordingItemId } : null),
  questions: (e, _a, ctx) => ctx.events.questions(e),
  myRegistration: (e, _a, ctx) => ctx.events.myRegistration(ctx.viewer, e),
};

export const EventConnection: EventConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};

export const Registration: RegistrationResolvers = {
  id: (r) => r._id.toHexString(),
  // The viewer's own registration: its event stays readable even once cancelled.
  event: async (r, _a, ctx) => (await ctx.models.Event.findById(r.eventId).lean())!,
  waitlistPosition: (r, _a, ctx) => ctx.events.waitlistPosition(r),
};

export const EventQuestion: EventQuestionResolvers = {
  id: (q) => q._id.toHexString(),
  votes: (q, _a, ctx) => ctx.loaders.votesByQuestion.load(q._id.toHexString()),
  answered: (q) => q.answeredAt !== null,
  viewerHasVoted: (q, _a, ctx) => ctx.loaders.viewerVoted.load(q._id.toHexString()),
};

import type { SurveyConnectionResolvers, SurveyResolvers } from '../__generated__/resolvers-types';
import { loadEntity } from '@portal/graphql-kit';

export const Survey: SurveyResolvers = {
  // The reference carries the GraphQL id, not the model's `_id`.
  __resolveReference: (ref, ctx) => loadEntity(ref, ctx.loaders.surveyById),
  id: (s) => s._id.toHexString(),
  status: (s, _a, ctx) => ctx.surveys.status(s),
  article: (s) => (s.attachedTo?.type === 'ARTICLE' ? { id: s.attachedTo.id } : null),
  thread: (s) => (s.attachedTo?.type === 'THREAD' ? { id: s.attachedTo.id } : null),
  responseCount: (s, _a, ctx) => ctx.surveys.responseCount(ctx.viewer, s),
  results: (s, _a, ctx) => ctx.surveys.results(ctx.viewer, s),
  viewerCanAnswer: (s, _a, ctx) => ctx.surveys.canAnswer(ctx.viewer, ctx.clientKey, s),
  myResponse: (s, _a, ctx) => ctx.surveys.myResponse(ctx.viewer, ctx.clientKey, s),
};

export const SurveyConnection: SurveyConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};

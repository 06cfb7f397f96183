import type { ModerationLogEntryResolvers } from '../__generated__/resolvers-types';

export const ModerationLogEntry: ModerationLogEntryResolvers = {
  id: (e) => e._id,
  actor: (e, _, ctx) => (e.actorId ? ctx.loaders.profile.load(e.actorId) : null),
};

import DataLoader from 'dataloader';
import { hasRole, type Viewer } from '@portal/auth';
import { toObjectIds } from '@portal/db';
import { createDocumentLoader, type BaseContext } from '@portal/graphql-kit';
import type { EngagementModels } from './models';
import type { ContestEntryDoc } from './models/contest-entry.model';
import type { ContestDoc } from './models/contest.model';
import type { EventDoc } from './models/event.model';
import type { SurveyDoc } from './models/survey.model';
import { canSeeEvent } from './domain/event-rules';
import { canSeeSurvey } from './domain/survey-rules';
import type { ContestService } from './services/contest.service';
import type { EventService } from './services/event.service';
import type { SurveyService } from './services/survey.service';

/** Long-lived parts shared by every request. */
export interface EngagementServices {
  models: EngagementModels;
  surveys: SurveyService;
  events: EventService;
  contests: ContestService;
}

export interface EngagementLoaders {
  /** Surveys the viewer may see, by id (entity references). */
  surveyById: DataLoader<string, SurveyDoc | null>;
  /** Events the viewer may see, by id. */
  eventById: DataLoader<string, EventDoc | null>;
  /** Contests the viewer may see, by id. */
  contestById: DataLoader<string, ContestDoc | null>;
  /** Contest entries by id (visible with their contest). */
  entryById: DataLoader<string, ContestEntryDoc | null>;
  /** The latest published poll by content key (`ARTICLE:<id>`, `THREAD:<id>`). */
  pollByContent: DataLoader<string, SurveyDoc | null>;
  /** The showcase entry id of a promoted contest entry, by entry id. */
  showcaseIdByEntry: DataLoader<string, string | null>;
  /** Votes per question id. */
  votesByQuestion: DataLoader<string, number>;
  /** Whether the viewer voted, per question id. */
  viewerVoted: DataLoader<string, boolean>;
}

export interface EngagementContext extends BaseContext, EngagementServices {
  loaders: EngagementLoaders;
}

/** Per-request loaders: N lookups of one kind cost one `$in` query. */
export function createLoaders(services: EngagementServices, viewer: Viewer): EngagementLoaders {
  const { models } = services;
  const viewerId = viewer.id;
  return {
    surveyById: createDocumentLoader(models.Survey, (s) => canSeeSurvey(viewer, s)),
    eventById: createDocumentLoader(models.Event, (e) => canSeeEvent(viewer, e)),
    pollByContent: new DataLoader(async (keys) => {
      const polls = await services.surveys.pollsFor(keys);
      return keys.map((k) => polls.get(k) ?? null);
    }),
    contestById: createDocumentLoader(
      models.Contest,
      (c) => c.status === 'PUBLISHED' || hasRole(viewer, 'editor'),
    ),
    entryById: createDocumentLoader(models.ContestEntry),
    showcaseIdByEntry: new DataLoader(async (keys) => {
      const found = await services.contests.showcaseIds(keys);
      return keys.map((k) => found.get(k) ?? null);
    }),
    votesByQuestion: new DataLoader(async (keys) => {
      const counts = await models.QuestionVote.aggregate<{ _id: unknown; n: number }>([
        { $match: { questionId: { $in: toObjectIds(keys) } } },
        { $group: { _id: '$questionId', n: { $sum: 1 } } },
      ]);
      const byId = new Map(counts.map((c) => [String(c._id), c.n]));
      return keys.map((id) => byId.get(id) ?? 0);
    }),
    viewerVoted: new DataLoader(async (keys) => {
      if (!viewerId) return keys.map(() => false);
      const votes = await models.QuestionVote.find(
        { questionId: { $in: toObjectIds(keys) }, userId: viewerId },
        { questionId: 1 },
      ).lean();
      const voted = new Set(votes.map((v) => v.questionId.toHexString()));
      return keys.map((id) => voted.has(id));
    }),
  };
}

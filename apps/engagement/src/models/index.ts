import { defineModels } from '@portal/db';
import {
  conflictModel,
  contestEntryModel,
  contestVoteModel,
  judgeScoreModel,
  profileModel,
} from './contest-entry.model';
import { contestPromotionModel } from './contest-promotion.model';
import { contestModel } from './contest.model';
import { eventQuestionModel, questionVoteModel } from './event-question.model';
import { eventModel } from './event.model';
import { registrationModel, seatModel } from './registration.model';
import { surveyDraftModel } from './survey-draft.model';
import { surveyResponseModel } from './survey-response.model';
import { surveyModel } from './survey.model';

/** This service's models on its own database. */
export const engagementModels = defineModels({
  Survey: surveyModel,
  SurveyResponse: surveyResponseModel,
  SurveyDraft: surveyDraftModel,
  Event: eventModel,
  Registration: registrationModel,
  Seat: seatModel,
  EventQuestion: eventQuestionModel,
  QuestionVote: questionVoteModel,
  Contest: contestModel,
  ContestEntry: contestEntryModel,
  JudgeScore: judgeScoreModel,
  ContestConflict: conflictModel,
  ContestVote: contestVoteModel,
  ContestPromotion: contestPromotionModel,
  Profile: profileModel,
});

export type EngagementModels = ReturnType<typeof engagementModels>;

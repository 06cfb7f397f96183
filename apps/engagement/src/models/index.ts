import type { Connection } from 'mongoose';
import { databasePreparer } from '@portal/db';
import {
  conflictModel,
  contestEntryModel,
  contestVoteModel,
  judgeScoreModel,
  profileModel,
  type ConflictModel,
  type ContestEntryModel,
  type ContestVoteModel,
  type JudgeScoreModel,
  type ProfileModel,
} from './contest-entry.model';
import { contestPromotionModel, type ContestPromotionModel } from './contest-promotion.model';
import { contestModel, type ContestModel } from './contest.model';
import {
  eventQuestionModel,
  questionVoteModel,
  type EventQuestionModel,
  type QuestionVoteModel,
} from './event-question.model';
import { eventModel, type EventModel } from './event.model';
import {
  registrationModel,
  seatModel,
  type RegistrationModel,
  type SeatModel,
} from './registration.model';
import { surveyDraftModel, type SurveyDraftModel } from './survey-draft.model';
import { surveyResponseModel, type SurveyResponseModel } from './survey-response.model';
import { surveyModel, type SurveyModel } from './survey.model';

export interface EngagementModels {
  Survey: SurveyModel;
  SurveyResponse: SurveyResponseModel;
  SurveyDraft: SurveyDraftModel;
  Event: EventModel;
  Registration: RegistrationModel;
  Seat: SeatModel;
  EventQuestion: EventQuestionModel;
  QuestionVote: QuestionVoteModel;
  Contest: ContestModel;
  ContestEntry: ContestEntryModel;
  JudgeScore: JudgeScoreModel;
  ContestConflict: ConflictModel;
  ContestVote: ContestVoteModel;
  ContestPromotion: ContestPromotionModel;
  Profile: ProfileModel;
}

/** This service's models on its own database. */
export function engagementModels(conn: Connection): EngagementModels {
  return {
    Survey: surveyModel(conn),
    SurveyResponse: surveyResponseModel(conn),
    SurveyDraft: surveyDraftModel(conn),
    Event: eventModel(conn),
    Registration: registrationModel(conn),
    Seat: seatModel(conn),
    EventQuestion: eventQuestionModel(conn),
    QuestionVote: questionVoteModel(conn),
    Contest: contestModel(conn),
    ContestEntry: contestEntryModel(conn),
    JudgeScore: judgeScoreModel(conn),
    ContestConflict: conflictModel(conn),
    ContestVote: contestVoteModel(conn),
    ContestPromotion: contestPromotionModel(conn),
    Profile: profileModel(conn),
  };
}

/** Registers the models and builds their indexes (idempotent; run at every start). */
export const prepareDatabase = databasePreparer(engagementModels);

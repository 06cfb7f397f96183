import type { Connection } from 'mongoose';
import { syncIndexes } from '@portal/db';
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
  };
}

/** Registers the models and builds their indexes (idempotent; run at every start). */
export async function prepareDatabase(conn: Connection): Promise<EngagementModels> {
  const models = engagementModels(conn);
  await syncIndexes(conn);
  return models;
}

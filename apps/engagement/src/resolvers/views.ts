import type { Connection } from '@portal/db';
import type { EventDoc } from '../models/event.model';
import type { SurveyDoc } from '../models/survey.model';

export type SurveyPage = Connection<SurveyDoc>;
export type EventPage = Connection<EventDoc>;

/** An entity another subgraph owns, known here by id only. */
export interface ContentRef {
  id: string;
}

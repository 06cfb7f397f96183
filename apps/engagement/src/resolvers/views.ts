import type { Page } from '@portal/db';
import type { ContestDoc } from '../models/contest.model';
import type { EventDoc } from '../models/event.model';
import type { SurveyDoc } from '../models/survey.model';

export type SurveyPage = Page<SurveyDoc>;
export type EventPage = Page<EventDoc>;
export type ContestPage = Page<ContestDoc>;

/** A winner as stored on the contest, resolved with the contest it belongs to. */
export interface WinnerView {
  rank: number;
  entryId: string;
  contest: ContestDoc;
}

/** An entity another subgraph owns, known here by id only. */
export interface ContentRef {
  id: string;
}

import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { SurveyDoc } from '../models/survey.model';
import { SurveyPage, EventPage, ContestPage, WinnerView, ContentRef } from '../resolvers/views';
import { EditorResultsView, ResponseView } from '../services/survey.service';
import { EventDoc } from '../models/event.model';
import { RegistrationDoc } from '../models/registration.model';
import { EventQuestionDoc } from '../models/event-question.model';
import { ContestDoc } from '../models/contest.model';
import { ContestEntryDoc, JudgeScoreDoc } from '../models/contest-entry.model';
import { EntryStanding } from '../services/contest.service';
import { EngagementContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: any; output: any; }
};

export type AgendaItem = {
  __typename?: 'AgendaItem';
  speaker?: Maybe<Scalars['String']['output']>;
  startsAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
};

export type AgendaItemInput = {
  speaker?: InputMaybe<Scalars['String']['input']>;
  startsAt: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
};

export type Answer = {
  __typename?: 'Answer';
  optionIds: Array<Scalars['ID']['output']>;
  questionId: Scalars['ID']['output'];
  /** RANKING: option ids, most preferred first. */
  ranking: Array<Scalars['ID']['output']>;
  rating?: Maybe<Scalars['Int']['output']>;
  text?: Maybe<Scalars['String']['output']>;
};

export type AnswerInput = {
  optionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  questionId: Scalars['ID']['input'];
  ranking?: InputMaybe<Array<Scalars['ID']['input']>>;
  rating?: InputMaybe<Scalars['Int']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};

export type Article = {
  __typename?: 'Article';
  id: Scalars['ID']['output'];
  /** The poll shown with this article, if one is published. */
  poll?: Maybe<Survey>;
};

/** Content a poll is attached to. */
export type AttachmentType =
  | 'ARTICLE'
  | 'THREAD';

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type Contest = {
  __typename?: 'Contest';
  criteria: Array<ContestCriterion>;
  /** The round running now, if any. */
  currentRound?: Maybe<ContestRound>;
  description?: Maybe<Scalars['String']['output']>;
  eligibility: Scalars['String']['output'];
  entries: Array<ContestEntry>;
  id: Scalars['ID']['output'];
  /** The viewer's own entry (private). */
  myEntry?: Maybe<ContestEntry>;
  /** The entry the viewer voted for in the running public-vote round (private). */
  myVoteEntryId?: Maybe<Scalars['ID']['output']>;
  prizes: Array<ContestPrize>;
  resultsPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  rounds: Array<ContestRound>;
  rules: Scalars['String']['output'];
  /** Every entry's average judge score and public votes: public once results are published, editors before. */
  standings?: Maybe<Array<ContestStanding>>;
  status: ContestStatus;
  title: Scalars['String']['output'];
  viewerIsJudge: Scalars['Boolean']['output'];
  /** Winners by prize rank, once results are published. */
  winners: Array<ContestWinner>;
};

export type ContestConnection = {
  __typename?: 'ContestConnection';
  nodes: Array<Contest>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ContestCriterion = {
  __typename?: 'ContestCriterion';
  id: Scalars['ID']['output'];
  maxScore: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
};

export type ContestCriterionInput = {
  maxScore: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  weight: Scalars['Float']['input'];
};

export type ContestEntry = {
  __typename?: 'ContestEntry';
  contest: Contest;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  /** Files uploaded through the library's /uploads endpoint. */
  fileIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** Whether the viewer (a judge) declared a conflict of interest with it (private). */
  myConflictDeclared: Scalars['Boolean']['output'];
  /** A judge's own scores of this entry (private; judges only). */
  myScore?: Maybe<JudgeScore>;
  ownerName?: Maybe<Scalars['String']['output']>;
  /** The library's showcase entry it was promoted to; null until the library has created it (seconds), or when it is archived. */
  showcaseEntry?: Maybe<ShowcaseEntry>;
  team: Array<TeamMember>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ContestEntryInput = {
  description: Scalars['String']['input'];
  fileIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  team: Array<TeamMemberInput>;
  title: Scalars['String']['input'];
};

export type ContestInput = {
  criteria?: InputMaybe<Array<ContestCriterionInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  eligibility: Scalars['String']['input'];
  prizes?: InputMaybe<Array<ContestPrizeInput>>;
  rounds: Array<ContestRoundInput>;
  rules: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type ContestPrize = {
  __typename?: 'ContestPrize';
  description?: Maybe<Scalars['String']['output']>;
  rank: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};

export type ContestPrizeInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  rank: Scalars['Int']['input'];
  title: Scalars['String']['input'];
};

export type ContestRound = {
  __typename?: 'ContestRound';
  endsAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: ContestRoundKind;
  startsAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
};

export type ContestRoundInput = {
  endsAt: Scalars['DateTime']['input'];
  kind: ContestRoundKind;
  startsAt: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
};

/** SUBMISSION: entries are taken and edited. JUDGING: judges score. PUBLIC_VOTE: people vote. */
export type ContestRoundKind =
  | 'JUDGING'
  | 'PUBLIC_VOTE'
  | 'SUBMISSION';

export type ContestStanding = {
  __typename?: 'ContestStanding';
  entry: ContestEntry;
  /** Average of the judges' weighted scores (0 to 100); null when nobody scored it. */
  judgeScore?: Maybe<Scalars['Float']['output']>;
  votes: Scalars['Int']['output'];
};

export type ContestStatus =
  | 'DRAFT'
  | 'PUBLISHED';

export type ContestWinner = {
  __typename?: 'ContestWinner';
  entry: ContestEntry;
  prize?: Maybe<ContestPrize>;
  rank: Scalars['Int']['output'];
};

export type ContestWinnerInput = {
  entryId: Scalars['ID']['input'];
  rank: Scalars['Int']['input'];
};

export type CriterionScore = {
  __typename?: 'CriterionScore';
  criterionId: Scalars['ID']['output'];
  score: Scalars['Int']['output'];
};

export type CriterionScoreInput = {
  criterionId: Scalars['ID']['input'];
  score: Scalars['Int']['input'];
};

export type Event = {
  __typename?: 'Event';
  agenda: Array<AgendaItem>;
  /** Seats for confirmed registrations; the rest wait. */
  capacity: Scalars['Int']['output'];
  confirmedCount: Scalars['Int']['output'];
  description?: Maybe<Scalars['String']['output']>;
  endsAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The viewer's registration (private). */
  myRegistration?: Maybe<Registration>;
  /** The livestream or meeting link. */
  onlineUrl?: Maybe<Scalars['String']['output']>;
  questions: Array<EventQuestion>;
  /** The recording and slides, a library item, after the event. */
  recording?: Maybe<LibraryItem>;
  speakers: Array<Speaker>;
  startsAt: Scalars['DateTime']['output'];
  status: EventStatus;
  /** IANA time zone the event is announced in (Asia/Ho_Chi_Minh by default). */
  timeZone: Scalars['String']['output'];
  title: Scalars['String']['output'];
  venue?: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
  waitlistCount: Scalars['Int']['output'];
};

export type EventConnection = {
  __typename?: 'EventConnection';
  nodes: Array<Event>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type EventInput = {
  agenda?: InputMaybe<Array<AgendaItemInput>>;
  capacity: Scalars['Int']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt: Scalars['DateTime']['input'];
  onlineUrl?: InputMaybe<Scalars['String']['input']>;
  speakers?: InputMaybe<Array<SpeakerInput>>;
  startsAt: Scalars['DateTime']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
  venue?: InputMaybe<Scalars['String']['input']>;
};

export type EventQuestion = {
  __typename?: 'EventQuestion';
  answered: Scalars['Boolean']['output'];
  authorName?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  text: Scalars['String']['output'];
  viewerHasVoted: Scalars['Boolean']['output'];
  votes: Scalars['Int']['output'];
};

export type EventStatus =
  | 'CANCELLED'
  | 'DRAFT'
  | 'PUBLISHED';

export type JudgeScore = {
  __typename?: 'JudgeScore';
  comment?: Maybe<Scalars['String']['output']>;
  scores: Array<CriterionScore>;
  updatedAt: Scalars['DateTime']['output'];
  /** Weighted, 0 to 100. */
  weighted: Scalars['Float']['output'];
};

export type LibraryItem = {
  __typename?: 'LibraryItem';
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  askEventQuestion: EventQuestion;
  /** Editors: the people (ids) who judge this contest. */
  assignContestJudges: Contest;
  /** Editors: attach the recording and slides (a library item); attendees get a follow-up e-mail. */
  attachEventRecording: Event;
  /** Editors: cancel; registrations are told and reminders withdrawn. */
  cancelEvent: Event;
  /** Cancels the viewer's registration; the first on the waitlist takes the seat. */
  cancelRegistration: Registration;
  /** Editors: close a survey before its closing time. */
  closeSurvey: Survey;
  /** Editors: a new contest, as a draft. */
  createContest: Contest;
  /** Editors: a new event, as a draft. */
  createEvent: Event;
  /** Editors: a new survey or poll, as a draft. */
  createSurvey: Survey;
  /** Judges: declare a conflict of interest; their score of the entry is withdrawn. */
  declareConflictOfInterest: ContestEntry;
  /** Moderators and editors. */
  markEventQuestionAnswered: EventQuestion;
  /** Editors: a winner (results published) goes to the library's AI-Challenge showcase, once; asking again changes nothing. */
  promoteContestEntry: ContestEntry;
  publishContest: Contest;
  /** Editors: publish the winners; scores become public. */
  publishContestResults: Contest;
  publishEvent: Event;
  /** Editors: publish a draft; it opens at opensAt (now if unset). */
  publishSurvey: Survey;
  /** Registers the viewer: CONFIRMED while seats last, then WAITLISTED. */
  registerForEvent: Registration;
  /** Saves the viewer's unfinished answers (signed-in people). */
  saveSurveyDraft: SurveyResponse;
  /** Judges: score an entry on the contest's criteria (scoring again replaces). */
  scoreContestEntry: JudgeScore;
  /** Signed-in people, while a submission round runs: one entry each. */
  submitContestEntry: ContestEntry;
  /** Submits the viewer's answers: once per person (or per client for anonymous answers). */
  submitSurveyResponse: SurveyResponse;
  /** The entry's owner, until the submission round ends. */
  updateContestEntry: ContestEntry;
  /** Editors: change an event; registered people get an updated invitation when its time moves. */
  updateEvent: Event;
  /** Editors: replace a draft's content. */
  updateSurvey: Survey;
  voteEventQuestion: EventQuestion;
  /** Signed-in people: one vote per public-vote round. */
  voteForContestEntry: ContestEntry;
};


export type MutationAskEventQuestionArgs = {
  eventId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationAssignContestJudgesArgs = {
  contestId: Scalars['ID']['input'];
  judgeIds: Array<Scalars['ID']['input']>;
};


export type MutationAttachEventRecordingArgs = {
  eventId: Scalars['ID']['input'];
  libraryItemId: Scalars['ID']['input'];
};


export type MutationCancelEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelRegistrationArgs = {
  eventId: Scalars['ID']['input'];
};


export type MutationCloseSurveyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateContestArgs = {
  input: ContestInput;
};


export type MutationCreateEventArgs = {
  input: EventInput;
};


export type MutationCreateSurveyArgs = {
  input: SurveyInput;
};


export type MutationDeclareConflictOfInterestArgs = {
  entryId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationMarkEventQuestionAnsweredArgs = {
  questionId: Scalars['ID']['input'];
};


export type MutationPromoteContestEntryArgs = {
  entryId: Scalars['ID']['input'];
  input: PromoteContestEntryInput;
};


export type MutationPublishContestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPublishContestResultsArgs = {
  contestId: Scalars['ID']['input'];
  winners: Array<ContestWinnerInput>;
};


export type MutationPublishEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPublishSurveyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRegisterForEventArgs = {
  eventId: Scalars['ID']['input'];
};


export type MutationSaveSurveyDraftArgs = {
  answers: Array<AnswerInput>;
  surveyId: Scalars['ID']['input'];
};


export type MutationScoreContestEntryArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  entryId: Scalars['ID']['input'];
  scores: Array<CriterionScoreInput>;
};


export type MutationSubmitContestEntryArgs = {
  contestId: Scalars['ID']['input'];
  input: ContestEntryInput;
};


export type MutationSubmitSurveyResponseArgs = {
  answers: Array<AnswerInput>;
  surveyId: Scalars['ID']['input'];
};


export type MutationUpdateContestEntryArgs = {
  entryId: Scalars['ID']['input'];
  input: ContestEntryInput;
};


export type MutationUpdateEventArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: EventInput;
};


export type MutationUpdateSurveyArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: SurveyInput;
};


export type MutationVoteEventQuestionArgs = {
  questionId: Scalars['ID']['input'];
};


export type MutationVoteForContestEntryArgs = {
  entryId: Scalars['ID']['input'];
};

export type OptionResult = {
  __typename?: 'OptionResult';
  /** RANKING: mean position (1 = first). */
  averageRank?: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  label: Scalars['String']['output'];
  optionId: Scalars['ID']['output'];
  /** count / answered, 0 to 1. */
  share: Scalars['Float']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** Categories of the library's app directory (its platform apps and showcase entries). */
export type PlatformAppCategory =
  | 'BUSINESS'
  | 'CITIZEN_ENGAGEMENT'
  | 'EDUCATION'
  | 'HEALTH'
  | 'OPEN_DATA'
  | 'OTHER'
  | 'PUBLIC_SERVICES'
  | 'SECURITY'
  | 'TRANSPORT';

export type PromoteContestEntryInput = {
  /** Defaults from the winner's rank: FIRST, SECOND, THIRD, then CONSOLATION. */
  award?: InputMaybe<ShowcaseAward>;
  category: PlatformAppCategory;
  /** The product's demo video, a VIDEO item of the library. */
  demoVideoItemId?: InputMaybe<Scalars['ID']['input']>;
  /** Where people try the product: the app, its store page or a sandbox (http or https). */
  tryItUrl: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  contest?: Maybe<Contest>;
  /** Published contests, newest first; editors also drafts. */
  contests?: Maybe<ContestConnection>;
  event?: Maybe<Event>;
  /** Published events, soonest first (upcoming) or latest first (past). */
  events?: Maybe<EventConnection>;
  /** The viewer's registrations, soonest event first. */
  myRegistrations?: Maybe<Array<Registration>>;
  survey?: Maybe<Survey>;
  /** Editors: results overall and per unit. */
  surveyEditorResults?: Maybe<SurveyEditorResults>;
  /** Published surveys and polls, newest first; editors also see drafts (status DRAFT). */
  surveys?: Maybe<SurveyConnection>;
};


export type QueryContestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  upcoming?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QuerySurveyArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySurveyEditorResultsArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySurveysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<SurveyKind>;
  status?: InputMaybe<SurveyStatus>;
};

export type QuestionResult = {
  __typename?: 'QuestionResult';
  /** Responses that answered this question. */
  answered: Scalars['Int']['output'];
  averageRating?: Maybe<Scalars['Float']['output']>;
  /** Choice questions: count and share per option. RANKING: also the average rank. */
  options: Array<OptionResult>;
  questionId: Scalars['ID']['output'];
  /** RATING: count per value of the scale and the average. */
  ratings: Array<RatingCount>;
  type: QuestionType;
};

export type QuestionType =
  | 'LONG_TEXT'
  | 'MULTIPLE_CHOICE'
  /** Every option put in order, most preferred first. */
  | 'RANKING'
  /** A whole number from scaleMin to scaleMax. */
  | 'RATING'
  | 'SHORT_TEXT'
  | 'SINGLE_CHOICE';

export type RatingCount = {
  __typename?: 'RatingCount';
  count: Scalars['Int']['output'];
  share: Scalars['Float']['output'];
  value: Scalars['Int']['output'];
};

export type Registration = {
  __typename?: 'Registration';
  createdAt: Scalars['DateTime']['output'];
  event: Event;
  id: Scalars['ID']['output'];
  status: RegistrationStatus;
  /** Place on the waitlist (1 = next), while WAITLISTED. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
};

export type RegistrationStatus =
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'WAITLISTED';

export type ResponseState =
  | 'DRAFT'
  | 'SUBMITTED';

/** When results are public: LIVE while open, AFTER_CLOSE once closed, or NEVER (editors only). */
export type ResultsVisibility =
  | 'AFTER_CLOSE'
  | 'LIVE'
  | 'NEVER';

/** Awards of the library's showcase. */
export type ShowcaseAward =
  | 'CONSOLATION'
  | 'FIRST'
  | 'SECOND'
  | 'SPECIAL'
  | 'THIRD';

export type ShowcaseEntry = {
  __typename?: 'ShowcaseEntry';
  id: Scalars['ID']['output'];
};

export type Speaker = {
  __typename?: 'Speaker';
  name: Scalars['String']['output'];
  organization?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
};

export type SpeakerInput = {
  name: Scalars['String']['input'];
  organization?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type Survey = {
  __typename?: 'Survey';
  /** Anonymous surveys keep no respondent identity; named ones record who answered. */
  anonymous: Scalars['Boolean']['output'];
  /** The article a poll is shown with. */
  article?: Maybe<Article>;
  audience: SurveyAudience;
  /** Unit codes (shared directory) whose civil servants may answer, for audience UNITS. */
  audienceUnits: Array<Scalars['String']['output']>;
  /** Set when an editor closed the survey before its closing time. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  closesAt?: Maybe<Scalars['DateTime']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: SurveyKind;
  /** The viewer's saved draft or submitted response (private). */
  myResponse?: Maybe<SurveyResponse>;
  opensAt?: Maybe<Scalars['DateTime']['output']>;
  /** Submitted responses, when results are visible to the viewer. */
  responseCount?: Maybe<Scalars['Int']['output']>;
  /** Counts and shares per option, when results are visible to the viewer. */
  results?: Maybe<SurveyResults>;
  resultsVisibility: ResultsVisibility;
  sections: Array<SurveySection>;
  status: SurveyStatus;
  /** The forum thread a poll is shown with. */
  thread?: Maybe<Thread>;
  title: Scalars['String']['output'];
  /** Optimistic concurrency for editors' updates. */
  version: Scalars['Int']['output'];
  /** Whether the viewer may answer now (private). */
  viewerCanAnswer: Scalars['Boolean']['output'];
};

export type SurveyAttachmentInput = {
  id: Scalars['ID']['input'];
  type: AttachmentType;
};

/** Who may answer: anyone, signed-in people, or civil servants of the units listed. */
export type SurveyAudience =
  | 'ANYONE'
  | 'SIGNED_IN'
  | 'UNITS';

export type SurveyConnection = {
  __typename?: 'SurveyConnection';
  nodes: Array<Survey>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** Editors' view of results: overall and per unit of the respondents (named or unit-audience surveys). */
export type SurveyEditorResults = {
  __typename?: 'SurveyEditorResults';
  byUnit: Array<UnitResults>;
  /** Path of the streamed CSV export, through the gateway (GET, editors only). */
  csvExportPath: Scalars['String']['output'];
  overall: SurveyResults;
  survey: Survey;
};

export type SurveyInput = {
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  attachTo?: InputMaybe<SurveyAttachmentInput>;
  audience?: InputMaybe<SurveyAudience>;
  audienceUnits?: InputMaybe<Array<Scalars['String']['input']>>;
  closesAt?: InputMaybe<Scalars['DateTime']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<SurveyKind>;
  opensAt?: InputMaybe<Scalars['DateTime']['input']>;
  resultsVisibility?: InputMaybe<ResultsVisibility>;
  sections: Array<SurveySectionInput>;
  title: Scalars['String']['input'];
};

/** A SURVEY has sections of questions; a POLL is one choice question, often attached to content. */
export type SurveyKind =
  | 'POLL'
  | 'SURVEY';

export type SurveyOption = {
  __typename?: 'SurveyOption';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

export type SurveyOptionInput = {
  label: Scalars['String']['input'];
};

export type SurveyQuestion = {
  __typename?: 'SurveyQuestion';
  id: Scalars['ID']['output'];
  maxChoices?: Maybe<Scalars['Int']['output']>;
  /** SHORT_TEXT and LONG_TEXT: the longest answer accepted. */
  maxLength?: Maybe<Scalars['Int']['output']>;
  /** MULTIPLE_CHOICE: at least and at most this many choices. */
  minChoices?: Maybe<Scalars['Int']['output']>;
  /** Choices of SINGLE_CHOICE, MULTIPLE_CHOICE and RANKING questions. */
  options: Array<SurveyOption>;
  required: Scalars['Boolean']['output'];
  scaleMax?: Maybe<Scalars['Int']['output']>;
  scaleMaxLabel?: Maybe<Scalars['String']['output']>;
  /** RATING: the scale's ends and their labels. */
  scaleMin?: Maybe<Scalars['Int']['output']>;
  scaleMinLabel?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  type: QuestionType;
};

export type SurveyQuestionInput = {
  maxChoices?: InputMaybe<Scalars['Int']['input']>;
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  minChoices?: InputMaybe<Scalars['Int']['input']>;
  options?: InputMaybe<Array<SurveyOptionInput>>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
  scaleMax?: InputMaybe<Scalars['Int']['input']>;
  scaleMaxLabel?: InputMaybe<Scalars['String']['input']>;
  scaleMin?: InputMaybe<Scalars['Int']['input']>;
  scaleMinLabel?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
  type: QuestionType;
};

export type SurveyResponse = {
  __typename?: 'SurveyResponse';
  answers: Array<Answer>;
  id: Scalars['ID']['output'];
  state: ResponseState;
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type SurveyResults = {
  __typename?: 'SurveyResults';
  questions: Array<QuestionResult>;
  responseCount: Scalars['Int']['output'];
};

export type SurveySection = {
  __typename?: 'SurveySection';
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  questions: Array<SurveyQuestion>;
  title: Scalars['String']['output'];
};

export type SurveySectionInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  questions: Array<SurveyQuestionInput>;
  title: Scalars['String']['input'];
};

/**
 * DRAFT: being built, seen by editors only. SCHEDULED: published, not open yet. OPEN: taking
 * answers. CLOSED: past its closing time, or closed early by an editor.
 */
export type SurveyStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN'
  | 'SCHEDULED';

export type TeamMember = {
  __typename?: 'TeamMember';
  name: Scalars['String']['output'];
  role?: Maybe<Scalars['String']['output']>;
};

export type TeamMemberInput = {
  name: Scalars['String']['input'];
  role?: InputMaybe<Scalars['String']['input']>;
};

export type Thread = {
  __typename?: 'Thread';
  id: Scalars['ID']['output'];
  /** The poll shown with this thread, if one is published. */
  poll?: Maybe<Survey>;
};

export type UnitResults = {
  __typename?: 'UnitResults';
  results: SurveyResults;
  /** Unit code from the shared directory; null groups respondents with no unit. */
  unit?: Maybe<Scalars['String']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = {}, TContext = {}, TArgs = {}> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AgendaItem: ResolverTypeWrapper<AgendaItem>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AgendaItemInput: AgendaItemInput;
  Answer: ResolverTypeWrapper<Answer>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AnswerInput: AnswerInput;
  Article: ResolverTypeWrapper<ContentRef>;
  AttachmentType: AttachmentType;
  CacheControlScope: CacheControlScope;
  Contest: ResolverTypeWrapper<ContestDoc>;
  ContestConnection: ResolverTypeWrapper<ContestPage>;
  ContestCriterion: ResolverTypeWrapper<ContestCriterion>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ContestCriterionInput: ContestCriterionInput;
  ContestEntry: ResolverTypeWrapper<ContestEntryDoc>;
  ContestEntryInput: ContestEntryInput;
  ContestInput: ContestInput;
  ContestPrize: ResolverTypeWrapper<ContestPrize>;
  ContestPrizeInput: ContestPrizeInput;
  ContestRound: ResolverTypeWrapper<ContestRound>;
  ContestRoundInput: ContestRoundInput;
  ContestRoundKind: ContestRoundKind;
  ContestStanding: ResolverTypeWrapper<EntryStanding>;
  ContestStatus: ContestStatus;
  ContestWinner: ResolverTypeWrapper<WinnerView>;
  ContestWinnerInput: ContestWinnerInput;
  CriterionScore: ResolverTypeWrapper<CriterionScore>;
  CriterionScoreInput: CriterionScoreInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Event: ResolverTypeWrapper<EventDoc>;
  EventConnection: ResolverTypeWrapper<EventPage>;
  EventInput: EventInput;
  EventQuestion: ResolverTypeWrapper<EventQuestionDoc>;
  EventStatus: EventStatus;
  JudgeScore: ResolverTypeWrapper<JudgeScoreDoc>;
  LibraryItem: ResolverTypeWrapper<ContentRef>;
  Mutation: ResolverTypeWrapper<{}>;
  OptionResult: ResolverTypeWrapper<OptionResult>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PlatformAppCategory: PlatformAppCategory;
  PromoteContestEntryInput: PromoteContestEntryInput;
  Query: ResolverTypeWrapper<{}>;
  QuestionResult: ResolverTypeWrapper<QuestionResult>;
  QuestionType: QuestionType;
  RatingCount: ResolverTypeWrapper<RatingCount>;
  Registration: ResolverTypeWrapper<RegistrationDoc>;
  RegistrationStatus: RegistrationStatus;
  ResponseState: ResponseState;
  ResultsVisibility: ResultsVisibility;
  ShowcaseAward: ShowcaseAward;
  ShowcaseEntry: ResolverTypeWrapper<ContentRef>;
  Speaker: ResolverTypeWrapper<Speaker>;
  SpeakerInput: SpeakerInput;
  Survey: ResolverTypeWrapper<SurveyDoc>;
  SurveyAttachmentInput: SurveyAttachmentInput;
  SurveyAudience: SurveyAudience;
  SurveyConnection: ResolverTypeWrapper<SurveyPage>;
  SurveyEditorResults: ResolverTypeWrapper<EditorResultsView>;
  SurveyInput: SurveyInput;
  SurveyKind: SurveyKind;
  SurveyOption: ResolverTypeWrapper<SurveyOption>;
  SurveyOptionInput: SurveyOptionInput;
  SurveyQuestion: ResolverTypeWrapper<SurveyQuestion>;
  SurveyQuestionInput: SurveyQuestionInput;
  SurveyResponse: ResolverTypeWrapper<ResponseView>;
  SurveyResults: ResolverTypeWrapper<SurveyResults>;
  SurveySection: ResolverTypeWrapper<SurveySection>;
  SurveySectionInput: SurveySectionInput;
  SurveyStatus: SurveyStatus;
  TeamMember: ResolverTypeWrapper<TeamMember>;
  TeamMemberInput: TeamMemberInput;
  Thread: ResolverTypeWrapper<ContentRef>;
  UnitResults: ResolverTypeWrapper<UnitResults>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AgendaItem: AgendaItem;
  String: Scalars['String']['output'];
  AgendaItemInput: AgendaItemInput;
  Answer: Answer;
  ID: Scalars['ID']['output'];
  AnswerInput: AnswerInput;
  Article: ContentRef;
  Contest: ContestDoc;
  ContestConnection: ContestPage;
  ContestCriterion: ContestCriterion;
  Float: Scalars['Float']['output'];
  ContestCriterionInput: ContestCriterionInput;
  ContestEntry: ContestEntryDoc;
  ContestEntryInput: ContestEntryInput;
  ContestInput: ContestInput;
  ContestPrize: ContestPrize;
  ContestPrizeInput: ContestPrizeInput;
  ContestRound: ContestRound;
  ContestRoundInput: ContestRoundInput;
  ContestStanding: EntryStanding;
  ContestWinner: WinnerView;
  ContestWinnerInput: ContestWinnerInput;
  CriterionScore: CriterionScore;
  CriterionScoreInput: CriterionScoreInput;
  DateTime: Scalars['DateTime']['output'];
  Event: EventDoc;
  EventConnection: EventPage;
  EventInput: EventInput;
  EventQuestion: EventQuestionDoc;
  JudgeScore: JudgeScoreDoc;
  LibraryItem: ContentRef;
  Mutation: {};
  OptionResult: OptionResult;
  PageInfo: PageInfo;
  PromoteContestEntryInput: PromoteContestEntryInput;
  Query: {};
  QuestionResult: QuestionResult;
  RatingCount: RatingCount;
  Registration: RegistrationDoc;
  ShowcaseEntry: ContentRef;
  Speaker: Speaker;
  SpeakerInput: SpeakerInput;
  Survey: SurveyDoc;
  SurveyAttachmentInput: SurveyAttachmentInput;
  SurveyConnection: SurveyPage;
  SurveyEditorResults: EditorResultsView;
  SurveyInput: SurveyInput;
  SurveyOption: SurveyOption;
  SurveyOptionInput: SurveyOptionInput;
  SurveyQuestion: SurveyQuestion;
  SurveyQuestionInput: SurveyQuestionInput;
  SurveyResponse: ResponseView;
  SurveyResults: SurveyResults;
  SurveySection: SurveySection;
  SurveySectionInput: SurveySectionInput;
  TeamMember: TeamMember;
  TeamMemberInput: TeamMemberInput;
  Thread: ContentRef;
  UnitResults: UnitResults;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = EngagementContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgendaItemResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['AgendaItem'] = ResolversParentTypes['AgendaItem']> = ResolversObject<{
  speaker?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AnswerResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Answer'] = ResolversParentTypes['Answer']> = ResolversObject<{
  optionIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  questionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ranking?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ArticleResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Article']>, { __typename: 'Article' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  poll?: Resolver<Maybe<ResolversTypes['Survey']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Contest'] = ResolversParentTypes['Contest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contest']>, { __typename: 'Contest' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  criteria?: Resolver<Array<ResolversTypes['ContestCriterion']>, ParentType, ContextType>;
  currentRound?: Resolver<Maybe<ResolversTypes['ContestRound']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eligibility?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['ContestEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  myEntry?: Resolver<Maybe<ResolversTypes['ContestEntry']>, ParentType, ContextType>;
  myVoteEntryId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  prizes?: Resolver<Array<ResolversTypes['ContestPrize']>, ParentType, ContextType>;
  resultsPublishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rounds?: Resolver<Array<ResolversTypes['ContestRound']>, ParentType, ContextType>;
  rules?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  standings?: Resolver<Maybe<Array<ResolversTypes['ContestStanding']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ContestStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  viewerIsJudge?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  winners?: Resolver<Array<ResolversTypes['ContestWinner']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestConnectionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ContestConnection'] = ResolversParentTypes['ContestConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Contest']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestCriterionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ContestCriterion'] = ResolversParentTypes['ContestCriterion']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxScore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestEntryResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ContestEntry'] = ResolversParentTypes['ContestEntry']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ContestEntry']>, { __typename: 'ContestEntry' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  contest?: Resolver<ResolversTypes['Contest'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  myConflictDeclared?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  myScore?: Resolver<Maybe<ResolversTypes['JudgeScore']>, ParentType, ContextType>;
  ownerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  showcaseEntry?: Resolver<Maybe<ResolversTypes['ShowcaseEntry']>, ParentType, ContextType>;
  team?: Resolver<Array<ResolversTypes['TeamMember']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestPrizeResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ContestPrize'] = ResolversParentTypes['ContestPrize']> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestRoundResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ContestRound'] = ResolversParentTypes['ContestRound']> = ResolversObject<{
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ContestRoundKind'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestStandingResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ContestStanding'] = ResolversParentTypes['ContestStanding']> = ResolversObject<{
  entry?: Resolver<ResolversTypes['ContestEntry'], ParentType, ContextType>;
  judgeScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  votes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ContestWinnerResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ContestWinner'] = ResolversParentTypes['ContestWinner']> = ResolversObject<{
  entry?: Resolver<ResolversTypes['ContestEntry'], ParentType, ContextType>;
  prize?: Resolver<Maybe<ResolversTypes['ContestPrize']>, ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CriterionScoreResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['CriterionScore'] = ResolversParentTypes['CriterionScore']> = ResolversObject<{
  criterionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Event']>, { __typename: 'Event' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  agenda?: Resolver<Array<ResolversTypes['AgendaItem']>, ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  confirmedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  myRegistration?: Resolver<Maybe<ResolversTypes['Registration']>, ParentType, ContextType>;
  onlineUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['EventQuestion']>, ParentType, ContextType>;
  recording?: Resolver<Maybe<ResolversTypes['LibraryItem']>, ParentType, ContextType>;
  speakers?: Resolver<Array<ResolversTypes['Speaker']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EventStatus'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  venue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitlistCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EventConnectionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EventQuestionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['EventQuestion'] = ResolversParentTypes['EventQuestion']> = ResolversObject<{
  answered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  authorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  viewerHasVoted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  votes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type JudgeScoreResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['JudgeScore'] = ResolversParentTypes['JudgeScore']> = ResolversObject<{
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scores?: Resolver<Array<ResolversTypes['CriterionScore']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  weighted?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type LibraryItemResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['LibraryItem'] = ResolversParentTypes['LibraryItem']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LibraryItem']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  askEventQuestion?: Resolver<ResolversTypes['EventQuestion'], ParentType, ContextType, RequireFields<MutationAskEventQuestionArgs, 'eventId' | 'text'>>;
  assignContestJudges?: Resolver<ResolversTypes['Contest'], ParentType, ContextType, RequireFields<MutationAssignContestJudgesArgs, 'contestId' | 'judgeIds'>>;
  attachEventRecording?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationAttachEventRecordingArgs, 'eventId' | 'libraryItemId'>>;
  cancelEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationCancelEventArgs, 'id'>>;
  cancelRegistration?: Resolver<ResolversTypes['Registration'], ParentType, ContextType, RequireFields<MutationCancelRegistrationArgs, 'eventId'>>;
  closeSurvey?: Resolver<ResolversTypes['Survey'], ParentType, ContextType, RequireFields<MutationCloseSurveyArgs, 'id'>>;
  createContest?: Resolver<ResolversTypes['Contest'], ParentType, ContextType, RequireFields<MutationCreateContestArgs, 'input'>>;
  createEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationCreateEventArgs, 'input'>>;
  createSurvey?: Resolver<ResolversTypes['Survey'], ParentType, ContextType, RequireFields<MutationCreateSurveyArgs, 'input'>>;
  declareConflictOfInterest?: Resolver<ResolversTypes['ContestEntry'], ParentType, ContextType, RequireFields<MutationDeclareConflictOfInterestArgs, 'entryId' | 'reason'>>;
  markEventQuestionAnswered?: Resolver<ResolversTypes['EventQuestion'], ParentType, ContextType, RequireFields<MutationMarkEventQuestionAnsweredArgs, 'questionId'>>;
  promoteContestEntry?: Resolver<ResolversTypes['ContestEntry'], ParentType, ContextType, RequireFields<MutationPromoteContestEntryArgs, 'entryId' | 'input'>>;
  publishContest?: Resolver<ResolversTypes['Contest'], ParentType, ContextType, RequireFields<MutationPublishContestArgs, 'id'>>;
  publishContestResults?: Resolver<ResolversTypes['Contest'], ParentType, ContextType, RequireFields<MutationPublishContestResultsArgs, 'contestId' | 'winners'>>;
  publishEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationPublishEventArgs, 'id'>>;
  publishSurvey?: Resolver<ResolversTypes['Survey'], ParentType, ContextType, RequireFields<MutationPublishSurveyArgs, 'id'>>;
  registerForEvent?: Resolver<ResolversTypes['Registration'], ParentType, ContextType, RequireFields<MutationRegisterForEventArgs, 'eventId'>>;
  saveSurveyDraft?: Resolver<ResolversTypes['SurveyResponse'], ParentType, ContextType, RequireFields<MutationSaveSurveyDraftArgs, 'answers' | 'surveyId'>>;
  scoreContestEntry?: Resolver<ResolversTypes['JudgeScore'], ParentType, ContextType, RequireFields<MutationScoreContestEntryArgs, 'entryId' | 'scores'>>;
  submitContestEntry?: Resolver<ResolversTypes['ContestEntry'], ParentType, ContextType, RequireFields<MutationSubmitContestEntryArgs, 'contestId' | 'input'>>;
  submitSurveyResponse?: Resolver<ResolversTypes['SurveyResponse'], ParentType, ContextType, RequireFields<MutationSubmitSurveyResponseArgs, 'answers' | 'surveyId'>>;
  updateContestEntry?: Resolver<ResolversTypes['ContestEntry'], ParentType, ContextType, RequireFields<MutationUpdateContestEntryArgs, 'entryId' | 'input'>>;
  updateEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationUpdateEventArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateSurvey?: Resolver<ResolversTypes['Survey'], ParentType, ContextType, RequireFields<MutationUpdateSurveyArgs, 'expectedVersion' | 'id' | 'input'>>;
  voteEventQuestion?: Resolver<ResolversTypes['EventQuestion'], ParentType, ContextType, RequireFields<MutationVoteEventQuestionArgs, 'questionId'>>;
  voteForContestEntry?: Resolver<ResolversTypes['ContestEntry'], ParentType, ContextType, RequireFields<MutationVoteForContestEntryArgs, 'entryId'>>;
}>;

export type OptionResultResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['OptionResult'] = ResolversParentTypes['OptionResult']> = ResolversObject<{
  averageRank?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  optionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  contest?: Resolver<Maybe<ResolversTypes['Contest']>, ParentType, ContextType, RequireFields<QueryContestArgs, 'id'>>;
  contests?: Resolver<Maybe<ResolversTypes['ContestConnection']>, ParentType, ContextType, RequireFields<QueryContestsArgs, 'first'>>;
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryEventArgs, 'id'>>;
  events?: Resolver<Maybe<ResolversTypes['EventConnection']>, ParentType, ContextType, RequireFields<QueryEventsArgs, 'first' | 'upcoming'>>;
  myRegistrations?: Resolver<Maybe<Array<ResolversTypes['Registration']>>, ParentType, ContextType>;
  survey?: Resolver<Maybe<ResolversTypes['Survey']>, ParentType, ContextType, RequireFields<QuerySurveyArgs, 'id'>>;
  surveyEditorResults?: Resolver<Maybe<ResolversTypes['SurveyEditorResults']>, ParentType, ContextType, RequireFields<QuerySurveyEditorResultsArgs, 'id'>>;
  surveys?: Resolver<Maybe<ResolversTypes['SurveyConnection']>, ParentType, ContextType, RequireFields<QuerySurveysArgs, 'first'>>;
}>;

export type QuestionResultResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['QuestionResult'] = ResolversParentTypes['QuestionResult']> = ResolversObject<{
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['OptionResult']>, ParentType, ContextType>;
  questionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ratings?: Resolver<Array<ResolversTypes['RatingCount']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['QuestionType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RatingCountResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['RatingCount'] = ResolversParentTypes['RatingCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RegistrationResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Registration'] = ResolversParentTypes['Registration']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  waitlistPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ShowcaseEntryResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['ShowcaseEntry'] = ResolversParentTypes['ShowcaseEntry']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShowcaseEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SpeakerResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Speaker'] = ResolversParentTypes['Speaker']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveyResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Survey'] = ResolversParentTypes['Survey']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Survey']>, { __typename: 'Survey' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  anonymous?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  article?: Resolver<Maybe<ResolversTypes['Article']>, ParentType, ContextType>;
  audience?: Resolver<ResolversTypes['SurveyAudience'], ParentType, ContextType>;
  audienceUnits?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  closesAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SurveyKind'], ParentType, ContextType>;
  myResponse?: Resolver<Maybe<ResolversTypes['SurveyResponse']>, ParentType, ContextType>;
  opensAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  responseCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  results?: Resolver<Maybe<ResolversTypes['SurveyResults']>, ParentType, ContextType>;
  resultsVisibility?: Resolver<ResolversTypes['ResultsVisibility'], ParentType, ContextType>;
  sections?: Resolver<Array<ResolversTypes['SurveySection']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SurveyStatus'], ParentType, ContextType>;
  thread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  viewerCanAnswer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveyConnectionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['SurveyConnection'] = ResolversParentTypes['SurveyConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Survey']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveyEditorResultsResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['SurveyEditorResults'] = ResolversParentTypes['SurveyEditorResults']> = ResolversObject<{
  byUnit?: Resolver<Array<ResolversTypes['UnitResults']>, ParentType, ContextType>;
  csvExportPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overall?: Resolver<ResolversTypes['SurveyResults'], ParentType, ContextType>;
  survey?: Resolver<ResolversTypes['Survey'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveyOptionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['SurveyOption'] = ResolversParentTypes['SurveyOption']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveyQuestionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['SurveyQuestion'] = ResolversParentTypes['SurveyQuestion']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxChoices?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxLength?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minChoices?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['SurveyOption']>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scaleMax?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  scaleMaxLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scaleMin?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  scaleMinLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['QuestionType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveyResponseResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['SurveyResponse'] = ResolversParentTypes['SurveyResponse']> = ResolversObject<{
  answers?: Resolver<Array<ResolversTypes['Answer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ResponseState'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveyResultsResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['SurveyResults'] = ResolversParentTypes['SurveyResults']> = ResolversObject<{
  questions?: Resolver<Array<ResolversTypes['QuestionResult']>, ParentType, ContextType>;
  responseCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SurveySectionResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['SurveySection'] = ResolversParentTypes['SurveySection']> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['SurveyQuestion']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TeamMemberResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['TeamMember'] = ResolversParentTypes['TeamMember']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ThreadResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['Thread'] = ResolversParentTypes['Thread']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Thread']>, { __typename: 'Thread' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  poll?: Resolver<Maybe<ResolversTypes['Survey']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UnitResultsResolvers<ContextType = EngagementContext, ParentType extends ResolversParentTypes['UnitResults'] = ResolversParentTypes['UnitResults']> = ResolversObject<{
  results?: Resolver<ResolversTypes['SurveyResults'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = EngagementContext> = ResolversObject<{
  AgendaItem?: AgendaItemResolvers<ContextType>;
  Answer?: AnswerResolvers<ContextType>;
  Article?: ArticleResolvers<ContextType>;
  Contest?: ContestResolvers<ContextType>;
  ContestConnection?: ContestConnectionResolvers<ContextType>;
  ContestCriterion?: ContestCriterionResolvers<ContextType>;
  ContestEntry?: ContestEntryResolvers<ContextType>;
  ContestPrize?: ContestPrizeResolvers<ContextType>;
  ContestRound?: ContestRoundResolvers<ContextType>;
  ContestStanding?: ContestStandingResolvers<ContextType>;
  ContestWinner?: ContestWinnerResolvers<ContextType>;
  CriterionScore?: CriterionScoreResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Event?: EventResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventQuestion?: EventQuestionResolvers<ContextType>;
  JudgeScore?: JudgeScoreResolvers<ContextType>;
  LibraryItem?: LibraryItemResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OptionResult?: OptionResultResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QuestionResult?: QuestionResultResolvers<ContextType>;
  RatingCount?: RatingCountResolvers<ContextType>;
  Registration?: RegistrationResolvers<ContextType>;
  ShowcaseEntry?: ShowcaseEntryResolvers<ContextType>;
  Speaker?: SpeakerResolvers<ContextType>;
  Survey?: SurveyResolvers<ContextType>;
  SurveyConnection?: SurveyConnectionResolvers<ContextType>;
  SurveyEditorResults?: SurveyEditorResultsResolvers<ContextType>;
  SurveyOption?: SurveyOptionResolvers<ContextType>;
  SurveyQuestion?: SurveyQuestionResolvers<ContextType>;
  SurveyResponse?: SurveyResponseResolvers<ContextType>;
  SurveyResults?: SurveyResultsResolvers<ContextType>;
  SurveySection?: SurveySectionResolvers<ContextType>;
  TeamMember?: TeamMemberResolvers<ContextType>;
  Thread?: ThreadResolvers<ContextType>;
  UnitResults?: UnitResultsResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = EngagementContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

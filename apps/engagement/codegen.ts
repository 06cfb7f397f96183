// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases.
import { subgraphCodegenConfig } from '../../libs/graphql-kit/src/subgraph-codegen';

export default subgraphCodegenConfig({
  app: 'engagement',
  contextType: '../context#EngagementContext',
  mappers: {
    Survey: '../models/survey.model#SurveyDoc',
    SurveyConnection: '../resolvers/views#SurveyPage',
    SurveyEditorResults: '../services/survey.service#EditorResultsView',
    SurveyResponse: '../services/survey.service#ResponseView',
    Event: '../models/event.model#EventDoc',
    EventConnection: '../resolvers/views#EventPage',
    Registration: '../models/registration.model#RegistrationDoc',
    EventQuestion: '../models/event-question.model#EventQuestionDoc',
    Contest: '../models/contest.model#ContestDoc',
    ContestConnection: '../resolvers/views#ContestPage',
    ContestEntry: '../models/contest-entry.model#ContestEntryDoc',
    JudgeScore: '../models/contest-entry.model#JudgeScoreDoc',
    ContestStanding: '../services/contest.service#EntryStanding',
    ContestWinner: '../resolvers/views#WinnerView',
    Article: '../resolvers/views#ContentRef',
    Thread: '../resolvers/views#ContentRef',
    LibraryItem: '../resolvers/views#ContentRef',
    ShowcaseEntry: '../resolvers/views#ContentRef',
  },
});

// Relative, not @portal/graphql-kit: graphql-codegen loads this file with jiti, which knows no
// path aliases.
import { subgraphCodegenConfig } from '../../libs/graphql-kit/src/subgraph-codegen';

export default subgraphCodegenConfig({
  app: 'assistant',
  contextType: '../context#AssistantContext',
  mappers: {
    Dataset: '../models/dataset.model#DatasetDoc',
    DatasetConnection: '../resolvers/views#DatasetPage',
    Resource: '../models/resource.model#ResourceDoc',
    AssistantAnswer: '../services/ask.service#AnswerView',
  },
});

import { defineModels } from '@portal/db';
import { conversationModel } from './conversation.model';
import { datasetModel } from './dataset.model';
import { passageModel } from './passage.model';
import { resourceModel } from './resource.model';
import { syncStateModel } from './sync-state.model';
import { tableRowModel } from './table-row.model';

/** This service's models on its own database. */
export const assistantModels = defineModels({
  Dataset: datasetModel,
  Resource: resourceModel,
  TableRow: tableRowModel,
  Passage: passageModel,
  Conversation: conversationModel,
  SyncState: syncStateModel,
});

export type AssistantModels = ReturnType<typeof assistantModels>;

import type { Connection } from 'mongoose';
import { databasePreparer } from '@portal/db';
import { conversationModel, type ConversationModel } from './conversation.model';
import { datasetModel, type DatasetModel } from './dataset.model';
import { passageModel, type PassageModel } from './passage.model';
import { resourceModel, type ResourceModel } from './resource.model';
import { syncStateModel, type SyncStateModel } from './sync-state.model';
import { tableRowModel, type TableRowModel } from './table-row.model';

export interface AssistantModels {
  Dataset: DatasetModel;
  Resource: ResourceModel;
  TableRow: TableRowModel;
  Passage: PassageModel;
  Conversation: ConversationModel;
  SyncState: SyncStateModel;
}

/** This service's models on its own database. */
export function assistantModels(conn: Connection): AssistantModels {
  return {
    Dataset: datasetModel(conn),
    Resource: resourceModel(conn),
    TableRow: tableRowModel(conn),
    Passage: passageModel(conn),
    Conversation: conversationModel(conn),
    SyncState: syncStateModel(conn),
  };
}

/** Registers the models and builds their indexes (idempotent; run at every start). */
export const prepareDatabase = databasePreparer(assistantModels);

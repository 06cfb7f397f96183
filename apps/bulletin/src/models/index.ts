import { defineModels } from '@portal/db';
import { bulletinIssueModel } from './bulletin-issue.model';
import { bulletinItemModel } from './bulletin-item.model';
import { fanoutBatchModel } from './fanout-batch.model';
import { subscriberModel } from './subscriber.model';

export * from './bulletin-issue.model';
export * from './bulletin-item.model';
export * from './fanout-batch.model';
export * from './subscriber.model';

/** Every model of the bulletin database, registered on one connection. */
export const bulletinModels = defineModels({
  issues: bulletinIssueModel,
  items: bulletinItemModel,
  subscribers: subscriberModel,
  fanoutBatches: fanoutBatchModel,
});

export type BulletinModels = ReturnType<typeof bulletinModels>;

import type { Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';
import type { ItemCounters } from '../counters/item-counters';
import type { LibraryLoaders } from '../loaders';
import type { LibraryModels } from '../models';

/** What a library operation needs: who is acting, and the service's data. */
export interface ServiceContext {
  viewer: Viewer;
  models: LibraryModels;
  loaders: LibraryLoaders;
  counters: ItemCounters;
  logger: Logger;
}

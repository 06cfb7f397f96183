import type { BaseContext } from '@portal/graphql-kit';
import type { ForumLoaders } from './loaders';
import type { ForumServices } from './services';

/** What every forum resolver gets: the viewer, the forum's services, per-request loaders. */
export interface ForumContext extends BaseContext {
  services: ForumServices;
  loaders: ForumLoaders;
}

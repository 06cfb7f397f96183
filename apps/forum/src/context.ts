import type { BaseContext } from '@portal/graphql-kit';
import type { ForumLoaders } from './loaders';
import type { ForumDeps } from './use-cases/deps';

/** What every forum resolver gets: the viewer, the use cases' dependencies, per-request loaders. */
export interface ForumContext extends BaseContext {
  deps: ForumDeps;
  loaders: ForumLoaders;
  /** The time of this request, so every rule in it sees one "now". */
  now: Date;
}

import type { Logger } from '@portal/logger';
import type { ForumModels } from '../models';

/** What every forum service is built with: the models, the logger and the injected clock. */
export interface ForumServiceOptions {
  models: ForumModels;
  logger: Logger;
  now: () => Date;
}

import type { Logger } from '@portal/logger';
import type { Processor } from '@portal/queue';
import type { LibraryModels } from '../models';
import { promoteToShowcase } from '../services/showcase.service';

/**
 * What other services hand the library (the `library-events` queue). Each event is
 * applied once however often it is delivered (see promoteToShowcase).
 */
export function libraryEventsProcessor(deps: {
  models: LibraryModels;
  logger: Logger;
}): Processor<'library-events'> {
  const logger = deps.logger.child({ module: 'library-events' });
  return async (event) => {
    switch (event.type) {
      case 'showcase.promote':
        return { created: await promoteToShowcase({ models: deps.models, logger }, event) };
    }
  };
}

import type { Logger } from '@portal/logger';
import type { Processor } from '@portal/queue';
import type { AssistantModels } from '../models';

/** Periodic tasks: conversations past their retention are deleted. */
export function maintenanceProcessor(deps: {
  models: AssistantModels;
  logger: Logger;
  now: () => Date;
}): Processor<'assistant-maintenance'> {
  return async (payload) => {
    if (payload.task !== 'conversations.expire') return { skipped: payload.task };
    const { deletedCount } = await deps.models.Conversation.deleteMany({
      expiresAt: { $lte: deps.now() },
    });
    if (deletedCount) deps.logger.info({ deletedCount }, 'expired conversations deleted');
    return { deleted: deletedCount };
  };
}

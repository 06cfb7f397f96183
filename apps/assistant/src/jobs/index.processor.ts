import type { Processor } from '@portal/queue';
import type { IndexService } from '../services/index.service';

/** Re-indexes changed objects (or everything); both are idempotent, so retries are safe. */
export function indexProcessor(index: IndexService): Processor<'assistant-index'> {
  return async (payload) => {
    if (payload.type === 'rebuild')
      return index.rebuild(payload.source ? [payload.source] : undefined);
    await index.refresh(payload.source, payload.ids);
    return { refreshed: payload.ids.length };
  };
}

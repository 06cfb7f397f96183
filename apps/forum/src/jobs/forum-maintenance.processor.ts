import { UnrecoverableError } from '@portal/queue';
import type { HotCounter } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { ForumModels } from '../models';
import { syncThreadFacts } from '../stats/thread-facts';
import { FingerprintRepository } from '../models/fingerprint.repository';
import { VoteRepository } from '../models/vote.repository';

export const MAINTENANCE_TASKS = {
  /** Recount the vote-count sort key of recently voted threads (racing recounts may lag). */
  'reconcile-votes': { everyMs: 5 * 60_000 },
  /** Drop expired duplicate-post claims (FerretDB has no TTL indexes). */
  'cleanup-fingerprints': { everyMs: 60 * 60_000 },
  /** Fold pending thread views from Redis into the statistics (one flusher at a time). */
  'flush-views': { everyMs: 60_000 },
  /**
   * Build the participation facts the first time (the scheduler's first run is at once), then
   * check them against the records and repair any a failed write left (thread-facts.ts).
   */
  'sync-participation': { everyMs: 24 * 60 * 60_000 },
} as const;

export type MaintenanceTask = keyof typeof MAINTENANCE_TASKS;

/** Runs one periodic task; each is safe to run twice or concurrently. */
export function forumMaintenanceProcessor(deps: {
  models: ForumModels;
  logger: Logger;
  views?: HotCounter;
  now?: () => Date;
}) {
  const votes = new VoteRepository(deps.models);
  const fingerprints = new FingerprintRepository(deps.models);
  const clock = deps.now ?? (() => new Date());
  return async ({ task }: { task: string }): Promise<number> => {
    const now = clock();
    switch (task) {
      case 'reconcile-votes': {
        // Twice the period, so a run that was late still covers every recent vote.
        const since = new Date(now.getTime() - 2 * MAINTENANCE_TASKS['reconcile-votes'].everyMs);
        const fixed = await votes.reconcileSince(since);
        if (fixed) deps.logger.info({ fixed }, 'vote counts reconciled');
        return fixed;
      }
      case 'cleanup-fingerprints':
        return fingerprints.dropExpired(now);
      case 'flush-views':
        return deps.views ? (await deps.views.flush()).batches : 0;
      case 'sync-participation':
        return syncThreadFacts(deps.models, deps.logger);
      default:
        throw new UnrecoverableError(`unknown maintenance task "${task}"`);
    }
  };
}

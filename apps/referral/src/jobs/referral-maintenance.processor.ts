import type { Queue } from 'bullmq';
import type { Logger } from '@portal/logger';
import { UnrecoverableError, type Outbox, type Processor } from '@portal/queue';
import type { ReferralModels } from '../models';
import type { ReferralRepository } from '../models/referral.repository';
import type { ReferralLifecycleService } from '../services/referral-lifecycle.service';
import type { ReferralStatsCounter } from '../stats/referral-stats-counter';
import { dispatchJobId, type MaintenanceTask } from './job-ids';

export interface MaintenanceDeps {
  models: ReferralModels;
  repo: ReferralRepository;
  referrals: ReferralLifecycleService;
  stats: ReferralStatsCounter;
  outbox: Outbox;
  dispatchQueue: Queue;
  logger: Logger;
  now: () => Date;
}

/** How long a RECEIVED referral may sit before the sweep checks its dispatch job. */
const STALE_RECEIVED_MS = 2 * 60_000;

/**
 * `referral-maintenance`, one periodic task per job:
 * - `overdue`: flag referrals past their SLA and remind their agency (once each);
 * - `recover`: finish events whose writer stopped half-way, count receipts not counted yet
 *   in the statistics, and make sure every RECEIVED
 *   referral has a dispatch job (queued if it never was; FAILED if it failed for good while
 *   the referral could not be updated);
 * - `cleanup`: drop callback receipts past their window (FerretDB has no TTL index);
 * - `stats`: fold the statistics' counts pending in Redis into their month documents.
 */
export function createMaintenanceProcessor(
  deps: MaintenanceDeps,
): Processor<'referral-maintenance'> {
  const log = deps.logger.child({ module: 'maintenance' });
  return async ({ task }) => {
    switch (task as MaintenanceTask) {
      case 'overdue': {
        const flagged = await deps.referrals.flagOverdue();
        if (flagged) log.info({ flagged }, 'overdue referrals flagged');
        return { flagged };
      }
      case 'recover': {
        const events = await deps.repo.sweepEffects();
        const counted = await deps.repo.sweepUncounted();
        const dispatches = await recoverDispatches(deps);
        if (events || counted || dispatches)
          log.warn({ events, counted, dispatches }, 'recovered unfinished work');
        return { events, counted, dispatches };
      }
      case 'cleanup': {
        const { deletedCount } = await deps.models.CallbackReceipt.deleteMany({
          expiresAt: { $lt: deps.now() },
        }).exec();
        return { receiptsDeleted: deletedCount };
      }
      case 'stats': {
        const { ran, batches } = await deps.stats.flush();
        return { ran, batches };
      }
      default:
        throw new UnrecoverableError(`unknown maintenance task "${task}"`);
    }
  };
}

async function recoverDispatches(deps: MaintenanceDeps): Promise<number> {
  const stale = await deps.repo.findStaleReceived(
    new Date(deps.now().getTime() - STALE_RECEIVED_MS),
    200,
  );
  let recovered = 0;
  for (const referral of stale) {
    const referralId = referral._id.toHexString();
    const jobId = dispatchJobId(referralId, referral.dispatchRound);
    const job = await deps.dispatchQueue.getJob(jobId);
    if (!job) {
      await deps.outbox.add('referral-dispatch', { referralId }, { jobId });
      recovered++;
    } else if ((await job.getState()) === 'failed') {
      const result = await deps.referrals.recordDispatchFailure(
        referralId,
        job.failedReason || 'dispatch failed',
      );
      if (result.applied) recovered++;
    }
  }
  return recovered;
}

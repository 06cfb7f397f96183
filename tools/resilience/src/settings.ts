// How big the scenarios are and where the stack listens.
import { portOffsetProblem } from '@portal/config';
import { freeStackOffset } from '@portal/local-services';

/** `npm run test:resilience` runs the sizes; `npm test` (CI) a short version of each. */
export const FULL = process.env.RESILIENCE_SCALE === 'full';

/**
 * RESILIENCE_SCENARIOS=3,7 runs those scenarios only (open ones too, at the scale chosen),
 * e.g. to try a fix; unset, `npm test` runs every scenario that is not open.
 */
export const SELECTED: number[] | null = process.env.RESILIENCE_SCENARIOS
  ? process.env.RESILIENCE_SCENARIOS.split(',').map((n) => Number(n.trim()))
  : null;

export const SCALE = {
  /** Email deliveries queued before Redis restarts (plus one webhook per 100 of them). */
  queuedDeliveries: FULL ? 10_000 : 1_000,
  /** How long Redis stays down in the feedback scenario, and the hotline answers errors. */
  redisDownMs: FULL ? 20_000 : 5_000,
  hotlineOutageMs: FULL ? 60_000 : 12_000,
  /** Feedback submitted while Redis is down. */
  feedbackWhileDown: FULL ? 20 : 6,
  /** Requests per second of the steady mixed load under every scenario. */
  loadRate: FULL ? 10 : 5,
};

/**
 * The stack's PORT_OFFSET: RESILIENCE_PORT_OFFSET when set, else a free one below the
 * ephemeral range (`freeStackOffset`), claimed against the other stacks of the suite.
 */
export async function stackOffset(): Promise<number> {
  const given = process.env.RESILIENCE_PORT_OFFSET;
  if (!given) return freeStackOffset();
  const problem = portOffsetProblem(given);
  if (problem) throw new Error(problem);
  return Number(given);
}

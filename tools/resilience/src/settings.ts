// How big the scenarios are and where the stack listens.
import { localPorts, portOffsetProblem } from '@portal/config';

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
 * The e2e suite's offsets (tools/e2e stack-setup: 20050 + 200·k, k < 20), whose stacks may run
 * beside this one under `npm test`.
 */
const E2E_PORTS = new Set(
  Array.from({ length: 20 }, (_, k) => localPorts(20_050 + 200 * k)).flat(),
);

/**
 * Offsets the suite may use: RESILIENCE_PORT_OFFSET when set, else offsets 200 apart from
 * 12150 whose ports meet none of an e2e stack's and none fetch refuses.
 */
export function candidateOffsets(): number[] {
  const given = process.env.RESILIENCE_PORT_OFFSET;
  if (given) {
    const problem = portOffsetProblem(given);
    if (problem) throw new Error(problem);
    return [Number(given)];
  }
  const found: number[] = [];
  for (let offset = 12_150; offset < 19_000; offset += 200) {
    if (portOffsetProblem(String(offset))) continue;
    if (localPorts(offset).some((p) => E2E_PORTS.has(p))) continue;
    found.push(offset);
  }
  return found;
}

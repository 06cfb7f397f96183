/**
 * How long one `node --import tsx` process may take to start (compile, connect, listen) on a
 * busy 2-core machine. Test timeouts are upper bounds for when something hangs, not speed
 * checks, so they are sized for the slowest machine the suite runs on.
 */
export const PROCESS_START_MS = 30_000;

/**
 * A test timeout for work that starts `processes` processes (apps, CLIs, seeds) one after
 * another, plus `otherMs` for everything else the test does.
 */
export function timeoutForProcesses(processes: number, otherMs = 30_000): number {
  return processes * PROCESS_START_MS + otherMs;
}

/** What one queue's workers in this process have done: the worker's health is its progress. */
export interface QueueProgress {
  completed: number;
  failed: number;
  /** When a job last finished (completed or failed), ms since the epoch; null before the first. */
  lastFinishedAt: number | null;
}

const progress = new Map<string, QueueProgress>();

/** Notes that a worker of this process consumes `queue` (createWorker calls it). */
export function recordConsumer(queue: string): void {
  if (!progress.has(queue)) progress.set(queue, { completed: 0, failed: 0, lastFinishedAt: null });
}

/** Counts a finished job of `queue` (createWorker records every one). */
export function recordJobFinished(queue: string, outcome: 'completed' | 'failed'): void {
  const entry = progress.get(queue) ?? { completed: 0, failed: 0, lastFinishedAt: null };
  entry[outcome] += 1;
  entry.lastFinishedAt = Date.now();
  progress.set(queue, entry);
}

/** The progress of every queue this process's workers consume, by queue name. */
export function jobProgress(): ReadonlyMap<string, Readonly<QueueProgress>> {
  return progress;
}

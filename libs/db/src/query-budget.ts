import type { Aggregate, Query, Schema } from 'mongoose';
import { currentRequestContext } from '@portal/logger';

/** The longest any read may run on the server unless a query says otherwise (maxTimeMS). */
export const DEFAULT_MAX_TIME_MS = 10_000;

/** A read refused because the request it serves was abandoned (the caller went away or timed out). */
export class RequestAbandonedError extends Error {
  constructor() {
    super('the request was abandoned; its database reads stop');
    this.name = 'RequestAbandonedError';
  }
}

const READS: ('find' | 'findOne' | 'countDocuments')[] = ['find', 'findOne', 'countDocuments'];

/** maxTimeMS for a read started now: the default, or less when the caller stops waiting sooner. */
export function readTimeBudgetMs(now = Date.now()): number {
  const ctx = currentRequestContext();
  if (ctx?.signal?.aborted) throw new RequestAbandonedError();
  const left = ctx?.deadline === undefined ? Infinity : ctx.deadline - now;
  if (left <= 0) throw new RequestAbandonedError();
  return Math.max(1, Math.min(DEFAULT_MAX_TIME_MS, Math.ceil(left)));
}

/** The server's answer to a read that ran past its maxTimeMS. */
function isMaxTimeExpired(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 50;
}

/**
 * A read the server stopped at its maxTimeMS because the request's own time ran out is the
 * request abandoned (as if it had not started), not a failure of the database; one stopped
 * at the default bound with time left stays the server's error.
 */
function abandonedIfOutOfTime(err: unknown): unknown {
  if (!isMaxTimeExpired(err)) return err;
  const ctx = currentRequestContext();
  const outOfTime =
    ctx?.signal?.aborted || (ctx?.deadline !== undefined && ctx.deadline - Date.now() <= 50);
  return outOfTime ? new RequestAbandonedError() : err;
}

/**
 * Every read carries the id of the request it serves as its `comment` (MongoDB shows it in
 * its logs, profiler and currentOp; the slow-command log prints it).
 * Every read is bounded on the server (maxTimeMS) by the default or by what is left of the
 * request's time, and no read starts once the request was abandoned: when the gateway gives
 * up on a subgraph (its timeout, or the client gone), the subgraph's database work stops
 * with it instead of running on for tens of seconds. Writes are left to finish, so no
 * mutation stops half-way. Registered for every schema (see connection.ts).
 */
export function queryBudgetPlugin(schema: Schema): void {
  schema.pre(READS, function (this: Query<unknown, unknown>) {
    const budget = readTimeBudgetMs();
    const current = this.getOptions().maxTimeMS;
    this.maxTimeMS(current === undefined ? budget : Math.min(current, budget));
    const requestId = currentRequestContext()?.requestId;
    if (requestId && this.getOptions().comment === undefined) this.comment(requestId);
  });
  // FerretDB 1.x refuses maxTimeMS on distinct ("unknown field"), so distinct is only
  // stopped once the request is abandoned; it is rare and reads one field.
  schema.pre('distinct', function () {
    readTimeBudgetMs();
  });
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    const budget = readTimeBudgetMs();
    const current = this.options.maxTimeMS;
    this.option({ maxTimeMS: current === undefined ? budget : Math.min(current, budget) });
    const requestId = currentRequestContext()?.requestId;
    if (requestId && this.options.comment === undefined) this.option({ comment: requestId });
  });
  const onError = (err: unknown, _res: unknown, next: (err?: unknown) => void) =>
    next(abandonedIfOutOfTime(err));
  schema.post(READS, onError as never);
  schema.post('aggregate', onError as never);
}

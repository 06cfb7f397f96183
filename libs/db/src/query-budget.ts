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

/**
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
  });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line and outgoing call made while serving one request should carry. */
export interface RequestContext {
  requestId: string;
  /** Aborted when the caller gave up (went away, or its time ran out): no new work should start. */
  signal?: AbortSignal;
  /** When the caller stops waiting (epoch ms), if it said. Database queries are bounded by it. */
  deadline?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `ctx` as the current request context (for logs, subgraph calls and jobs). */
export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Accepts a well-formed incoming request id, or makes a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

// The portal's one way to the graph: named, typed operations sent to the gateway from the
// server, with the visitor's token and address, and errors turned into something a page can show.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ERROR_CODES, type ErrorCode } from '@portal/errors';
import { ClientError, GraphQLClient } from 'graphql-request';
import type { PortalLoadContext } from './context';

/**
 * The codes a page tells apart: the graph's own, but SERVICE_UNAVAILABLE (shown as
 * INTERNAL_SERVER_ERROR, like any code the portal does not know), and NETWORK when the gateway
 * could not be reached.
 */
export type GraphErrorCode = Exclude<ErrorCode, 'SERVICE_UNAVAILABLE'> | 'NETWORK';

export interface GraphError {
  code: GraphErrorCode;
  message: string;
  /** What is wrong with each input field (BAD_USER_INPUT), by the field's last name, e.g. `title`. */
  fields: Record<string, string>;
  /** The same messages by the field's whole path, e.g. `answers.2.optionIds` (lists of inputs). */
  paths?: Record<string, string>;
  /** Seconds to wait before trying again (RATE_LIMITED). */
  retryAfter?: number;
}

export type GraphResult<T> = { ok: true; data: T } | { ok: false; error: GraphError; data?: T };

/** What a staff form action answers: a short note of what it did, or the graph's error. */
export interface ActionOutcome {
  done: string | null;
  error: GraphError | null;
}

/** The outcome of one operation: `done` describes its data when it worked. */
export function outcome<T>(result: GraphResult<T>, done: (data: T) => string): ActionOutcome {
  return result.ok ? { done: done(result.data), error: null } : { done: null, error: result.error };
}

const KNOWN = new Set<string>(ERROR_CODES.filter((code) => code !== 'SERVICE_UNAVAILABLE'));

interface RawError {
  message: string;
  extensions?: {
    code?: string;
    fields?: ({ field: string; message: string } | string)[];
    retryAfter?: number;
  };
}

/** The first error of an answer as the portal shows it. */
export function toGraphError(
  errors: readonly RawError[],
  status?: number,
  retryAfter?: number,
): GraphError {
  const first = errors[0];
  const raw = first?.extensions?.code;
  const code: GraphErrorCode =
    status === 429
      ? 'RATE_LIMITED'
      : raw && KNOWN.has(raw)
        ? (raw as GraphErrorCode)
        : 'INTERNAL_SERVER_ERROR';
  const fields: Record<string, string> = {};
  const paths: Record<string, string> = {};
  for (const e of errors)
    for (const f of e.extensions?.fields ?? []) {
      const [path, message] = typeof f === 'string' ? [f, e.message] : [f.field, f.message];
      fields[path.split('.').pop()!] = message;
      paths[path] = message;
    }
  const wait = retryAfter ?? first?.extensions?.retryAfter;
  return {
    code,
    message: first?.message ?? 'Lỗi không xác định',
    fields,
    paths,
    ...(wait !== undefined ? { retryAfter: wait } : {}),
  };
}

/** Sends one operation for the visitor behind `ctx` (with their token when signed in). */
export async function runOperation<TData, TVariables extends Record<string, unknown>>(
  ctx: PortalLoadContext,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string | null,
): Promise<GraphResult<TData>> {
  const headers: Record<string, string> = {
    'x-request-id': ctx.requestId,
    // The gateway trusts this from loopback/private addresses only (TRUST_PROXY).
    ...(ctx.clientIp ? { 'x-forwarded-for': ctx.clientIp } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const client = new GraphQLClient(ctx.config.graphqlUrl, {
    headers,
    errorPolicy: 'all',
    signal: AbortSignal.timeout(15_000),
  });
  try {
    const res = await client.rawRequest<TData, TVariables>({
      query: document,
      variables,
    } as never);
    if (res.errors?.length) {
      const data = res.data ?? undefined;
      return {
        ok: false,
        error: toGraphError(res.errors as RawError[], res.status),
        ...(data ? { data } : {}),
      };
    }
    return { ok: true, data: res.data };
  } catch (err) {
    if (err instanceof ClientError) {
      const retry = Number(err.response.headers.get('retry-after'));
      return {
        ok: false,
        error: toGraphError(
          (err.response.errors ?? []) as RawError[],
          err.response.status,
          Number.isFinite(retry) && retry > 0 ? retry : undefined,
        ),
      };
    }
    return {
      ok: false,
      error: { code: 'NETWORK', message: (err as Error).message, fields: {}, paths: {} },
    };
  }
}

/** What the graph found, or a 404 for the route's error boundary when it found nothing. */
export function orNotFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Response('not found', { status: 404 });
  return value;
}

/**
 * For loaders of pages that cannot render without their data: the data, or a thrown
 * Response whose status the error boundary turns into a human message.
 */
export async function loadOrThrow<TData, TVariables extends Record<string, unknown>>(
  ctx: PortalLoadContext,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string | null,
): Promise<TData> {
  const result = await runOperation(ctx, document, variables, token);
  if (result.ok) return result.data;
  const status =
    result.error.code === 'NOT_FOUND'
      ? 404
      : result.error.code === 'RATE_LIMITED'
        ? 429
        : result.error.code === 'UNAUTHENTICATED'
          ? 401
          : result.error.code === 'FORBIDDEN'
            ? 403
            : 503;
  throw new Response(
    JSON.stringify({ code: result.error.code, retryAfter: result.error.retryAfter }),
    {
      status,
      headers: {
        'content-type': 'application/json',
        ...(result.error.retryAfter ? { 'retry-after': String(result.error.retryAfter) } : {}),
      },
    },
  );
}

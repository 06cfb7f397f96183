import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Pool, request } from 'undici';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, REQUEST_TIMEOUT_HEADER } from '@portal/auth';
import { deadline } from '@portal/http';
import { currentRequestContext } from '@portal/logger';
import type { GatewayContext } from '../context';
import type { Identity } from '../identity/identity';
import type { GatewayMetrics } from '../metrics';
import type { CircuitBreaker } from './circuit-breaker';
import type { InFlightFetches } from './in-flight-fetches';
import { SubgraphAnswer } from './subgraph-answer';

/** A subgraph fetch that failed in transport (refused, reset, timed out), as opposed to an answer with errors. */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: 'timeout' | 'unreachable' | 'circuit_open',
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'timeout'
        ? `${subgraph} did not answer in time`
        : reason === 'circuit_open'
          ? `${subgraph} failed repeatedly; its circuit is open`
          : `${subgraph} is unreachable`,
      options,
    );
    this.name = 'SubgraphUnavailableError';
  }
}

/** Codes with which a subgraph refuses a request it could not run because of the caller's input. */
const INPUT_REFUSALS = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;
type CacheHint = { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' };

/**
 * Which viewers get the same answers, so their identical fetches may be shared: anonymous
 * callers with each other, partner keys with the same scopes with each other. People are
 * never shared with anyone (null).
 */
export function viewerShareKey(identity: Identity): string | null {
  if (identity.kind === 'anonymous') return 'anonymous';
  if (identity.kind === 'partner')
    return `partner:${[...identity.apiClient.scopes].sort().join(',')}`;
  return null;
}

/**
 * The signal of the request a fetch is made for: aborted when its client goes away before the
 * answer (libs/http requestIdMiddleware, whose request context the whole execution runs in).
 */
function callerSignal(): AbortSignal | undefined {
  return currentRequestContext()?.signal;
}

/** A subgraph's Cache-Control header as a hint for the response's cache policy (as Apollo reads it). */
function cacheHint(header: string | undefined): CacheHint {
  const hint: CacheHint = { maxAge: 0 };
  for (const directive of (header ?? '').split(',')) {
    const [name, value] = directive.trim().toLowerCase().split('=', 2);
    if (name === 'max-age' && value && /^[0-9]+$/.test(value)) hint.maxAge = Number(value);
    else if (name === 'private') hint.scope = 'PRIVATE';
    else if (name === 'public') hint.scope = 'PUBLIC';
  }
  return hint;
}

interface DataSourceOptions {
  subgraph: string;
  url: string;
  timeoutMs: number;
  /** The most sockets kept open to the subgraph; fetches beyond them wait for one. */
  connections: number;
  metrics: GatewayMetrics;
  /** Shares identical fetches of shareable viewers in flight; off when absent. */
  inFlight?: InFlightFetches<SubgraphAnswer>;
  /** Fails fetches at once after repeated transport failures; none when absent. */
  circuit?: CircuitBreaker;
}

/**
 * How the gateway talks to one subgraph: it sends the viewer only as the signed internal
 * token (never the caller's own credentials) plus the request id and how long it will wait
 * (so the subgraph bounds its database work by the same time); identical reads of viewers
 * who get the same answers are shared while in flight; and the subgraph's Cache-Control
 * header restricts the response's cache policy.
 *
 * Apollo's `RemoteGraphQLDataSource` does the same work with node-fetch's Headers and Request
 * built around every fetch, which the gateway's profile showed as a cost of its own; this is
 * its `process` over one plain header object and one body string.
 */
export class PortalDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;

  constructor(private readonly o: DataSourceOptions) {
    this.pool = new Pool(new URL(o.url).origin, {
      connections: o.connections,
      // An idle socket is closed before its server would close it: after the time the server's
      // `Keep-Alive: timeout=` hint gives, less a margin (the subgraphs give 65 s: kept 60 s at
      // most), or after 4 s when a server gives none.
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 60_000,
    });
  }

  /** Closes the subgraph's sockets (at shutdown, once no fetch is running). */
  async close(): Promise<void> {
    await this.pool.close();
  }

  async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<SubgraphResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    // A client's operation (not a health check or a schema load).
    const incoming =
      'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const headers: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    headers['content-type'] = 'application/json';
    headers[REQUEST_TIMEOUT_HEADER] = String(this.o.timeoutMs);
    let shareKey: string | null = null;
    // Requests the gateway makes on its own (none with a static supergraph) carry no viewer.
    if (context && typeof context.internalToken === 'function') {
      headers[INTERNAL_TOKEN_HEADER] = await context.internalToken(this.o.subgraph);
      headers[REQUEST_ID_HEADER] = context.requestId;
      // Only reads are shared: a mutation's fetches always run as the caller's own.
      if (incoming?.operation?.operation === 'query') shareKey = viewerShareKey(context.identity);
    }
    const { http: _, ...payload } = request;
    const answer = await this.fetch(headers, JSON.stringify(payload), shareKey);
    if (!answer.ok) throw this.failure(answer);
    const body = answer.content();
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error(`Expected JSON response body, but received: ${answer.body}`);
    const policy = incoming?.overallCachePolicy;
    if (policy && 'restrict' in policy) policy.restrict(cacheHint(answer.header('cache-control')));
    return body as SubgraphResponse;
  }

  /**
   * One fetch, or a share of an identical one in flight when the viewer may share (see
   * InFlightFetches). A fetch of one caller only is aborted when that caller goes away; a
   * shared one only when all its callers have.
   */
  private fetch(
    headers: Record<string, string>,
    body: string,
    shareKey: string | null,
  ): Promise<SubgraphAnswer> {
    const signal = callerSignal();
    if (shareKey === null || !this.o.inFlight) return this.send(headers, body, signal);
    return this.o.inFlight.fetch(
      // One InFlightFetches serves every subgraph: the key names this one.
      `${shareKey}\n${this.o.subgraph}\n${body}`,
      (shared) => this.send(headers, body, shared),
      () => this.o.metrics.sharedSubgraphFetches.inc({ subgraph: this.o.subgraph }),
      signal,
    );
  }

  /**
   * Sends one fetch over the keep-alive pool (undici's `request`: no web streams, one write per
   * request) and reads its answer whole, or fails as unavailable. Every fetch is bounded by the
   * subgraph's timeout and timed, and fails at once while the subgraph's circuit is open.
   */
  private async send(
    headers: Record<string, string>,
    body: string,
    abandoned?: AbortSignal,
  ): Promise<SubgraphAnswer> {
    const { subgraph, url, timeoutMs, metrics, circuit } = this.o;
    if (circuit && !circuit.allow()) {
      metrics.subgraphFetchDuration.observe({ subgraph, outcome: 'circuit_open' }, 0);
      throw new SubgraphUnavailableError(subgraph, 'circuit_open');
    }
    const end = metrics.subgraphFetchDuration.startTimer({ subgraph });
    // Given up when the timeout passes (the subgraph, told how long the gateway waits by
    // x-portal-timeout-ms, stops its database work at the same moment), or when nobody
    // waits for the answer any more: closing the connection tells the subgraph to stop.
    const limit = deadline(timeoutMs, abandoned);
    try {
      const res = await request(url, {
        dispatcher: this.pool,
        method: 'POST',
        headers,
        body,
        signal: limit.signal,
      });
      // The body too within the time: a subgraph that sends its headers and hangs has not answered.
      const text = await res.body.text();
      const answer = new SubgraphAnswer(url, res.statusCode, res.headers, text);
      end({ outcome: answer.ok ? 'ok' : 'http_error' });
      circuit?.success();
      return answer;
    } catch (err) {
      if (abandoned?.aborted) {
        end({ outcome: 'abandoned' });
        throw err;
      }
      const timedOut =
        limit.signal.aborted && (limit.signal.reason as Error)?.name === 'TimeoutError';
      end({ outcome: timedOut ? 'timeout' : 'unreachable' });
      circuit?.failure();
      throw new SubgraphUnavailableError(subgraph, timedOut ? 'timeout' : 'unreachable', {
        cause: err,
      });
    } finally {
      limit.clear();
    }
  }

  /**
   * The error for a subgraph that answered with an HTTP error status. A subgraph answers 400
   * when the caller's own input fails its validation, e.g. an impossible DateTime written
   * inline in the query (the gateway passes custom scalars through unchecked): that is the
   * caller's mistake, so it becomes BAD_USER_INPUT with the subgraph's message rather than a
   * masked internal error. Every other status becomes Apollo's error for it (401
   * UNAUTHENTICATED, 403 FORBIDDEN, else masked), with the answer in its extensions.
   */
  private failure(answer: SubgraphAnswer): GraphQLError {
    let body: unknown;
    try {
      body = answer.content();
    } catch {
      body = answer.body;
    }
    if (answer.status === 400) {
      const errors = (body as { errors?: unknown } | null)?.errors;
      const refusal = (Array.isArray(errors) ? errors : []).find(
        (e: { extensions?: { code?: unknown } }) => INPUT_REFUSALS.has(String(e?.extensions?.code)),
      ) as { message?: unknown } | undefined;
      if (refusal && typeof refusal.message === 'string')
        return new GraphQLError(refusal.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const statusText = STATUS_CODES[answer.status] ?? '';
    const code =
      answer.status === 401 ? 'UNAUTHENTICATED' : answer.status === 403 ? 'FORBIDDEN' : undefined;
    return new GraphQLError(`${answer.status}: ${statusText}`, {
      extensions: {
        response: { url: answer.url, status: answer.status, statusText, body },
        ...(code ? { code } : {}),
      },
    });
  }
}

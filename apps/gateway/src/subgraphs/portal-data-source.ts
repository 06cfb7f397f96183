import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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

type Fetcher = NonNullable<RemoteGraphQLDataSource['fetcher']>;
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** Codes with which a subgraph refuses a request it could not run because of the caller's input. */
const INPUT_REFUSALS = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/** Set by willSendRequest on fetches that may be shared; the fetcher removes it before sending. */
const SHARE_HEADER = 'x-gateway-share-key';

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

type FetchInit = { method?: string; headers: Record<string, string>; body?: string };
/** Sends one fetch to the subgraph and reads its answer whole, or fails as unavailable. */
type SubgraphFetch = (
  url: string,
  init: FetchInit,
  signal?: AbortSignal,
) => Promise<SubgraphAnswer>;

/**
 * Collapses identical fetches of shareable viewers in flight into one (see InFlightFetches).
 * A fetch of one caller only is aborted when that caller goes away; a shared one only when
 * all its callers have.
 */
function sharingFetcher(
  subgraph: string,
  send: SubgraphFetch,
  inFlight: InFlightFetches<SubgraphAnswer> | undefined,
  metrics: GatewayMetrics,
): Fetcher {
  const fetcher = async (url: string, init: FetchInit) => {
    const signal = callerSignal();
    const shareKey = init.headers[SHARE_HEADER];
    const { [SHARE_HEADER]: _, ...headers } = init.headers;
    if (shareKey === undefined || !inFlight) return send(url, { ...init, headers }, signal);
    return inFlight.fetch(
      `${shareKey}\n${url}\n${String(init.body)}`,
      (shared) => send(url, { ...init, headers }, shared),
      () => metrics.sharedSubgraphFetches.inc({ subgraph }),
      signal,
    );
  };
  return fetcher as unknown as Fetcher;
}

/**
 * Sends fetches over a keep-alive pool of at most `connections` sockets to the subgraph's
 * origin (undici's `request`: no web streams, one write per request). Every fetch is bounded
 * by the subgraph's timeout and timed, and fails at once while the subgraph's circuit is open.
 */
function timedFetch(
  subgraph: string,
  pool: Pool,
  timeoutMs: number,
  metrics: GatewayMetrics,
  circuit?: CircuitBreaker,
): SubgraphFetch {
  return async (url, init, abandoned) => {
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
        dispatcher: pool,
        method: (init.method ?? 'POST') as 'POST',
        headers: init.headers,
        body: init.body,
        signal: limit.signal,
      });
      // The body too within the time: a subgraph that sends its headers and hangs has not answered.
      const body = await res.body.text();
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      end({ outcome: ok ? 'ok' : 'http_error' });
      circuit?.success();
      return new SubgraphAnswer(url, res.statusCode, headerEntries(res.headers), body);
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
  };
}

/** undici's response headers (a repeated one as an array) as name/value pairs. */
function headerEntries(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(headers))
    for (const one of [value ?? []].flat()) entries.push([name, one]);
  return entries;
}

/**
 * How the gateway talks to one subgraph: it sends the viewer only as the signed internal
 * token (never the caller's own credentials) plus the request id and how long it will wait
 * (so the subgraph bounds its database work by the same time), and it honours the
 * subgraph's Cache-Control header when computing the response's cache policy.
 */
export class PortalDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly timeoutMs: number;
  private readonly pool: Pool;

  constructor(options: {
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
  }) {
    const pool = new Pool(new URL(options.url).origin, {
      connections: options.connections,
      // An idle socket is closed before its server would close it: after the time the server's
      // `Keep-Alive: timeout=` hint gives, less a margin (the subgraphs give 65 s: kept 60 s at
      // most), or after 4 s when a server gives none.
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 60_000,
    });
    const send = timedFetch(
      options.subgraph,
      pool,
      options.timeoutMs,
      options.metrics,
      options.circuit,
    );
    super({
      url: options.url,
      honorSubgraphCacheControlHeader: true,
      fetcher: sharingFetcher(options.subgraph, send, options.inFlight, options.metrics),
    });
    this.subgraph = options.subgraph;
    this.timeoutMs = options.timeoutMs;
    this.pool = pool;
  }

  /** Closes the subgraph's sockets (at shutdown, once no fetch is running). */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /**
   * A subgraph answers 400 when the caller's own input fails its validation, e.g. an impossible
   * DateTime written inline in the query (the gateway passes custom scalars through unchecked).
   * That is the caller's mistake, so it becomes BAD_USER_INPUT with the subgraph's message
   * rather than a masked internal error; every other failure keeps Apollo's handling.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as {
        errors?: { message?: unknown; extensions?: { code?: unknown } }[];
      } | null;
      const refusal = body?.errors?.find((e) => INPUT_REFUSALS.has(String(e.extensions?.code)));
      if (refusal && typeof refusal.message === 'string')
        return new GraphQLError(refusal.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return super.errorFromResponse(response);
  }

  override async willSendRequest(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<void> {
    const { request, context } = options;
    request.http!.headers.set(REQUEST_TIMEOUT_HEADER, String(this.timeoutMs));
    // Requests the gateway makes on its own (none with a static supergraph) carry no viewer.
    if (!context || typeof context.internalToken !== 'function') return;
    request.http!.headers.set(INTERNAL_TOKEN_HEADER, await context.internalToken(this.subgraph));
    request.http!.headers.set(REQUEST_ID_HEADER, context.requestId);
    // Only reads are shared: a mutation's fetches always run as the caller's own.
    const operation =
      'incomingRequestContext' in options
        ? options.incomingRequestContext.operation?.operation
        : undefined;
    const shareKey = operation === 'query' ? viewerShareKey(context.identity) : null;
    if (shareKey !== null) request.http!.headers.set(SHARE_HEADER, shareKey);
  }
}

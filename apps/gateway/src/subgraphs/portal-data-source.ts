import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '@portal/auth';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';

/** A subgraph fetch that failed in transport (refused, reset, timed out), as opposed to an answer with errors. */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: 'timeout' | 'unreachable',
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'timeout' ? `${subgraph} did not answer in time` : `${subgraph} is unreachable`,
      options,
    );
    this.name = 'SubgraphUnavailableError';
  }
}

type Fetcher = NonNullable<RemoteGraphQLDataSource['fetcher']>;

/**
 * Node's fetch (undici) pools keep-alive connections per origin, so the gateway reuses
 * sockets to each subgraph. Every fetch is bounded by the subgraph's timeout and timed.
 */
function timedFetcher(subgraph: string, timeoutMs: number, metrics: GatewayMetrics): Fetcher {
  const fetcher = async (url: string, init: RequestInit) => {
    const end = metrics.subgraphFetchDuration.startTimer({ subgraph });
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      end({ outcome: res.ok ? 'ok' : 'http_error' });
      return res;
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      end({ outcome: timedOut ? 'timeout' : 'unreachable' });
      throw new SubgraphUnavailableError(subgraph, timedOut ? 'timeout' : 'unreachable', {
        cause: err,
      });
    }
  };
  return fetcher as unknown as Fetcher;
}

/**
 * How the gateway talks to one subgraph: it sends the viewer only as the signed internal
 * token (never the caller's own credentials) plus the request id, and it honours the
 * subgraph's Cache-Control header when computing the response's cache policy.
 */
export class PortalDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;

  constructor(options: {
    subgraph: string;
    url: string;
    timeoutMs: number;
    metrics: GatewayMetrics;
  }) {
    super({
      url: options.url,
      honorSubgraphCacheControlHeader: true,
      fetcher: timedFetcher(options.subgraph, options.timeoutMs, options.metrics),
    });
    this.subgraph = options.subgraph;
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Requests the gateway makes on its own (none with a static supergraph) carry no viewer.
    if (!context || typeof context.internalToken !== 'function') return;
    request.http!.headers.set(INTERNAL_TOKEN_HEADER, await context.internalToken(this.subgraph));
    request.http!.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

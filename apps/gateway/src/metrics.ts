import { Counter, Gauge, Histogram } from 'prom-client';
import { createMetrics, type Metrics } from '@portal/http';

/** The shared service metrics plus what only the gateway sees. */
export interface GatewayMetrics extends Metrics {
  subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  rateLimited: Counter<'caller'>;
  responseCache: Counter<'outcome'>;
  cachePurges: Counter<'type'>;
  sharedSubgraphFetches: Counter<'subgraph'>;
  sharedAnswers: Counter;
  subgraphCircuitOpen: Gauge<'subgraph'>;
}

export function createGatewayMetrics(): GatewayMetrics {
  const metrics = createMetrics('gateway');
  return {
    ...metrics,
    subgraphFetchDuration: new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Latency of the gateway fetches to each subgraph, by outcome',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    }),
    rateLimited: new Counter({
      name: 'gateway_rate_limited_total',
      help: 'Requests refused by the rate limiter, by kind of caller',
      labelNames: ['caller'],
      registers: [metrics.registry],
    }),
    responseCache: new Counter({
      name: 'gateway_response_cache_total',
      help: 'Anonymous queries looked up in the response cache, by outcome (hit, miss)',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    }),
    cachePurges: new Counter({
      name: 'gateway_response_cache_purges_total',
      help: 'Graph changes that purged cached answers, by changed type',
      labelNames: ['type'],
      registers: [metrics.registry],
    }),
    sharedSubgraphFetches: new Counter({
      name: 'gateway_shared_subgraph_fetches_total',
      help: 'Subgraph fetches answered by an identical fetch already in flight',
      labelNames: ['subgraph'],
      registers: [metrics.registry],
    }),
    sharedAnswers: new Counter({
      name: 'gateway_shared_answers_total',
      help: 'Queries that waited for an identical query in flight instead of running their own',
      registers: [metrics.registry],
    }),
    subgraphCircuitOpen: new Gauge({
      name: 'gateway_subgraph_circuit_open',
      help: "1 while a subgraph's circuit is open or probing (its fetches fail at once), else 0",
      labelNames: ['subgraph'],
      registers: [metrics.registry],
    }),
  };
}

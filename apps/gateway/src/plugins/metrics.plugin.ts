import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';

/** Counts operations by name, type and outcome, and errors by the code clients actually saw. */
export function metricsPlugin(
  metrics: GatewayMetrics,
  knownOperations: ReadonlySet<string>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation, operationName }) {
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? [])
            metrics.graphqlErrors.inc({
              code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            });
          metrics.graphqlOperations.inc({
            // Clients choose operation names: only the contract's get their own label, to bound cardinality.
            operation:
              operationName && knownOperations.has(operationName) ? operationName : 'other',
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'ok',
          });
        },
      };
    },
  };
}

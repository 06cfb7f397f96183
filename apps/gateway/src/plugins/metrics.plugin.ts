import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';

/**
 * The metrics' label of an operation: clients choose operation names, so only the contract's
 * get their own label, to bound cardinality.
 */
export function operationLabel(
  knownOperations: ReadonlySet<string>,
  operationName: string | null | undefined,
): string {
  return operationName && knownOperations.has(operationName) ? operationName : 'other';
}

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
            operation: operationLabel(knownOperations, operationName),
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'ok',
          });
        },
      };
    },
  };
}

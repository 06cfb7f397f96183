import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { AnsweredOperation } from '../http/in-flight-answers';
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

/** What an answer about to be sent says of its operation, as the metrics count it. */
export function answeredOperation(
  requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>,
): AnsweredOperation {
  const { response, operation, operationName } = requestContext;
  const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
  return {
    name: operationName ?? null,
    type: operation?.operation ?? 'unknown',
    errorCodes: (errors ?? []).map((error) =>
      String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
    ),
  };
}

/** Counts one answered operation, and its errors by the code clients actually saw. */
export function recordOperation(
  metrics: GatewayMetrics,
  knownOperations: ReadonlySet<string>,
  operation: AnsweredOperation,
): void {
  for (const code of operation.errorCodes) metrics.graphqlErrors.inc({ code });
  metrics.graphqlOperations.inc({
    operation: operationLabel(knownOperations, operation.name),
    type: operation.type,
    outcome: operation.errorCodes.length ? 'error' : 'ok',
  });
}

/** Counts operations by name, type and outcome, and errors by the code clients actually saw. */
export function metricsPlugin(
  metrics: GatewayMetrics,
  knownOperations: ReadonlySet<string>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const operation = answeredOperation(requestContext);
          recordOperation(metrics, knownOperations, operation);
          // The requests that waited for this answer are counted with the same operation.
          const sharing = requestContext.contextValue.answerSharing;
          if (sharing) sharing.operation = operation;
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { answeredOperation } from './metrics.plugin';

/**
 * Opens a request to identical ones in flight once it is known to be a query (a mutation is
 * never shared), and notes the operation it answered for their metrics (see InFlightAnswers).
 */
export function answerSharingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const sharing = contextValue.answerSharing;
      if (!sharing) return;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'query') sharing.open();
        },
        async willSendResponse(requestContext) {
          sharing.operation = answeredOperation(requestContext);
        },
      };
    },
  };
}

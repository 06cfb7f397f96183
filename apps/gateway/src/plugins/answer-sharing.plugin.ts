import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

/**
 * Opens a request to identical ones in flight once it is known to be a query (a mutation is
 * never shared; see InFlightAnswers). metricsPlugin notes the operation answered for them.
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
      };
    },
  };
}

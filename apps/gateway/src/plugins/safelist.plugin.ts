import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import type { Safelist } from '../domain/safelist';

/** SAFELIST=on: only the contract's operations run; anything else is refused before planning. */
export function safelistPlugin(safelist: Safelist): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation && safelist.allows(operation)) return;
          throw new GraphQLError(
            'Only the published operations (contract/operations.graphql) may run on this server',
            { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
          );
        },
      };
    },
  };
}

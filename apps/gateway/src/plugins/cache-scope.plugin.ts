import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

/**
 * Answers to signed-in people and partners are never stored by browsers or shared caches:
 * they may hold personal data whatever the subgraphs' hints say. Apollo's cache-control
 * plugin keeps an existing `no-store`; anonymous answers get `max-age=N, public|private`
 * from the subgraphs' hints.
 */
export function cacheScopePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue, response }) {
      if (contextValue.identity.kind !== 'anonymous')
        response.http.headers.set('cache-control', 'no-store');
    },
  };
}

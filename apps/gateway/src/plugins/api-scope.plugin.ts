import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import { describeViolations, scopeViolations } from '../domain/api-scopes';
import type { FieldOwners } from '../domain/field-owners';

/** Holds partners' API keys to their scopes (see scopeViolations); people and anonymous callers pass. */
export function apiScopePlugin(owners: FieldOwners): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, schema, document, operationName }) {
          const { identity } = contextValue;
          if (identity.kind !== 'partner') return;
          const violations = scopeViolations({
            schema,
            document,
            operationName,
            owners,
            scopes: identity.apiClient.scopes,
          });
          if (violations.length === 0) return;
          throw new GraphQLError(describeViolations(violations), {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}

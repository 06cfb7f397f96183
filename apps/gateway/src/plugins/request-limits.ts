import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@portal/db';
import type { GatewayContext } from '../context';
import { costLimitError, operationCost, type QueryCostOptions } from '../domain/query-cost';

export interface RequestLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * Pages as every subgraph serves them: libs/db's pageSize() defaults to DEFAULT_PAGE_SIZE
 * and caps at MAX_PAGE_SIZE, so the cost can count on the same numbers.
 */
export const PAGE_SIZES: QueryCostOptions = {
  defaultPage: DEFAULT_PAGE_SIZE,
  maxPage: MAX_PAGE_SIZE,
};

/**
 * The cost limit. It needs the variables (`first: $n`), which validation never sees (Apollo
 * caches validation per document), so it runs once the operation is resolved, before any
 * subgraph is asked anything.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables, PAGE_SIZES);
          if (cost > maxCost) throw costLimitError(maxCost, cost);
        },
      };
    },
  };
}

/**
 * Depth, alias and directive limits (graphql-armor validation rules), the cost limit (our
 * own: graphql-armor's multiplies only by integer literals, so `first: $n` and schema
 * defaults went uncounted) and the token limit (graphql-js's own parser option, which stops
 * lexing at the limit). Introspection is held to the same limits as everything else.
 */
export function requestLimitProtection(limits: RequestLimits): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<GatewayContext>[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors removes suggestions in production.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules as ValidationRule[],
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      costLimitPlugin(limits.maxCost),
    ],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

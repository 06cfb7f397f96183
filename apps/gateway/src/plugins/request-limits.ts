import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { GatewayContext } from '../context';

export interface RequestLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * Depth, cost, alias and directive limits (graphql-armor validation rules) and the token
 * limit (graphql-js's own parser option, which stops lexing at the limit). Introspection
 * is held to the same limits as everything else.
 */
export function requestLimitProtection(limits: RequestLimits): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<GatewayContext>[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true },
    // Cost = fields (objects 2, scalars 1) multiplied by `first`/`last` page sizes, with no
    // extra weight per level: depth has its own limit, and the product of page sizes is what
    // makes a query expensive for the subgraphs.
    costLimit: {
      maxCost: limits.maxCost,
      depthCostFactor: 1,
      flattenFragments: true,
      ignoreIntrospection: false,
    },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors removes suggestions in production.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules as ValidationRule[],
    plugins: armor.plugins as ApolloServerPlugin<GatewayContext>[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

import type { CodegenConfig } from '@graphql-codegen/cli';
import { schemaFileSdl } from './schema-file';

/** What differs between the subgraphs' resolver-type generation. */
export interface SubgraphCodegenOptions {
  /** The app's folder name under `apps/`. */
  app: string;
  /** The resolver context, as `'../context#ContentContext'`. */
  contextType: string;
  /** GraphQL type name → the model type its resolvers get (`'../models#ThreadDoc'`). */
  mappers: Record<string, string>;
  /** A comment block written at the top of the generated file. */
  header?: string;
  /** More typescript-resolvers settings (`useTypeImports`, `avoidOptionals`). */
  config?: Record<string, unknown>;
}

/**
 * graphql-codegen's configuration for a subgraph's `src/__generated__/resolvers-types.ts`:
 * resolver types from its `schema.graphql` (with the shared parts it includes), federation
 * aware, mapped to the model types resolvers actually return, so a renamed or retyped field
 * fails to compile. Imported relatively by each app's `codegen.ts` (graphql-codegen loads it
 * with jiti, which knows no path aliases).
 */
export function subgraphCodegenConfig(options: SubgraphCodegenOptions): CodegenConfig {
  const { app } = options;
  return {
    schema: schemaFileSdl(`apps/${app}/schema.graphql`),
    generates: {
      [`apps/${app}/src/__generated__/resolvers-types.ts`]: {
        plugins: [
          ...(options.header ? [{ add: { content: options.header } }] : []),
          'typescript',
          'typescript-resolvers',
        ],
        config: {
          federation: true,
          useIndexSignature: true,
          enumsAsTypes: true,
          contextType: options.contextType,
          scalars: { DateTime: 'Date' },
          mappers: options.mappers,
          ...options.config,
        },
      },
    },
  };
}

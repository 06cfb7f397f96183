import type { CodegenConfig } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';

// Typed operations from the graph contract (the portal's own operations are in it too), checked against the API schema of
// the composed supergraph (`npm run compose` writes it), so a removed field fails to compile. Enums come as const objects
// in the schema's order (not sorted), so a filter or form offers the graph's own values instead of a copy of them.
const root = resolve(import.meta.dirname, '../..');
const supergraph = Supergraph.build(
  readFileSync(resolve(root, 'apps/gateway/supergraph.graphql'), 'utf8'),
);

const config: CodegenConfig = {
  schema: printSchema(supergraph.apiSchema().toGraphQLJSSchema()),
  documents: ['contract/operations.graphql'],
  // Read by the schema loader: keep the schema's order instead of sorting it.
  config: { sort: false },
  generates: {
    'apps/portal-web/app/__generated__/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        onlyOperationTypes: true,
        enumsAsConst: true,
        namingConvention: { enumValues: 'keep' },
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
